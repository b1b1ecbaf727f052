package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The message board over HTTP on PostgreSQL, with the working-day calendar of config/ and mails in GreenMail: the clock
 * of a message (the Friday before the Spring Festival week, after 17:00, on a 调休 Saturday, on a Sunday), the workflow
 * from acknowledgement to rating, privacy, bad input, similar messages found in Chinese text, FAQ entries, topic
 * investigations, the public figures and personal data.
 */
class MessagesIT {

    static final Api ORGANISER = Api.as("organiser");
    static final Api REVIEWER = Api.as("reviewer");

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    static JsonObject message(Api api, String text, Long topicId, boolean isPublic) {
        var body = Json.createObjectBuilder().add("text", text).add("public", isPublic);
        if (topicId != null) {
            body.add("topicId", topicId);
        }
        return api.post("/api/v1/messages", body.build()).expect(201).json();
    }

    static long topic(String name) {
        return id(ORGANISER.post("/api/v1/topics", Json.createObjectBuilder().add("name", unique(name)).build()).expect(201).json());
    }

    /** Acknowledged, assigned to the handler's department, answered by its handler; published by the reviewer when asked. */
    static JsonObject answered(long messageId, SuggestionsIT.Handler handler, String outcome, String reason, boolean publish) {
        ORGANISER.post("/api/v1/messages/" + messageId + "/acknowledge", Json.createObjectBuilder().add("templated", true).build()).expect(200);
        ORGANISER.post("/api/v1/messages/" + messageId + "/assign",
                Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200);
        JsonObject m = handler.person().api().post("/api/v1/messages/" + messageId + "/answer",
                Json.createObjectBuilder().add("outcome", outcome).add("reason", reason).build()).expect(200).json();
        return publish ? REVIEWER.post("/api/v1/messages/" + messageId + "/publish").expect(200).json() : m;
    }

