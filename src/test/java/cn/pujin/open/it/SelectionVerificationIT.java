package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static cn.pujin.open.it.SelectionPagesIT.sha256;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A selection anyone can check, over the API: the seed committed before applications open (then locked), a revealed
 * seed that does not match refused, every run listed with its reason, the public input list the hash is taken over,
 * the 公示 period with objections through the citizen-input workflow and the recorded revision a sustained one leads
 * to, the 公示 found on /open/, the home page and in its feed, and balance by community and gender shown in aggregate.
 */
class SelectionVerificationIT {

    static final Api ORGANISER = Api.as("organiser");
    static final String STATEMENT = "我是附近小区的居民，希望就会议议题发表意见并列席旁听。";

    static JsonObjectBuilder meetingDraft(String title, int capacity) {
        return Fixtures.openDay(unique(title), 25).add("kind", "DECISION_MEETING").add("capacity", capacity);
    }

    static long applyApproved(long meeting, String name, String category, String community, String gender) {
        var body = Json.createObjectBuilder().add("category", category).add("statement", STATEMENT);
        if (community != null) {
            body.add("community", community);
        }
        if (gender != null) {
            body.add("gender", gender).add("ageBand", "35-59");
        }
        long id = id(Api.newCitizen(name).api().post("/api/v1/events/" + meeting + "/registrations", body.build()).expect(201).json());
        ORGANISER.post("/api/v1/registrations/" + id + "/approve").expect(200);
        return id;
    }

