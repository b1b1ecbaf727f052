package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.SHANGHAI;
import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Consultation on policy drafts (征求意见): published with its interpretation after someone else's review, comments
 * during the period counted at once and public after review, the adoption report answered through the citizen-input
 * workflow, mails (GreenMail) to topic followers and commenters, feeds, personal data.
 */
class ConsultationsIT {

    static final Api ORGANISER = Api.as("organiser");
    static final Api REVIEWER = Api.as("reviewer");

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    static JsonObjectBuilder draft(String title, int days) {
        OffsetDateTime opens = OffsetDateTime.now(SHANGHAI).minusHours(1).truncatedTo(ChronoUnit.MINUTES);
        JsonArrayBuilder paragraphs = Json.createArrayBuilder();
        for (int i = 1; i <= 4; i++) {
            paragraphs.add("第" + i + "条 关于加装电梯的第" + i + "项规定。");
        }
        return Json.createObjectBuilder().add("title", title).add("paragraphs", paragraphs)
                .add("interpretation", "本办法解决老旧小区加装电梯中的资金分摊和意见协调问题。")
                .add("opensAt", opens.toString()).add("closesAt", opens.plusDays(days).toString())
                .add("invitedOrganisations", Json.createArrayBuilder().add("浦锦商会").add("塘口居委会"));
    }

    /** A published consultation open for {@code days} days from an hour ago. */
    static JsonObject published(JsonObjectBuilder draft) {
        long id = id(ORGANISER.post("/api/v1/consultations", draft.build()).expect(201).json());
        ORGANISER.post("/api/v1/consultations/" + id + "/submit").expect(200);
        return REVIEWER.post("/api/v1/consultations/" + id + "/approve").expect(200).json();
    }

    static long paragraph(JsonObject consultation, int number) {
        return consultation.getJsonArray("paragraphs").getJsonObject(number - 1).getJsonNumber("id").longValue();
    }

    static JsonObject comment(Api api, long consultation, Long paragraph, String text) {
        JsonObjectBuilder body = Json.createObjectBuilder().add("text", text);
        if (paragraph != null) {
            body.add("paragraphId", paragraph);
        }
        return api.post("/api/v1/consultations/" + consultation + "/comments", body.build()).expect(201).json();
    }

    @Test
    void aDraftIsPublishedWithItsInterpretationAfterSomeoneElseReviewsIt() {
        String topicName = unique("加装电梯");
        long topic = id(ORGANISER.post("/api/v1/topics", Json.createObjectBuilder().add("name", topicName).build()).expect(201).json());
        ORGANISER.post("/api/v1/topics", Json.createObjectBuilder().add("name", topicName).build()).problem(400, "VALIDATION_FAILED");
        Api.Citizen follower = Api.newCitizen("关注电梯");
        follower.api().put("/api/v1/me/topics", Json.createObjectBuilder().add("topicIds", Json.createArrayBuilder().add(topic)).build())
                .expect(200);
        assertEquals(List.of("topicIds"), follower.api().put("/api/v1/me/topics", Json.createObjectBuilder()
                .add("topicIds", Json.createArrayBuilder().add(987654321L)).build()).errorFields());

        // without an interpretation it cannot go to review (三同步)
        JsonObject created = ORGANISER.post("/api/v1/consultations", draft(unique("加装电梯管理办法"), 10).add("topicId", topic)
                .addNull("interpretation").build()).expect(201).json();
        long id = id(created);
        assertEquals("DRAFT", created.getString("status"));
        assertEquals(4, created.getJsonArray("paragraphs").size());
        assertEquals(3, created.getJsonArray("paragraphs").getJsonObject(2).getInt("number"));
        ORGANISER.post("/api/v1/consultations/" + id + "/submit").problem(409, "INTERPRETATION_REQUIRED");
        Api.anonymous().get("/api/v1/consultations/" + id).problem(404, "NOT_FOUND");

        // a draft of a catalogue item is open at least 30 days
        long item = id(MajorDecisionsIT.published(unique("加装电梯决策")));
        assertEquals(List.of("closesAt"), ORGANISER.put("/api/v1/consultations/" + id, draft("改", 10).add("majorDecisionId", item)
                .add("version", created.getInt("version")).build()).errorFields());
        JsonObject updated = ORGANISER.put("/api/v1/consultations/" + id, draft(created.getString("title"), 31).add("topicId", topic)
                .add("majorDecisionId", item).add("version", created.getInt("version")).build()).expect(200).json();
        assertEquals(item, updated.getJsonNumber("majorDecisionId").longValue());

        // reviewed by someone who neither wrote nor submitted it
        Api.Citizen both = Api.newCitizen("征求意见身兼两职");
        Api.as("admin").put("/api/v1/accounts/" + both.id() + "/roles", Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("ORGANISER").add("REVIEWER")).build()).expect(200);
        both.api().post("/api/v1/consultations/" + id + "/submit").expect(200);
        both.api().post("/api/v1/consultations/" + id + "/approve").problem(403, "SELF_REVIEW");
        JsonObject approved = REVIEWER.post("/api/v1/consultations/" + id + "/approve").expect(200).json();
        assertEquals("PUBLISHED", approved.getString("status"));
        assertEquals("OPEN", approved.getString("period"));