    @Test
    void theClockRunsOnTheWorkingDayCalendarFromTheDayAMessageCountsFrom() {
        Api.Citizen citizen = Api.newCitizen("留言计时");
        // the Friday before the Spring Festival week: 14 February is a 调休 Saturday, 15–23 are holidays
        SuggestionsIT.clock("2026-02-13T10:00:00+08:00");
        JsonObject friday = message(citizen.api(), "春节期间社区卫生服务中心开放吗？", null, false);
        assertEquals("2026-02-13", friday.getString("receivedOn"));
        assertEquals("2026-02-13", friday.getString("acknowledgeBy"));
        assertEquals("2026-02-27", friday.getString("answerBy"), "14 Feb (调休), 24, 25, 26, 27 Feb");
        // after 17:00 it counts from the next working day, here the 调休 Saturday
        SuggestionsIT.clock("2026-02-13T17:30:00+08:00");
        JsonObject evening = message(citizen.api(), "春节期间垃圾清运时间有变化吗？", null, false);
        assertEquals("2026-02-14", evening.getString("acknowledgeBy"));
        assertEquals("2026-02-28", evening.getString("answerBy"), "24–27 Feb and the 调休 Saturday 28 Feb");
        // on a 调休 Saturday the office works: the same day
        SuggestionsIT.clock("2026-10-10T09:15:00+08:00");
        JsonObject makeUp = message(citizen.api(), "国庆后社区食堂什么时候恢复供应？", null, false);
        assertEquals("2026-10-10", makeUp.getString("acknowledgeBy"));
        assertEquals("2026-10-16", makeUp.getString("answerBy"));
        // on a Sunday: from Monday
        SuggestionsIT.clock("2026-10-11T11:00:00+08:00");
        JsonObject sunday = message(citizen.api(), "周末可以办理居住证吗？", null, false);
        assertEquals("2026-10-12", sunday.getString("acknowledgeBy"));
        assertEquals("2026-10-19", sunday.getString("answerBy"));
        assertEquals("LY" + id(sunday), sunday.getString("number"));
        assertEquals(4, citizen.api().get("/api/v1/me/messages").expect(200).json().getInt("total"));

        // a later assignment keeps the dates counted from receipt; an extension needs a working day, a later date and a reason
        SuggestionsIT.clock("2026-10-12T09:00:00+08:00");
        SuggestionsIT.Handler handler = SuggestionsIT.handler("留言承办人", false);
        long id = id(sunday);
        JsonObject assigned = ORGANISER.post("/api/v1/messages/" + id + "/assign",
                Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200).json();
        assertEquals("2026-10-19", assigned.getString("answerBy"));
        String extend = "/api/v1/messages/" + id + "/extend";
        assertEquals(List.of("dueOn"), ORGANISER.post(extend, Json.createObjectBuilder().add("dueOn", "2026-10-24")
                .add("reason", "需要多个部门联合现场踏勘后答复").build()).problem(400, "VALIDATION_FAILED").getJsonArray("errors")
                .stream().map(e -> e.asJsonObject().getString("field")).toList(), "a Saturday that is not a 调休 day");
        assertEquals(List.of("reason"), ORGANISER.post(extend, Json.createObjectBuilder().add("dueOn", "2026-10-23").add("reason", "忙")
                .build()).expect(400).errorFields());
        ORGANISER.post(extend, Json.createObjectBuilder().add("dueOn", "2026-10-16").add("reason", "需要多个部门联合现场踏勘后答复").build())
                .expect(400);
        citizen.api().post(extend, Json.createObjectBuilder().add("dueOn", "2026-10-23").add("reason", "需要多个部门联合现场踏勘后答复").build())
                .problem(403, "FORBIDDEN");
        JsonObject extended = ORGANISER.post(extend, Json.createObjectBuilder().add("dueOn", "2026-10-23")
                .add("reason", "需要多个部门联合现场踏勘后答复").build()).expect(200).json();
        assertEquals("2026-10-23", extended.getString("answerBy"));
        JsonObject seen = citizen.api().get("/api/v1/messages/" + id).expect(200).json();
        assertEquals("需要多个部门联合现场踏勘后答复", seen.getString("extendedReason"), "the author sees why");
        assertTrue(Api.as("admin").get("/api/v1/audit?entityType=message&entityId=" + id).body().contains("message.extend"));
    }