    @Test
    void theSeedIsCommittedBeforeApplicationsOpenAndCheckedAtTheDrawAndEveryRunIsListed() throws Exception {
        String secret = "2026-浦锦-" + unique("种子");
        JsonObject rule = Json.createObjectBuilder().add("seats", 2).add("alternates", 2).add("seedCommitment", sha256(secret)).build();
        long meeting = id(ORGANISER.post("/api/v1/events", meetingDraft("核验会议", 6).build()).expect(201).json());
        String rulePath = "/api/v1/events/" + meeting + "/selection-rule";
        assertEquals(List.of("seedCommitment"), ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 2)
                .add("seedCommitment", "not-a-hash").build()).errorFields());
        assertEquals(List.of("seedSource"), ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 2)
                .add("seedCommitment", sha256("x")).add("seedSource", "福利彩票开奖号码").build()).errorFields());
        assertEquals(List.of("seedSourceUrl"), ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 2)
                .add("seedSource", "福利彩票开奖号码").add("seedSourceUrl", "javascript:alert(1)").build()).errorFields());
        assertEquals(sha256(secret), ORGANISER.put(rulePath, rule).expect(200).json().getString("seedCommitment"));
        ORGANISER.post("/api/v1/events/" + meeting + "/submit").expect(200);
        Api.as("reviewer").post("/api/v1/events/" + meeting + "/approve").expect(200);
        ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 3).add("seedCommitment", sha256("another")).build())
                .problem(409, "SELECTION_LOCKED");
        ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 2).add("seedSource", "换成彩票号码").build())
                .problem(409, "SELECTION_LOCKED");
        assertTrue(ORGANISER.get(rulePath).expect(200).json().getBoolean("locked"));

        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(applyApproved(meeting, "核验申请人" + i, i == 0 ? "STAKEHOLDER" : "RESIDENT", i % 2 == 0 ? "浦锦一居委" : null, null));
        }
        String path = "/api/v1/events/" + meeting + "/selection";
        ORGANISER.post(path, Json.createObjectBuilder().add("seed", "a-seed-chosen-after-seeing-the-applicants").build())
                .problem(409, "SEED_MISMATCH");
        JsonObject first = ORGANISER.post(path, Json.createObjectBuilder().add("seed", secret).build()).expect(200).json();
        assertEquals(first, ORGANISER.post(path, Json.createObjectBuilder().add("seed", secret).build()).expect(200).json(),
                "the same seed over the same input answers the run already made");
        ids.add(applyApproved(meeting, "核验晚到申请人", "RESIDENT", null, null));
        assertEquals(List.of("reason"), ORGANISER.post(path, Json.createObjectBuilder().add("seed", secret).build()).errorFields(),
                "a second run says why");
        ORGANISER.post(path, Json.createObjectBuilder().add("seed", secret).add("reason", "补充审核通过一份申请后重新运行").build()).expect(200);
        Api.anonymous().get(path).problem(404, "NOT_FOUND");
        ORGANISER.post(path + "/publish").expect(200);

        JsonObject gongshi = Api.anonymous().get(path).expect(200).json();
        assertEquals(sha256(secret), gongshi.getString("seedCommitment"));
        assertEquals(secret, gongshi.getString("seed"), "the seed is revealed with the result");
        JsonArray runs = gongshi.getJsonArray("runs");
        assertEquals(2, runs.size(), "both runs before publication, and only those: " + runs);
        assertFalse(runs.getJsonObject(0).containsKey("reason"));
        assertEquals("补充审核通过一份申请后重新运行", runs.getJsonObject(1).getString("reason"));
        assertTrue(runs.getJsonObject(1).containsKey("at"));
        JsonArray input = gongshi.getJsonArray("input");
        assertEquals(ids.size(), input.size());
        List<Long> published = input.stream().map(r -> r.asJsonObject().getJsonNumber("registrationId").longValue()).toList();
        assertEquals(sha256(published.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))), gongshi.getString("inputHash"),
                "the input hash is recomputed from the published input list");
        JsonObject row = input.stream().map(JsonValue::asJsonObject).filter(r -> r.getJsonNumber("registrationId").longValue() == ids.get(0))
                .findFirst().orElseThrow();
        assertEquals(String.format("R%06d", ids.get(0)), row.getString("number"));
        assertTrue(row.getString("name").startsWith("核") && row.getString("name").contains("*"), row.toString());
        assertEquals("STAKEHOLDER", row.getString("category"));
        assertEquals("浦锦一居委", row.getString("community"));
        assertFalse(Api.anonymous().get(path).body().contains("核验申请人0"), "names are masked");
        assertTrue(gongshi.getBoolean("objectionsOpen"));
        assertTrue(OffsetDateTime.parse(gongshi.getString("objectionsCloseAt")).isAfter(OffsetDateTime.now().plusDays(4)),
                "five working days: " + gongshi.getString("objectionsCloseAt"));

        String title = Api.anonymous().get("/api/v1/events/" + meeting).expect(200).json().getString("title");
        assertTrue(Api.anonymous().get("/open/").expect(200).body().contains("/events/selection.xhtml?id=" + meeting),
                "/open/ lists the open 公示");
        assertTrue(Api.anonymous().get("/").expect(200).body().contains("/events/selection.xhtml?id=" + meeting),
                "the home page lists the open 公示");
        Api.Response feed = Api.anonymous().get("/api/v1/selections/feed.atom").expect(200);
        assertTrue(feed.contentType().startsWith("application/atom+xml"), feed.contentType());
        assertTrue(feed.body().contains(title + "：公众代表遴选结果公示"), feed.body());
        assertTrue(Api.anonymous().get("/api/v1/open/feed.atom").expect(200).body().contains("/events/selection.xhtml?id=" + meeting));
    }

    @Test
    void objectionsGoThroughTheWorkflowAndASustainedOneIsARecordedRevision() {
        long meeting = id(Fixtures.published(meetingDraft("异议会议", 5), Json.createObjectBuilder().add("seats", 2).add("alternates", 2)
                .add("seedSource", "2026年8月1日福利彩票双色球开奖号码").add("seedSourceUrl", "https://www.cwl.gov.cn/").build()));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(applyApproved(meeting, "异议申请人" + i, "RESIDENT", null, null));
        }
        String path = "/api/v1/events/" + meeting + "/selection";
        Api.Citizen objector = Api.newCitizen("异议人");
        objector.api().post(path + "/objections", Json.createObjectBuilder().add("text", "结果还没有公示").build()).problem(404, "NOT_FOUND");
        ORGANISER.post(path, Json.createObjectBuilder().add("seed", "03 07 12 19 25 31 + 09").build()).expect(200);
        JsonObject published = ORGANISER.post(path + "/publish").expect(200).json();
        assertEquals("2026年8月1日福利彩票双色球开奖号码", published.getString("seedSource"));

        Api.anonymous().post(path + "/objections", Json.createObjectBuilder().add("text", "匿名提出的异议内容。").build()).problem(401, "UNAUTHENTICATED");
        assertEquals(List.of("text"), objector.api().post(path + "/objections", Json.createObjectBuilder().add("text", "太短").build()).errorFields());
        JsonObject weak = objector.api().post(path + "/objections", Json.createObjectBuilder()
                .add("text", "我认为抽签不公平，请重新抽签。").build()).expect(201).json();
        assertTrue(weak.getString("number").startsWith("YY"), weak.toString());
        JsonObject strong = objector.api().post(path + "/objections", Json.createObjectBuilder()
                .add("text", "第一位入选代表已不在本街道居住，不符合列席条件。").build()).expect(201).json();
        assertTrue(Api.anonymous().get(path + "/objections").expect(200).json().getJsonArray("items").isEmpty(),
                "unanswered objections are not public");
        assertEquals(2, objector.api().get(path + "/objections").expect(200).json().getJsonArray("items").size(), "the author sees their own");

        SuggestionsIT.Handler handler = SuggestionsIT.handler("异议承办人", false);
        long strongId = id(strong);
        long weakId = id(weak);
        ORGANISER.post("/api/v1/objections/" + weakId + "/assign", Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200);
        handler.person().api().post("/api/v1/objections/" + weakId + "/answer", Json.createObjectBuilder().add("outcome", "NOT_ADOPTED")
                .add("reason", "抽签按事先公布的规则和种子进行，任何人都可以核验，结果一致。").build()).expect(200);
        Api.as("reviewer").post("/api/v1/objections/" + weakId + "/publish").expect(200);
        JsonObject current = Api.anonymous().get(path).json();
        long holder = current.getJsonArray("selected").getJsonObject(0).getJsonNumber("registrationId").longValue();
        long firstAlternate = current.getJsonArray("alternates").getJsonObject(0).getJsonNumber("registrationId").longValue();
        ORGANISER.post(path + "/revisions", Json.createObjectBuilder().add("objectionId", weakId).add("registrationId", holder).build())
                .problem(409, "OBJECTION_NOT_SUSTAINED");

        ORGANISER.post("/api/v1/objections/" + strongId + "/assign", Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200);
        handler.person().api().post("/api/v1/objections/" + strongId + "/answer", Json.createObjectBuilder().add("outcome", "ADOPTED")
                .add("reason", "经核实该代表已迁出本街道，取消其入选资格，由第一顺位候补递补。").build()).expect(200);
        ORGANISER.post(path + "/revisions", Json.createObjectBuilder().add("objectionId", strongId).add("registrationId", holder).build())
                .problem(409, "OBJECTION_NOT_SUSTAINED");
        Api.as("reviewer").post("/api/v1/objections/" + strongId + "/publish").expect(200);
        ORGANISER.post(path + "/revisions", Json.createObjectBuilder().add("objectionId", strongId).add("registrationId", firstAlternate).build())
                .problem(409, "NOT_SELECTED");
        objector.api().post(path + "/revisions", Json.createObjectBuilder().add("objectionId", strongId).add("registrationId", holder).build())
                .problem(403, "FORBIDDEN");
        JsonObject revised = ORGANISER.post(path + "/revisions", Json.createObjectBuilder().add("objectionId", strongId)
                .add("registrationId", holder).build()).expect(200).json();
        assertEquals(1, revised.getInt("revision"));
        JsonObject revision = revised.getJsonArray("revisions").getJsonObject(0);
        assertEquals(holder, revision.getJsonNumber("removedId").longValue());
        assertEquals(firstAlternate, revision.getJsonNumber("promotedId").longValue(), "the alternate moves up");
        assertEquals("YY" + strongId, revision.getString("objection"));
        JsonObject after = Api.anonymous().get(path).json();
        assertEquals("CANCELLED", after.getJsonArray("selected").getJsonObject(0).getString("status"));
        assertEquals("CONFIRMED", after.getJsonArray("alternates").getJsonObject(0).getString("status"));
        assertTrue(after.containsKey("republishedAt"));
        ORGANISER.post(path + "/revisions", Json.createObjectBuilder().add("objectionId", strongId).add("registrationId", holder).build())
                .problem(409, "NOT_SELECTED");
        List<String> outcomes = Api.anonymous().get(path + "/objections").json().getJsonArray("items").stream()
                .map(o -> o.asJsonObject().getString("outcome")).sorted().toList();
        assertEquals(List.of("ADOPTED", "NOT_ADOPTED"), outcomes, "answers are published with their outcome");
        assertTrue(Api.anonymous().get("/api/v1/selections/feed.atom").body().contains("第 1 次调整后重新公示"), "the change is in the feed");
        assertTrue(Api.as("admin").get("/api/v1/audit?entityType=event&entityId=" + meeting).body().contains("selection.revise"));

        OffsetDateTime closes = OffsetDateTime.parse(after.getString("objectionsCloseAt"));
        try {
            SuggestionsIT.clock(closes.atZoneSameInstant(ZoneId.of("Asia/Shanghai")).toOffsetDateTime().plusMinutes(1).toString());
            objector.api().post(path + "/objections", Json.createObjectBuilder().add("text", "公示期过后再提出的异议。").build())
                    .problem(409, "OBJECTION_CLOSED");
            assertFalse(Api.anonymous().get(path).json().getBoolean("objectionsOpen"));
        } finally {
            SuggestionsIT.clock(null);
        }
    }

    @Test
    void balanceByCommunityAndGenderIsAppliedAndShownInAggregateOnly() {
        JsonObject rule = Json.createObjectBuilder().add("seats", 3).add("stakeholdersFirst", false).add("alternates", 1)
                .add("balance", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("attribute", "COMMUNITY").add("value", "浦锦三居委").add("min", 1))
                        .add(Json.createObjectBuilder().add("attribute", "GENDER").add("value", "M").add("min", 0).add("max", 1)))
                .build();
        long draft = id(ORGANISER.post("/api/v1/events", meetingDraft("均衡会议", 8).build()).expect(201).json());
        assertEquals(List.of("balance[0].attribute", "balance[1].value"), ORGANISER.put("/api/v1/events/" + draft + "/selection-rule",
                Json.createObjectBuilder().add("seats", 3).add("balance", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("attribute", "INCOME").add("value", "x").add("min", 1))
                        .add(Json.createObjectBuilder().add("attribute", "GENDER").add("value", "X").add("min", 1))).build()).errorFields());
        long meeting = id(Fixtures.published(meetingDraft("均衡会议", 8), rule));
        long third = applyApproved(meeting, "均衡三居委", "RESIDENT", "浦锦三居委", "F");
        List<Long> men = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            men.add(applyApproved(meeting, "均衡男" + i, "RESIDENT", "浦锦一居委", "M"));
        }
        applyApproved(meeting, "均衡女", "RESIDENT", "浦锦一居委", "F");
        applyApproved(meeting, "均衡未申报", "RESIDENT", null, null);
        String path = "/api/v1/events/" + meeting + "/selection";
        JsonObject result = ORGANISER.post(path, Json.createObjectBuilder().add("seed", "均衡").build()).expect(200).json();
        List<Long> selected = result.getJsonArray("selected").stream().map(p -> p.asJsonObject().getJsonNumber("registrationId").longValue()).toList();
        assertTrue(selected.contains(third), "the community minimum is met: " + selected);
        assertTrue(selected.stream().filter(men::contains).count() <= 1, "at most one man: " + selected);
        ORGANISER.post(path + "/publish").expect(200);
        Api.Response gongshi = Api.anonymous().get(path).expect(200);
        for (JsonValue row : gongshi.json().getJsonArray("input")) {
            assertFalse(row.asJsonObject().containsKey("gender"), "gender is never shown per person");
            assertFalse(row.asJsonObject().containsKey("ageBand"), "nor the age band");
        }
        JsonObject men2 = gongshi.json().getJsonArray("balanceCounts").stream().map(JsonValue::asJsonObject)
                .filter(c -> "GENDER".equals(c.getString("attribute")) && "M".equals(c.getString("value"))).findFirst().orElseThrow();
        assertEquals(4, men2.getInt("applicants"));
        assertEquals(selected.stream().filter(men::contains).count(), men2.getInt("selected"));
        assertNotEquals(0, gongshi.json().getJsonObject("rule").getJsonArray("balance").size());
    }
}
