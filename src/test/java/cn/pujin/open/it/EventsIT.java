package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventsIT {

    private static final Api ORGANISER = Api.as("organiser");
    private static final Api REVIEWER = Api.as("reviewer");
    private static final Api PUBLIC = Api.anonymous();

    private static JsonObject create(String title) {
        return ORGANISER.post("/api/v1/events", openDay(title, 14).build()).expect(201).json();
    }

    private static boolean listed(String title) {
        return PUBLIC.get("/api/v1/events?size=100&from=2000-01-01").items().stream()
                .anyMatch(e -> e.asJsonObject().getString("title").equals(title));
    }

    @Test
    void organiserCreatesADraftThatOnlyStaffCanSee() {
        String title = unique("草稿活动");
        JsonObject draft = create(title);
        assertEquals("DRAFT", draft.getString("status"));
        assertEquals(40, draft.getInt("seatsLeft"));
        assertTrue(draft.containsKey("version"));
        long id = id(draft);

        PUBLIC.get("/api/v1/events/" + id).problem(404, "NOT_FOUND");
        Api.as("citizen1").get("/api/v1/events/" + id).problem(404, "NOT_FOUND");
        assertEquals("DRAFT", ORGANISER.get("/api/v1/events/" + id).expect(200).json().getString("status"));
        assertFalse(listed(title));
    }

    @Test
    void updateNeedsTheCurrentVersion() {
        JsonObject draft = create(unique("版本"));
        long id = id(draft);
        long version = draft.getJsonNumber("version").longValue();
        JsonObject renamed = ORGANISER.put("/api/v1/events/" + id,
                openDay("新标题 " + id, 15).add("version", version).build()).expect(200).json();
        assertEquals("新标题 " + id, renamed.getString("title"));
        assertTrue(renamed.getJsonNumber("version").longValue() > version);

        JsonObject conflict = ORGANISER.put("/api/v1/events/" + id, openDay("过期的修改", 15).add("version", version).build())
                .problem(409, "VERSION_CONFLICT");
        assertEquals(renamed.getJsonNumber("version").longValue(), conflict.getJsonNumber("currentVersion").longValue());
        ORGANISER.put("/api/v1/events/" + id, openDay("没有版本", 15).build()).problem(400, "VALIDATION_FAILED");
    }

    @Test
    void reviewBeforePublicationWithRejectionAndAudit() {
        String title = unique("审查流程");
        long id = id(create(title));
        REVIEWER.post("/api/v1/events/" + id + "/approve").problem(409, "INVALID_TRANSITION");
        assertEquals("IN_REVIEW", ORGANISER.post("/api/v1/events/" + id + "/submit").expect(200).json().getString("status"));
        PUBLIC.get("/api/v1/events/" + id).problem(404, "NOT_FOUND");
        ORGANISER.put("/api/v1/events/" + id, openDay(title, 14).add("version", 99).build()).expect(409);

        Api.Response noReason = REVIEWER.post("/api/v1/events/" + id + "/reject", Json.createObjectBuilder().build());
        noReason.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("reason"), noReason.errorFields());
        REVIEWER.post("/api/v1/events/" + id + "/reject").problem(400, "VALIDATION_FAILED");

        JsonObject rejected = REVIEWER.post("/api/v1/events/" + id + "/reject",
                Json.createObjectBuilder().add("reason", "请补充活动地点的无障碍信息").build()).expect(200).json();
        assertEquals("DRAFT", rejected.getString("status"));
        assertEquals("请补充活动地点的无障碍信息", rejected.getString("reviewNote"));

        ORGANISER.post("/api/v1/events/" + id + "/submit").expect(200);
        Api.as("citizen1").post("/api/v1/events/" + id + "/approve").problem(403, "FORBIDDEN");
        ORGANISER.post("/api/v1/events/" + id + "/approve").problem(403, "FORBIDDEN");
        assertEquals("PUBLISHED", REVIEWER.post("/api/v1/events/" + id + "/approve").expect(200).json().getString("status"));

        JsonObject pub = PUBLIC.get("/api/v1/events/" + id).expect(200).json();
        assertEquals(title, pub.getString("title"));
        assertFalse(pub.containsKey("version"), "the public view carries no working-copy details");
        assertTrue(listed(title));

        List<String> trail = ORGANISER.get("/api/v1/events/" + id + "/audit").expect(200).jsonArray().stream()
                .map(a -> a.asJsonObject().getString("action") + ":" + a.asJsonObject().getString("fromState", "-")
                        + ">" + a.asJsonObject().getString("toState", "-")).toList();
        assertEquals(List.of("event.create:->DRAFT", "event.submit:DRAFT>IN_REVIEW", "event.reject:IN_REVIEW>DRAFT",
                "event.submit:DRAFT>IN_REVIEW", "event.approve:IN_REVIEW>PUBLISHED"), trail);
        JsonObject rejection = ORGANISER.get("/api/v1/events/" + id + "/audit").jsonArray().get(2).asJsonObject();
        assertEquals("请补充活动地点的无障碍信息", rejection.getString("reason"));
        assertTrue(rejection.containsKey("actorId") && rejection.containsKey("at"));
    }

    @Test
    void aReviewerCannotApproveWhatTheyWroteOrSubmitted() {
        Api.Citizen both = Api.newCitizen("身兼两职");
        Api.as("admin").put("/api/v1/accounts/" + both.id() + "/roles", Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("ORGANISER").add("REVIEWER")).build()).expect(200);
        long id = id(both.api().post("/api/v1/events", openDay(unique("自己审自己"), 12).build()).expect(201).json());
        both.api().post("/api/v1/events/" + id + "/submit").expect(200);
        both.api().post("/api/v1/events/" + id + "/approve").problem(403, "SELF_REVIEW");
        both.api().post("/api/v1/events/" + id + "/reject", Json.createObjectBuilder().add("reason", "自己退回").build())
                .problem(403, "SELF_REVIEW");
        REVIEWER.post("/api/v1/events/" + id + "/approve").expect(200);
    }

    @Test
    void changesToAPublishedEventStayPrivateUntilApproved() {
        String title = unique("已发布");
        JsonObject event = Fixtures.published(openDay(title, 20));
        long id = id(event);
        JsonObject working = ORGANISER.get("/api/v1/events/" + id).json();

        JsonObject edited = ORGANISER.put("/api/v1/events/" + id, openDay(title + "（改期）", 21)
                .add("version", working.getJsonNumber("version").longValue()).build()).expect(200).json();
        assertEquals("PUBLISHED", edited.getString("status"));
        assertEquals("DRAFT", edited.getString("revision"));
        ORGANISER.post("/api/v1/events/" + id + "/agenda-items", Json.createObjectBuilder()
                .add("title", "新增议题").add("materials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", "材料一").add("url", "https://example.gov.cn/a.pdf"))).build()).expect(201);

        JsonObject stillOld = PUBLIC.get("/api/v1/events/" + id).json();
        assertEquals(title, stillOld.getString("title"), "the public keeps the approved version");
        assertEquals(0, stillOld.getJsonArray("agendaItems").size());

        assertEquals("IN_REVIEW", ORGANISER.post("/api/v1/events/" + id + "/submit").json().getString("revision"));
        REVIEWER.post("/api/v1/events/" + id + "/approve").expect(200);
        JsonObject now = PUBLIC.get("/api/v1/events/" + id).json();
        assertEquals(title + "（改期）", now.getString("title"));
        assertEquals("新增议题", now.getJsonArray("agendaItems").getJsonObject(0).getString("title"));
        assertEquals("https://example.gov.cn/a.pdf", now.getJsonArray("agendaItems").getJsonObject(0)
                .getJsonArray("materials").getJsonObject(0).getString("url"));
        assertEquals(1, now.getInt("sequence"));

        // saving it again without a change leaves no pending revision behind
        JsonObject current = ORGANISER.get("/api/v1/events/" + id).json();
        JsonObject same = ORGANISER.put("/api/v1/events/" + id, openDay(title + "（改期）", 21)
                .add("version", current.getJsonNumber("version").longValue()).build()).expect(200).json();
        assertEquals("NONE", same.getString("revision"));
    }

    @Test
    void cancellationNeedsAReasonAndIsShownPublicly() {
        long id = id(Fixtures.published(openDay(unique("将取消"), 9)));
        ORGANISER.post("/api/v1/events/" + id + "/cancel", Json.createObjectBuilder().add("reason", " ").build())
                .problem(400, "VALIDATION_FAILED");
        Api.as("citizen1").post("/api/v1/events/" + id + "/cancel", Json.createObjectBuilder().add("reason", "x").build())
                .problem(403, "FORBIDDEN");
        ORGANISER.post("/api/v1/events/" + id + "/cancel", Json.createObjectBuilder().add("reason", "台风预警，活动取消").build())
                .expect(200);
        JsonObject pub = PUBLIC.get("/api/v1/events/" + id).expect(200).json();
        assertEquals("CANCELLED", pub.getString("status"));
        assertEquals("台风预警，活动取消", pub.getString("cancelReason"));
        ORGANISER.post("/api/v1/events/" + id + "/cancel", Json.createObjectBuilder().add("reason", "再次").build())
                .problem(409, "EVENT_CANCELLED");
        ORGANISER.put("/api/v1/events/" + id, openDay("改", 9).add("version", 100).build()).expect(409);

        long draft = id(create(unique("从未发布就取消")));
        ORGANISER.post("/api/v1/events/" + draft + "/cancel", Json.createObjectBuilder().add("reason", "不办了").build()).expect(200);
        PUBLIC.get("/api/v1/events/" + draft).problem(404, "NOT_FOUND");
    }

    @Test
    void decisionMeetingAgendaWithMaterials() {
        JsonObject meeting = ORGANISER.post("/api/v1/events", openDay(unique("决策会议"), 30)
                .add("kind", "DECISION_MEETING").add("capacity", 5).build()).expect(201).json();
        long id = id(meeting);
        JsonObject item = ORGANISER.post("/api/v1/events/" + id + "/agenda-items", Json.createObjectBuilder()
                .add("title", "加装电梯推进方案").add("summary", "三年推进目标")
                .add("materials", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("title", "方案").add("url", "https://example.gov.cn/plan.pdf"))
                        .add(Json.createObjectBuilder().add("title", "补贴").add("summary", "草案").add("url", "https://example.gov.cn/s.pdf")))
                .build()).expect(201).json();
        assertEquals(2, item.getJsonArray("materials").size());
        Api.Response bad = ORGANISER.post("/api/v1/events/" + id + "/agenda-items", Json.createObjectBuilder()
                .add("title", "x").add("materials", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", "坏链接").add("url", "javascript:alert(1)"))).build());
        bad.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("url"), bad.errorFields());

        long itemId = id(item);
        ORGANISER.put("/api/v1/events/" + id + "/agenda-items/" + itemId, Json.createObjectBuilder().add("title", "改名").build()).expect(200);
        assertEquals("改名", ORGANISER.get("/api/v1/events/" + id).json().getJsonArray("agendaItems").getJsonObject(0).getString("title"));
        ORGANISER.delete("/api/v1/events/" + id + "/agenda-items/" + itemId).expect(204);
        ORGANISER.delete("/api/v1/events/" + id + "/agenda-items/" + itemId).problem(404, "NOT_FOUND");
        assertEquals(0, ORGANISER.get("/api/v1/events/" + id).json().getJsonArray("agendaItems").size());
    }

    @Test
    void descriptionIsSanitised() {
        JsonObject e = ORGANISER.post("/api/v1/events", openDay(unique("清洗"), 10)
                .add("description", "<p onclick=\"x()\">好</p><script>alert(1)</script><a href=\"javascript:alert(2)\">链接</a>")
                .build()).expect(201).json();
        String html = e.getString("description");
        assertFalse(html.contains("script"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("<p>好</p>"), html);
    }

    @Test
    void anEventThatIsOverSaysSoInsteadOfCountingSeats() {
        String campaign = unique("收尾专题");
        String title = unique("两天后的开放日");
        Fixtures.published(openDay(title, 2).add("campaign", campaign));
        String filter = "&campaign=" + URLEncoder.encode(campaign, StandardCharsets.UTF_8);

        String upcoming = PUBLIC.get("/events/?when=upcoming" + filter).expect(200).body();
        assertTrue(upcoming.contains(title) && upcoming.contains("剩余 40 个名额"), upcoming);
        assertFalse(upcoming.contains("已结束"), upcoming);
        try {
            // four days on, the event (two days ahead, two hours long) is over
            SuggestionsIT.clock(OffsetDateTime.now(Fixtures.SHANGHAI).plusDays(4).toString());
            String past = PUBLIC.get("/events/?when=past" + filter).expect(200).body();
            assertTrue(past.contains(title) && past.contains("已结束"), past);
            assertFalse(past.contains("剩余") || past.contains("名额已满"), "no seats for an event that is over: " + past);
        } finally {
            SuggestionsIT.clock(null);
        }
    }

    @Test
    void publicListFiltersByKindCampaignAndTimeWithPaging() {
        String campaign = unique("测试开放月");
        String dayTitle = unique("开放日");
        String meetingTitle = unique("会议");
        Fixtures.published(openDay(dayTitle, 40).add("campaign", campaign));
        Fixtures.published(openDay(meetingTitle, 41).add("kind", "DECISION_MEETING").add("campaign", campaign));
        String q = "/api/v1/events?campaign=" + URLEncoder.encode(campaign, StandardCharsets.UTF_8);

        JsonObject all = PUBLIC.get(q).expect(200).json();
        assertEquals(2, all.getInt("total"));
        assertEquals(dayTitle, all.getJsonArray("items").getJsonObject(0).getString("title"), "sorted by start");
        assertEquals(1, PUBLIC.get(q + "&kind=DECISION_MEETING").json().getInt("total"));
        assertEquals(meetingTitle, PUBLIC.get(q + "&kind=DECISION_MEETING").items().getJsonObject(0).getString("title"));

        JsonObject page = PUBLIC.get(q + "&size=1&page=1").json();
        assertEquals(2, page.getInt("total"));
        assertEquals(1, page.getJsonArray("items").size());
        assertEquals(meetingTitle, page.getJsonArray("items").getJsonObject(0).getString("title"));
        JsonObject beyond = PUBLIC.get(q + "&size=2&page=7").json();
        assertEquals(2, beyond.getInt("total"), "a page past the end still counts the list");
        assertEquals(0, beyond.getJsonArray("items").size());

        String day41 = LocalDate.now(Fixtures.SHANGHAI).plusDays(41).toString();
        assertEquals(1, PUBLIC.get(q + "&from=" + day41).json().getInt("total"));
        assertEquals(1, PUBLIC.get(q + "&to=" + day41).json().getInt("total"));
        assertEquals(0, PUBLIC.get("/api/v1/events?campaign=nothing-like-this").json().getInt("total"));

        PUBLIC.get("/api/v1/events?size=101").problem(400, "VALIDATION_FAILED");
        PUBLIC.get("/api/v1/events?page=-1").problem(400, "VALIDATION_FAILED");
        PUBLIC.get("/api/v1/events?kind=PARTY").problem(400, "VALIDATION_FAILED");
        PUBLIC.get("/api/v1/events?from=2025-02-30").problem(400, "VALIDATION_FAILED");
        PUBLIC.get("/api/v1/events?status=DRAFT").problem(401, "UNAUTHENTICATED");
        Api.as("citizen1").get("/api/v1/events?status=DRAFT").problem(403, "FORBIDDEN");
        assertTrue(ORGANISER.get("/api/v1/events?status=DRAFT&size=100").items().stream()
                .allMatch(e -> e.asJsonObject().getString("status").equals("DRAFT")));
    }

    @Test
    void reviewQueueListsNewEventsAndRevisions() {
        long fresh = id(create(unique("待审新活动")));
        ORGANISER.post("/api/v1/events/" + fresh + "/submit").expect(200);
        JsonObject queue = REVIEWER.get("/api/v1/events?review=true&size=100").expect(200).json();
        assertTrue(queue.getJsonArray("items").stream().anyMatch(e -> id(e.asJsonObject()) == fresh));
        assertTrue(queue.getJsonArray("items").stream().allMatch(e -> e.asJsonObject().getString("status").equals("IN_REVIEW")
                || e.asJsonObject().getString("revision").equals("IN_REVIEW")));
    }

    @Test
    void aRegistrationWindowErrorNamesTheFieldThePersonFilledIn() {
        OffsetDateTime start = OffsetDateTime.now(Fixtures.SHANGHAI).plusDays(3);
        // only the opening time given, after the start: the opening time is named, not the closing time nobody typed
        Api.Response opensLate = Api.as("organiser").post("/api/v1/events", openDay(unique("报名窗口"), 3)
                .add("registrationOpensAt", start.plusDays(1).toString()).build());
        opensLate.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("registrationOpensAt"), opensLate.errorFields());
        // nothing given and the start already past: the start is named
        Api.Response past = Api.as("organiser").post("/api/v1/events", openDay(unique("已开始"), -1).build());
        past.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("startsAt"), past.errorFields());
        // a closing time given before the opening: the closing time, as before
        Api.Response closes = Api.as("organiser").post("/api/v1/events", openDay(unique("截止过早"), 3)
                .add("registrationOpensAt", start.minusDays(1).toString())
                .add("registrationClosesAt", start.minusDays(2).toString()).build());
        assertEquals(List.of("registrationClosesAt"), closes.errorFields());
    }

    @Test
    void aStartIsNeverMovedIntoThePastButAnEventUnderWayKeepsItsOwn() {
        String title = unique("不能改到过去");
        long id = id(Fixtures.published(openDay(title, 2)));
        long version = ORGANISER.get("/api/v1/events/" + id).json().getJsonNumber("version").longValue();
        OffsetDateTime yesterday = OffsetDateTime.now(Fixtures.SHANGHAI).minusDays(1);
        Api.Response moved = ORGANISER.put("/api/v1/events/" + id, openDay(title, 2)
                .add("startsAt", yesterday.toString()).add("endsAt", yesterday.plusHours(2).toString())
                .add("version", version).build());
        moved.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("startsAt"), moved.errorFields());
        assertTrue(moved.json().toString().contains("开始时间已过"), moved.body());
        try {
            // three days on the event has taken place: a correction of its text keeps the (now past) start
            SuggestionsIT.clock(OffsetDateTime.now(Fixtures.SHANGHAI).plusDays(3).toString());
            ORGANISER.put("/api/v1/events/" + id, openDay(title + "（更正）", 2).add("version", version).build()).expect(200);
            // and a copy of it lands whole weeks later, in the future, on the same weekday and time
            JsonObject copy = ORGANISER.post("/api/v1/events/" + id + "/copy").expect(201).json();
            OffsetDateTime original = OffsetDateTime.parse(openDay(title, 2).build().getString("startsAt"));
            OffsetDateTime copied = OffsetDateTime.parse(copy.getString("startsAt"));
            assertEquals(original.plusWeeks(1).toInstant(), copied.toInstant(), "a week later: " + copied);
        } finally {
            SuggestionsIT.clock(null);
        }
    }
}