    @Test
    void aMessageGoesFromAcknowledgementToAPublishedAnswerAndARating() throws Exception {
        Api.Citizen author = Api.newCitizen("留言人");
        Api.Citizen other = Api.newCitizen("旁人");
        SuggestionsIT.Handler handler = SuggestionsIT.handler("留言答复人", false);
        long topic = topic("停车");
        JsonObject m = message(author.api(), "小区夜间停车位不足，能否开放附近学校操场夜间停车？", topic, true);
        long id = id(m);
        String path = "/api/v1/messages/" + id;

        // bad input
        for (String text : new String[]{"", "   ", "长".repeat(2001)}) {
            assertEquals(List.of("text"), author.api().post("/api/v1/messages", Json.createObjectBuilder().add("text", text).build())
                    .problem(400, "VALIDATION_FAILED").getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList());
        }
        assertEquals(List.of("topicId"), author.api().post("/api/v1/messages", Json.createObjectBuilder().add("text", "问题")
                .add("topicId", 999999999).build()).expect(400).errorFields());
        Api.anonymous().post("/api/v1/messages", Json.createObjectBuilder().add("text", "问题").build()).expect(401);

        // before publication: only its author and staff see it; a rating is refused
        other.api().get(path).problem(404, "NOT_FOUND");
        Api.anonymous().get(path).expect(404);
        author.api().post(path + "/rate", Json.createObjectBuilder().add("stars", 5).build()).problem(409, "ANSWER_NOT_PUBLISHED");

        // a photo goes with it: for the author, staff and the department, never public (it may show personal data)
        long photo = id(author.api().raw("POST", path + "/attachments?name=car-park.png", "image/png", SuggestionsIT.png()).expect(201).json());
        other.api().raw("POST", path + "/attachments?name=x.png", "image/png", SuggestionsIT.png()).expect(404);

        // same-day acknowledgement, the standard text recorded as such and mailed to the author
        JsonObject acknowledged = ORGANISER.post(path + "/acknowledge", Json.createObjectBuilder().add("templated", true).build())
                .expect(200).json();
        assertTrue(acknowledged.getBoolean("acknowledgementTemplated"));
        assertTrue(acknowledged.getString("acknowledgement").contains("LY" + id), acknowledged.getString("acknowledgement"));
        MimeMessage mail = Mailbox.await(author.email(), "LY" + id + " 已收到");
        assertTrue(Mailbox.textPart(mail).contains(m.getString("answerBy")), Mailbox.textPart(mail));
        ORGANISER.post(path + "/acknowledge", Json.createObjectBuilder().add("text", "再次回复").build()).problem(409, "INVALID_TRANSITION");
        ORGANISER.post(path + "/assign", Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200);
        Mailbox.await(handler.person().email(), "留言 LY" + id + " 已交办");

        // answering needs a reason; another handler does not see it
        assertEquals(List.of("reason"), handler.person().api().post(path + "/answer", Json.createObjectBuilder().add("outcome", "ADOPTED")
                .build()).problem(400, "VALIDATION_FAILED").getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList());
        SuggestionsIT.Handler stranger = SuggestionsIT.handler("别的部门", false);
        stranger.person().api().post(path + "/answer", Json.createObjectBuilder().add("outcome", "ADOPTED").add("reason", "理由写得足够长了").build())
                .expect(404);
        handler.person().api().post(path + "/answer", Json.createObjectBuilder().add("outcome", "PARTLY_ADOPTED")
                .add("reason", "已与学校协商，寒暑假期间夜间开放操场停车，学期内暂不开放。").build()).expect(200);
        REVIEWER.post(path + "/return", Json.createObjectBuilder().add("reason", "请写明开放时段").build()).expect(200);
        handler.person().api().post(path + "/answer", Json.createObjectBuilder().add("outcome", "PARTLY_ADOPTED")
                .add("reason", "已与学校协商，寒暑假期间每晚 19:00 至次日 7:00 开放操场停车，学期内暂不开放。").build()).expect(200);
        Api.anonymous().get(path).expect(404);
        JsonObject published = REVIEWER.post(path + "/publish").expect(200).json();
        assertEquals("PUBLISHED", published.getString("status"));
        String answered = Mailbox.textPart(Mailbox.await(author.email(), "LY" + id + " 已有答复"));
        assertTrue(answered.contains("寒暑假期间每晚") && answered.contains("/messages/detail.xhtml?id=" + id), answered);

        // public now, author masked; in the public list of its topic
        JsonObject anonymous = Api.anonymous().get(path).expect(200).json();
        assertEquals("留*人", anonymous.getString("author"));
        assertFalse(anonymous.getBoolean("mine"));
        JsonArray listed = Api.anonymous().get("/api/v1/messages/public?topic=" + topic).expect(200).items();
        assertEquals(List.of(id), listed.stream().map(x -> id(x.asJsonObject())).toList());
        assertTrue(Api.anonymous().get("/api/v1/topics").jsonArray().stream()
                .anyMatch(t -> id(t.asJsonObject()) == topic && t.asJsonObject().getInt("messages") == 1));

        Api.anonymous().get(path + "/attachments/" + photo).expect(404);
        other.api().get(path + "/attachments/" + photo).expect(404);
        assertEquals(200, author.api().get(path + "/attachments/" + photo).status());
        assertEquals(200, handler.person().api().get(path + "/attachments/" + photo).status());
        assertTrue(anonymous.getJsonArray("attachments").isEmpty(), "the public does not see it listed either");

        // rating: someone else 403, the author once
        other.api().post(path + "/rate", Json.createObjectBuilder().add("stars", 1).build()).problem(403, "NOT_AUTHOR");
        author.api().post(path + "/rate", Json.createObjectBuilder().add("stars", 9).build()).expect(400);
        JsonObject rated = author.api().post(path + "/rate", Json.createObjectBuilder().add("stars", 4).add("comment", "答复及时").build())
                .expect(200).json();
        assertEquals(4, rated.getInt("rating"));
        author.api().post(path + "/rate", Json.createObjectBuilder().add("stars", 5).build()).problem(409, "ALREADY_RATED");

        String audit = Api.as("admin").get("/api/v1/audit?entityType=message&entityId=" + id).body();
        for (String action : List.of("message.create", "message.acknowledge", "message.assign", "message.answer", "message.return",
                "message.publish", "message.rate")) {
            assertTrue(audit.contains(action), action + " in " + audit);
        }
    }