        JsonArray ofItem = Api.anonymous().get("/api/v1/major-decisions/" + item).expect(200).json().getJsonArray("consultations");
        assertEquals(id, ofItem.getJsonObject(0).getJsonNumber("id").longValue(), "the catalogue item names its consultation");
        JsonObject publicView = Api.anonymous().get("/api/v1/consultations/" + id).expect(200).json();
        assertFalse(publicView.containsKey("authorId"), "staff fields stay out of the public view");
        assertTrue(publicView.getString("interpretation").contains("资金分摊"));
        assertTrue(Api.anonymous().get("/api/v1/consultations?status=OPEN").jsonArray().stream()
                .anyMatch(c -> c.asJsonObject().getJsonNumber("id").longValue() == id));
        Api.anonymous().get("/api/v1/consultations?status=SOON").problem(400, "VALIDATION_FAILED");
        assertTrue(Api.anonymous().get("/api/v1/topics").jsonArray().stream()
                .anyMatch(t -> t.asJsonObject().getString("name").equals(topicName) && t.asJsonObject().getInt("consultations") == 1));

        // listed where people look: the home page and the 政府开放 column
        assertTrue(Api.anonymous().get("/").expect(200).body().contains(created.getString("title")), "on the home page");
        assertTrue(Api.anonymous().get("/open/").expect(200).body().contains(created.getString("title")), "in 政府开放");