    @Test
    void aPrivateMessageIsForItsAuthorAndStaffOnly() {
        Api.Citizen author = Api.newCitizen("私信人");
        SuggestionsIT.Handler handler = SuggestionsIT.handler("私信承办", false);
        long id = id(message(author.api(), "我家门口的路灯坏了三天了，能否尽快修理？（门牌号：浦锦路 88 弄 3 号）", null, false));
        answered(id, handler, "ADOPTED", "已通知路灯养护单位，两个工作日内修复。", true);
        Api.anonymous().get("/api/v1/messages/" + id).problem(404, "NOT_FOUND");
        Api.newCitizen("路人").api().get("/api/v1/messages/" + id).expect(404);
        assertEquals("ADOPTED", author.api().get("/api/v1/messages/" + id).expect(200).json().getString("outcome"));
        assertEquals(200, ORGANISER.get("/api/v1/messages/" + id).status());
        assertTrue(Api.anonymous().get("/api/v1/messages/public?size=100").items().stream().noneMatch(x -> id(x.asJsonObject()) == id));
        Api.anonymous().get("/api/v1/messages?status=PUBLISHED").expect(401);
        // its page too: the not-found page, never an error page
        assertEquals(404, Api.anonymous().get("/messages/detail.xhtml?id=" + id).status());
        for (String page : List.of("/messages/detail.xhtml?id=abc", "/messages/detail.xhtml", "/messages/investigation.xhtml?id=999999999",
                "/consultations/detail.xhtml?id=999999999")) {
            assertEquals(404, Api.anonymous().get(page).status(), page);
        }
        Api.newCitizen("查看队列").api().get("/api/v1/messages").expect(403);
    }

    @Test
    void similarAnsweredMessagesAndFaqAreFoundInChineseText() {
        SuggestionsIT.Handler handler = SuggestionsIT.handler("电梯承办", false);
        long topic = topic("电梯");
        Api.Citizen a = Api.newCitizen("问电梯");
        long lift = id(message(a.api(), "老公房加装电梯需要楼里多少业主同意才能申请？", topic, true));
        answered(lift, handler, "ADOPTED", "须经本幢楼三分之二以上业主参与表决，并经参与表决业主的四分之三以上同意。", true);
        long rubbish = id(message(a.api(), "湿垃圾投放点的开放时间能否延长到晚上九点？", null, true));
        answered(rubbish, handler, "NOT_ADOPTED", "投放时间由居民区议事会确定，暂不调整，可使用误时投放点。", true);
        long privateLift = id(message(a.api(), "我们楼加装电梯，一楼业主不同意怎么办？", topic, false));
        answered(privateLift, handler, "PARTLY_ADOPTED", "由居委会组织协商，街道提供法律咨询和调解服务。", false);

        // a citizen typing a new question: the answered public message on lifts, not the one on rubbish, not the private one
        JsonArray found = Api.anonymous().get("/api/v1/messages/similar?text="
                + URLEncoder.encode("想在我们小区加装电梯，需要多少业主同意？", StandardCharsets.UTF_8)).expect(200).items();
        List<Long> ids = found.stream().filter(x -> x.asJsonObject().getString("kind").equals("message")).map(x -> id(x.asJsonObject())).toList();
        assertTrue(ids.contains(lift), found.toString());
        assertFalse(ids.contains(rubbish), found.toString());
        assertFalse(ids.contains(privateLift), "a private answer is never suggested to citizens: " + found);
        assertTrue(Api.anonymous().get("/api/v1/messages/similar?text=" + URLEncoder.encode("垃圾投放时间", StandardCharsets.UTF_8))
                .items().stream().anyMatch(x -> id(x.asJsonObject()) == rubbish));
        Api.anonymous().get("/api/v1/messages/similar?text=").expect(400);

        // staff see similar answered messages beside a new one, private ones too
        long fresh = id(message(Api.newCitizen("新问题").api(), "加装电梯的业主同意比例是多少？一楼不同意能装吗？", topic, true));
        JsonArray similar = ORGANISER.get("/api/v1/messages/" + fresh).expect(200).json().getJsonArray("similar");
        List<Long> staffIds = similar.stream().map(x -> id(x.asJsonObject())).toList();
        assertTrue(staffIds.contains(lift) && staffIds.contains(privateLift), similar.toString());
        assertFalse(staffIds.contains(fresh));

        // an FAQ entry from answered messages: reviewed, then listed by topic, searched by words, and suggested too
        var faq = Json.createObjectBuilder().add("topicId", topic).add("question", "加装电梯需要多少业主同意？")
                .add("answer", "须经本幢楼三分之二以上业主参与表决，并经参与表决业主的四分之三以上同意；有异议的由居委会组织协商。");
        assertEquals(List.of("messageIds"), ORGANISER.post("/api/v1/faq", faq.add("messageIds", Json.createArrayBuilder().add(fresh)).build())
                .expect(400).errorFields(), "only answered messages");
        faq = Json.createObjectBuilder().add("topicId", topic).add("question", "加装电梯需要多少业主同意？")
                .add("answer", "须经本幢楼三分之二以上业主参与表决，并经参与表决业主的四分之三以上同意；有异议的由居委会组织协商。");
        long entry = id(ORGANISER.post("/api/v1/faq", faq.add("messageIds", Json.createArrayBuilder().add(lift).add(privateLift)).build())
                .expect(201).json());
        Api.anonymous().get("/api/v1/faq/" + entry).expect(404);
        ORGANISER.post("/api/v1/faq/" + entry + "/publish").problem(403, "FORBIDDEN");
        REVIEWER.post("/api/v1/faq/" + entry + "/publish").expect(200);
        JsonArray byTopic = Api.anonymous().get("/api/v1/faq?topic=" + topic).expect(200).items();
        assertEquals(1, byTopic.size());
        assertEquals(List.of("LY" + lift, "LY" + privateLift), byTopic.getJsonObject(0).getJsonArray("messageNumbers").stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList());
        assertTrue(Api.anonymous().get("/api/v1/faq?q=" + URLEncoder.encode("电梯 同意", StandardCharsets.UTF_8)).items().stream()
                .anyMatch(x -> id(x.asJsonObject()) == entry));
        assertTrue(Api.anonymous().get("/api/v1/faq?q=" + URLEncoder.encode("路灯维修", StandardCharsets.UTF_8)).items().stream()
                .noneMatch(x -> id(x.asJsonObject()) == entry));
        assertTrue(Api.anonymous().get("/api/v1/messages/similar?text=" + URLEncoder.encode("装电梯要几个业主同意", StandardCharsets.UTF_8))
                .items().stream().anyMatch(x -> x.asJsonObject().getString("kind").equals("faq") && id(x.asJsonObject()) == entry));
    }