        // the follower hears of it; the feeds carry it; every step is in the audit log
        MimeMessage mail = Mailbox.await(follower.email(), created.getString("title"));
        assertTrue(Mailbox.textPart(mail).contains("/consultations/detail.xhtml?id=" + id), Mailbox.textPart(mail));
        String atom = Api.anonymous().get("/api/v1/consultations/feed.atom").expect(200).body();
        assertTrue(atom.contains(created.getString("title")), atom);
        assertTrue(Api.anonymous().get("/api/v1/open/feed.atom").expect(200).body().contains(created.getString("title")));
        String ics = Api.anonymous().get("/api/v1/consultations/periods.ics").expect(200).body().replace("\r\n ", "");
        assertTrue(ics.contains("UID:consultation-" + id + "@pujin-open"), ics);
        assertTrue(ics.contains("征求意见：" + created.getString("title")), ics);
        JsonArray audit = Api.as("admin").get("/api/v1/audit?entityType=consultation&entityId=" + id).expect(200).json()
                .getJsonArray("items");
        List<String> actions = audit.stream().map(a -> a.asJsonObject().getString("action")).toList();
        assertTrue(actions.containsAll(List.of("consultation.create", "consultation.update", "consultation.submit",
                "consultation.approve")), actions.toString());
    }

    @Test
    void commentsAreCountedAtOnceAndShownAfterReview() {
        JsonObject c = published(draft(unique("停车管理办法"), 2));
        long id = id(c);
        JsonObject other = published(draft(unique("另一草案"), 2));
        Api.Citizen citizen = Api.newCitizen("意见人甲");

        JsonObject mine = comment(citizen.api(), id, paragraph(c, 3), "第三条的收费标准过高，建议分时段收费。");
        assertEquals(3, mine.getInt("paragraphNumber"));
        assertEquals("PENDING", mine.getString("moderation"));
        JsonObject byOrganisation = citizen.api().post("/api/v1/consultations/" + id + "/comments", Json.createObjectBuilder()
                .add("text", "商户夜间装卸需要临时车位。").add("organisation", "浦锦商会").build()).expect(201).json();
        comment(citizen.api(), id, null, "整体赞成。");

        // counted at once beside the text, public only after review
        JsonObject counted = Api.anonymous().get("/api/v1/consultations/" + id).expect(200).json();
        assertEquals(3, counted.getInt("comments"));
        assertEquals(1, counted.getJsonArray("paragraphs").getJsonObject(2).getInt("comments"));
        assertEquals(2, counted.getInt("wholeComments"));
        assertEquals(0, Api.anonymous().get("/api/v1/consultations/" + id + "/comments").jsonArray().size());
        citizen.api().post("/api/v1/consultation-comments/" + id(mine) + "/show").problem(403, "FORBIDDEN");
        REVIEWER.post("/api/v1/consultation-comments/" + id(mine) + "/show").expect(200);
        REVIEWER.post("/api/v1/consultation-comments/" + id(byOrganisation) + "/show").expect(200);
        JsonArray shown = Api.anonymous().get("/api/v1/consultations/" + id + "/comments").jsonArray();
        assertEquals(2, shown.size());
        assertEquals("意**甲", shown.getJsonObject(0).getString("author"), "a person's name is masked");
        assertEquals("浦锦商会", shown.getJsonObject(1).getString("author"), "an organisation's comment is marked as theirs");
        assertFalse(shown.getJsonObject(0).containsKey("moderation"));

        // bad input
        Api.anonymous().post("/api/v1/consultations/" + id + "/comments", Json.createObjectBuilder().add("text", "匿名").build())
                .problem(401, "UNAUTHENTICATED");
        assertEquals(List.of("text"), citizen.api().post("/api/v1/consultations/" + id + "/comments",
                Json.createObjectBuilder().add("text", "  ").build()).errorFields());
        assertEquals(List.of("text"), citizen.api().post("/api/v1/consultations/" + id + "/comments",
                Json.createObjectBuilder().add("text", "长".repeat(2001)).build()).errorFields());
        assertEquals(List.of("organisation"), citizen.api().post("/api/v1/consultations/" + id + "/comments",
                Json.createObjectBuilder().add("text", "冒名").add("organisation", "未受邀公司").build()).errorFields());
        citizen.api().post("/api/v1/consultations/" + id + "/comments", Json.createObjectBuilder().add("text", "别处的段落")
                .add("paragraphId", paragraph(other, 1)).build()).problem(404, "NOT_FOUND");

        // after the period: 409
        SuggestionsIT.clock(OffsetDateTime.now(SHANGHAI).plusDays(3).toString());
        citizen.api().post("/api/v1/consultations/" + id + "/comments", Json.createObjectBuilder().add("text", "晚了").build())
                .problem(409, "CONSULTATION_CLOSED");
        assertEquals("CLOSED", Api.anonymous().get("/api/v1/consultations/" + id).json().getString("period"));
    }

    @Test
    void theAdoptionReportAnswersEveryCommenterWhoMayRateIt() {
        int year = OffsetDateTime.now(SHANGHAI).minusHours(1).getYear();
        JsonObject before = Api.anonymous().get("/api/v1/stats?year=" + year).expect(200).json();
        JsonObject c = published(draft(unique("垃圾分类办法"), 2));
        long id = id(c);
        Api.Citizen first = Api.newCitizen("意见人乙");
        Api.Citizen second = Api.newCitizen("意见人丙");
        long a = id(comment(first.api(), id, paragraph(c, 3), "第三条投放时间太早，建议延后到七点。"));
        long b = id(comment(second.api(), id, paragraph(c, 3), "投放点开放时间应兼顾上班族。"));
        long unanswered = id(comment(second.api(), id, null, "另一条暂不归类的意见。"));
        SuggestionsIT.Handler handler = SuggestionsIT.handler("征求意见承办人", false);
        JsonObject group = Json.createObjectBuilder().add("title", "投放时间").add("paragraphId", paragraph(c, 3))
                .add("departmentId", handler.departmentId()).add("commentIds", Json.createArrayBuilder().add(a).add(b)).build();
        ORGANISER.post("/api/v1/consultations/" + id + "/comment-groups", group).problem(409, "CONSULTATION_OPEN");

        SuggestionsIT.clock(OffsetDateTime.now(SHANGHAI).plusDays(3).toString());
        first.api().post("/api/v1/consultations/" + id + "/comment-groups", group).problem(403, "FORBIDDEN");
        JsonObject g = ORGANISER.post("/api/v1/consultations/" + id + "/comment-groups", group).expect(201).json();
        long groupId = id(g);
        assertEquals("ASSIGNED", g.getString("status"));
        assertEquals(2, g.getInt("comments"));
        assertEquals(List.of("commentIds"), ORGANISER.post("/api/v1/consultations/" + id + "/comment-groups", group).errorFields(),
                "a comment is in one group only");
        Mailbox.await(handler.person().email(), "征求意见 ZQ" + a);

        // answered by the department's handler, with a reason; published by a reviewer who did not answer
        assertEquals(List.of("reason"), handler.person().api().post("/api/v1/comment-groups/" + groupId + "/answer",
                Json.createObjectBuilder().add("outcome", "PARTLY_ADOPTED").add("reason", "短").build()).errorFields());
        handler.person().api().post("/api/v1/comment-groups/" + groupId + "/answer", Json.createObjectBuilder()
                .add("outcome", "PARTLY_ADOPTED").add("reason", "工作日投放时间延后至七点，周末维持原时间。").build()).expect(200);
        assertEquals(0, Api.anonymous().get("/api/v1/consultations/" + id + "/report").json().getJsonArray("groups").size(),
                "nothing public before review");
        JsonObject published = REVIEWER.post("/api/v1/comment-groups/" + groupId + "/publish").expect(200).json();
        assertEquals("PUBLISHED", published.getString("status"));

        JsonObject report = Api.anonymous().get("/api/v1/consultations/" + id + "/report").expect(200).json();
        assertFalse(report.getBoolean("complete"), "one comment is not answered yet");
        JsonObject answered = report.getJsonArray("groups").getJsonObject(0);
        assertEquals("投放时间", answered.getString("title"));
        assertEquals(3, answered.getInt("paragraphNumber"));
        assertEquals("PARTLY_ADOPTED", answered.getString("outcome"));
        assertTrue(answered.getString("reason").contains("七点"));
        assertFalse(answered.containsKey("commentIds"));

        // every commenter is told and may rate their own answer once
        for (Api.Citizen commenter : List.of(first, second)) {
            String text = Mailbox.textPart(Mailbox.await(commenter.email(), "已有答复"));
            assertTrue(text.contains("部分采纳") && text.contains("七点"), text);
        }
        second.api().post("/api/v1/consultation-comments/" + a + "/rate", Json.createObjectBuilder().add("stars", 5).build())
                .problem(403, "NOT_AUTHOR");
        JsonObject rated = first.api().post("/api/v1/consultation-comments/" + a + "/rate",
                Json.createObjectBuilder().add("stars", 4).add("comment", "基本满意").build()).expect(200).json();
        assertEquals(4, rated.getInt("rating"));
        first.api().post("/api/v1/consultation-comments/" + a + "/rate", Json.createObjectBuilder().add("stars", 1).build())
                .problem(409, "ALREADY_RATED");
        second.api().post("/api/v1/consultation-comments/" + unanswered + "/rate", Json.createObjectBuilder().add("stars", 3).build())
                .problem(409, "ANSWER_NOT_PUBLISHED");
        JsonObject after = Api.anonymous().get("/api/v1/stats?year=" + year).expect(200).json();
        assertEquals(1, after.getInt("consultations") - before.getInt("consultations"));
        assertEquals(3, after.getInt("consultationComments") - before.getInt("consultationComments"));
        assertEquals(2, after.getInt("consultationAnswers") - before.getInt("consultationAnswers"));
        assertEquals(2, after.getInt("consultationAdopted") - before.getInt("consultationAdopted"));
        String csv = new String(ORGANISER.bytes("/api/v1/stats/export.csv?year=" + year + "&table=figures"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("收到意见（条）," + after.getInt("consultationComments")) && csv.contains("征求意见采纳率"), csv);
        JsonArray mine = first.api().get("/api/v1/me/consultation-comments").jsonArray();
        assertEquals("PARTLY_ADOPTED", mine.getJsonObject(0).getString("outcome"));

        // personal data: the export lists the comments; deletion takes the ungrouped one, the answered one stays
        JsonObject data = second.api().get("/api/v1/me/data").expect(200).json();
        assertEquals(2, data.getJsonObject("consultationComments").getJsonArray("comments").size());
        second.api().post("/api/v1/me/deletion", Json.createObjectBuilder().add("password", "secret-pass-1").build()).expect(200);
        JsonObject staffReport = ORGANISER.get("/api/v1/consultations/" + id + "/report").expect(200).json();
        assertEquals(2, staffReport.getInt("comments"), "the answered comments stay in the report");
        assertTrue(ORGANISER.get("/api/v1/consultations/" + id + "/comments").jsonArray().stream()
                .noneMatch(x -> x.asJsonObject().getJsonNumber("id").longValue() == unanswered));
        assertNotNull(data);
        assertEquals(JsonValue.ValueType.ARRAY, data.getJsonObject("consultationComments").get("followedTopics").getValueType());
    }

    @Test
    void theDemoHasAnOpenConsultationOfACatalogueItem() {
        JsonObject demo = Api.anonymous().get("/api/v1/consultations?status=OPEN").jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(c -> c.getString("title").startsWith("浦锦街道老旧小区加装电梯管理办法")).findFirst().orElseThrow();
        assertEquals("浦锦街道老旧小区加装电梯三年行动计划", demo.getString("majorDecisionTitle"));
        assertEquals("加装电梯", demo.getString("topic"));
        assertEquals(4, demo.getInt("comments"));
        assertEquals(3, Api.anonymous().get("/api/v1/consultations/" + id(demo) + "/comments").jsonArray().size());
    }
}