    @Test
    void messagesPilingUpOnATopicLeadToAnInvestigationWhoseConclusionReachesTheirAuthors() throws Exception {
        long topic = topic("噪声");
        List<Api.Citizen> authors = new java.util.ArrayList<>();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Api.Citizen c = Api.newCitizen("噪声" + i);
            authors.add(c);
            ids.add(id(message(c.api(), "夜里十点以后广场舞音响声音太大，影响休息（" + i + "）", topic, i % 2 == 0)));
        }
        JsonArray proposals = ORGANISER.get("/api/v1/investigations/proposals").expect(200).jsonArray();
        assertTrue(proposals.stream().anyMatch(p -> p.asJsonObject().getJsonNumber("topicId").longValue() == topic
                && p.asJsonObject().getInt("messages") == 5), proposals.toString());
        Api.newCitizen("看提议").api().get("/api/v1/investigations/proposals").expect(403);
        ORGANISER.post("/api/v1/topics/999999999/investigations", Json.createObjectBuilder().add("title", "调查").build()).expect(404);
        JsonObject opened = ORGANISER.post("/api/v1/topics/" + topic + "/investigations",
                Json.createObjectBuilder().add("title", "广场舞噪声专题调查").build()).expect(201).json();
        long id = id(opened);
        assertEquals(5, opened.getInt("messageCount"));
        assertTrue(ORGANISER.get("/api/v1/investigations/proposals").jsonArray().stream()
                .noneMatch(p -> p.asJsonObject().getJsonNumber("topicId").longValue() == topic), "proposed once");
        Api.anonymous().get("/api/v1/investigations/" + id).expect(404);
        ORGANISER.post("/api/v1/investigations/" + id + "/submit").expect(400);
        ORGANISER.put("/api/v1/investigations/" + id, Json.createObjectBuilder().add("findings", "走访 3 个广场，夜间噪声 68 分贝。")
                .add("conclusion", "与居委会约定广场舞 21:30 结束，音响限音 55 分贝，城运中心夜间巡查。").build()).expect(200);
        ORGANISER.post("/api/v1/investigations/" + id + "/submit").expect(200);
        ORGANISER.post("/api/v1/investigations/" + id + "/publish").problem(403, "FORBIDDEN");
        REVIEWER.post("/api/v1/investigations/" + id + "/publish").expect(200);
        JsonObject published = Api.anonymous().get("/api/v1/investigations/" + id).expect(200).json();
        JsonArray linked = published.getJsonArray("messages");
        assertEquals(5, linked.size());
        long withText = linked.stream().filter(l -> l.asJsonObject().containsKey("text")).count();
        assertEquals(0, withText, "none of them is a published public message yet: numbers only");
        for (Api.Citizen c : authors) {
            String text = Mailbox.textPart(Mailbox.await(c.email(), "广场舞噪声专题调查"));
            assertTrue(text.contains("21:30") && text.contains("/messages/investigation.xhtml?id=" + id), text);
        }
        assertTrue(Api.anonymous().get("/api/v1/investigations").items().stream().anyMatch(i -> id(i.asJsonObject()) == id));
    }

    @Test
    void theBoardsFiguresByMonthAndDepartmentAndPersonalData() {
        SuggestionsIT.Handler handler = SuggestionsIT.handler("统计承办", false);
        Api.Citizen author = Api.newCitizen("统计留言");
        // 2031: a Monday at 10:00; one message acknowledged the same day and answered within 5 working days, rated 4;
        // one acknowledged the next day and answered late; one not yet due
        SuggestionsIT.clock("2031-03-03T10:00:00+08:00");
        long onTime = id(message(author.api(), "统计用留言一：社区图书室开放时间？", null, true));
        long late = id(message(author.api(), "统计用留言二：小区门禁卡补办流程？", null, false));
        answered(onTime, handler, "ADOPTED", "社区图书室每天 9:00 至 17:00 开放。", true);
        author.api().post("/api/v1/messages/" + onTime + "/rate", Json.createObjectBuilder().add("stars", 4).build()).expect(200);
        SuggestionsIT.clock("2031-03-04T10:00:00+08:00");
        ORGANISER.post("/api/v1/messages/" + late + "/acknowledge", Json.createObjectBuilder().add("templated", true).build()).expect(200);
        ORGANISER.post("/api/v1/messages/" + late + "/assign", Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200);
        SuggestionsIT.clock("2031-03-20T10:00:00+08:00");
        handler.person().api().post("/api/v1/messages/" + late + "/answer", Json.createObjectBuilder().add("outcome", "ADOPTED")
                .add("reason", "可到居委会办理，需带身份证。").build()).expect(200);
        SuggestionsIT.clock("2031-04-01T10:00:00+08:00");
        message(author.api(), "统计用留言三：四月的新问题", null, true);
        JsonObject s = Api.anonymous().get("/api/v1/stats?year=2031").expect(200).json();
        assertEquals(3, s.getInt("messagesReceived"));
        assertEquals(50.0, s.getJsonNumber("messageAcknowledgedOnTimeRate").doubleValue(), "the April one is not due yet");
        assertEquals(50.0, s.getJsonNumber("messageAnsweredOnTimeRate").doubleValue());
        assertEquals(4.0, s.getJsonNumber("messageAverageRating").doubleValue());
        JsonObject march = s.getJsonArray("messagesByMonth").getJsonObject(2);
        assertEquals(2, march.getInt("received"));
        assertEquals(1, s.getJsonArray("messagesByMonth").getJsonObject(3).getInt("received"));
        JsonArray departments = s.getJsonArray("messagesByDepartment");
        assertTrue(departments.stream().anyMatch(d -> d.asJsonObject().getInt("received") == 2
                && d.asJsonObject().getJsonNumber("answeredOnTimeRate").doubleValue() == 50.0), departments.toString());
        assertTrue(departments.stream().anyMatch(d -> !d.asJsonObject().containsKey("label") && d.asJsonObject().getInt("received") == 1),
                "the unassigned April message");
        String csv = new String(ORGANISER.bytes("/api/v1/stats/export.csv?year=2031&table=figures"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("5 个工作日内答复率,50.0%"), csv);
        String page = Api.anonymous().get("/open/stats.xhtml?year=2031").expect(200).body();
        assertTrue(page.contains("data-figure=\"messageAnsweredOnTimeRate\">50.0%<"), "the statistics page shows it");

        // personal data: the export lists the messages; deletion removes the private one, the public answered one stays
        JsonObject data = author.api().get("/api/v1/me/data").expect(200).json();
        assertEquals(3, data.getJsonArray("messages").size());
        author.api().post("/api/v1/me/deletion", Json.createObjectBuilder().add("password", "secret-pass-1").build()).expect(200);
        ORGANISER.get("/api/v1/messages/" + late).expect(404);
        JsonObject kept = Api.anonymous().get("/api/v1/messages/" + onTime).expect(200).json();
        assertEquals("已注销用户", kept.getString("author"));
    }

    @Test
    void theDemoHasATopicWithAnsweredMessagesAndAnFaqEntry() {
        JsonObject lift = Api.anonymous().get("/api/v1/topics").jsonArray().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("name").equals("加装电梯")).findFirst().orElseThrow();
        // three answered by the demo (the browser test may add one more)
        assertTrue(lift.getInt("messages") >= 3, lift.toString());
        assertTrue(Api.anonymous().get("/api/v1/messages/public?topic=" + id(lift) + "&size=50").items().stream()
                .filter(m -> m.asJsonObject().getString("text").startsWith("我家住在老公房六楼")
                        || m.asJsonObject().getString("text").startsWith("加装电梯的费用怎么分摊")
                        || m.asJsonObject().getString("text").startsWith("建议街道在加装电梯施工期间")).count() == 3);
        assertFalse(Api.anonymous().get("/api/v1/faq?topic=" + id(lift)).items().isEmpty());
    }
}
