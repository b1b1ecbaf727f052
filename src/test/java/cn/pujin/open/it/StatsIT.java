package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The year's statistics from a known data set built in 2029 (a year no other test touches, reached by moving the
 * application's clock): every figure checked, and the page shows the same numbers as the API.
 */
class StatsIT {

    static final Api ORGANISER = Api.as("organiser");

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    static long event(JsonObjectBuilder draft) {
        return id(Fixtures.published(draft));
    }

    static JsonObjectBuilder at(String title, String kind, String mode, String starts, String ends) {
        JsonObjectBuilder b = Fixtures.openDay(unique(title), 0).add("kind", kind).add("mode", mode)
                .add("startsAt", starts).add("endsAt", ends);
        if (!"OFFLINE".equals(mode)) {
            b.add("onlineUrl", "https://live.example.cn/pujin");
        }
        if ("ONLINE".equals(mode)) {
            b.addNull("venue");
        }
        return b;
    }

    @Test
    void everyFigureOfAKnownYearAndThePageShowsTheSame() {
        SuggestionsIT.clock("2029-03-10T07:30:00+08:00");
        long e1 = event(at("统计开放日", "OPEN_DAY", "OFFLINE", "2029-03-10T09:00:00+08:00", "2029-03-10T11:00:00+08:00")
                .add("capacity", 2).add("waitlist", true));
        long e2 = event(at("统计直播", "OPEN_DAY", "ONLINE", "2029-05-20T10:00:00+08:00", "2029-05-20T11:00:00+08:00"));
        long e3 = id(Fixtures.published(at("统计决策会", "DECISION_MEETING", "HYBRID", "2029-05-25T14:00:00+08:00",
                "2029-05-25T16:00:00+08:00").add("capacity", 3), Json.createObjectBuilder().add("seats", 2)
                .add("minimums", Json.createObjectBuilder().add("ENTERPRISE", 1)).add("stakeholdersFirst", true)
                .add("alternates", 1).build()));
        long e4 = event(at("统计取消", "OPEN_DAY", "OFFLINE", "2029-06-01T09:00:00+08:00", "2029-06-01T11:00:00+08:00"));

        Api.Citizen a = Api.newCitizen("统计甲");
        Api.Citizen b = Api.newCitizen("统计乙");
        Api.Citizen c = Api.newCitizen("统计丙");
        long ra = PassesIT.register(a, e1);
        PassesIT.register(b, e1);
        assertEquals("WAITLISTED", c.api().post("/api/v1/events/" + e1 + "/registrations", JsonObject.EMPTY_JSON_OBJECT)
                .expect(201).json().getString("status"));
        Api.Citizen d = Api.newCitizen("统计丁");
        long rd = PassesIT.register(d, e2);
        d.api().post("/api/v1/registrations/" + rd + "/cancel", JsonObject.EMPTY_JSON_OBJECT).expect(200);
        PassesIT.register(Api.newCitizen("统计戊"), e2);
        // the meeting: three applications, stakeholders first and one enterprise seat, two seats
        Map<String, Long> applications = new LinkedHashMap<>();
        for (String category : List.of("RESIDENT", "ENTERPRISE", "STAKEHOLDER")) {
            var body = Json.createObjectBuilder().add("category", category)
                    .add("statement", "我希望就本次会议的议题发表意见，并反映小区居民的诉求。");
            if ("ENTERPRISE".equals(category)) {
                body.add("organisation", "浦锦某科技有限公司");
            }
            long id = id(Api.newCitizen("统计" + category).api().post("/api/v1/events/" + e3 + "/registrations", body.build())
                    .expect(201).json());
            ORGANISER.post("/api/v1/registrations/" + id + "/approve").expect(200);
            applications.put(category, id);
        }
        ORGANISER.post("/api/v1/events/" + e3 + "/selection", Json.createObjectBuilder().add("seed", "stats-2029").build()).expect(200);
        ORGANISER.post("/api/v1/events/" + e3 + "/selection/publish").expect(200);
        // a cancelled event and its registration count for nothing
        PassesIT.register(Api.newCitizen("统计己"), e4);
        ORGANISER.post("/api/v1/events/" + e4 + "/cancel", Json.createObjectBuilder().add("reason", "场地维修，活动取消").build()).expect(200);

        // one person admitted at the door
        String token = a.api().get("/api/v1/registrations/" + ra + "/pass").expect(200).json().getString("token");
        assertEquals("ADMITTED", ORGANISER.post("/api/v1/checkins", Json.createObjectBuilder().add("token", token)
                .add("nonce", UUID.randomUUID().toString()).build()).expect(200).json().getString("verdict"));

        // suggestions: one answered on time and adopted (4 stars), one late and not adopted (1 star), one unanswered
        SuggestionsIT.Handler handler = SuggestionsIT.handler("统计承办", false);
        SuggestionsIT.clock("2029-03-10T09:30:00+08:00");
        long s1 = id(SuggestionsIT.suggest(a.api(), e1, null, "统计用意见一：建议增加讲解员。"));
        long s2 = id(SuggestionsIT.suggest(b.api(), e1, null, "统计用意见二：建议周末也开放。"));
        SuggestionsIT.suggest(a.api(), e1, null, "统计用意见三：建议提供停车指引。");
        for (long s : List.of(s1, s2)) {
            ORGANISER.post("/api/v1/suggestions/" + s + "/assign", Json.createObjectBuilder()
                    .add("departmentId", handler.departmentId()).build()).expect(200);
        }
        SuggestionsIT.clock("2029-03-12T10:00:00+08:00");
        handler.person().api().post("/api/v1/suggestions/" + s1 + "/answer", Json.createObjectBuilder()
                .add("outcome", "ADOPTED").add("reason", "下次开放日安排两名讲解员。").build()).expect(200);
        SuggestionsIT.clock("2029-05-01T10:00:00+08:00");
        handler.person().api().post("/api/v1/suggestions/" + s2 + "/answer", Json.createObjectBuilder()
                .add("outcome", "NOT_ADOPTED").add("reason", "周末安保力量不足，暂无法开放，改为延长工作日开放时间。").build()).expect(200);
        for (long s : List.of(s1, s2)) {
            Api.as("reviewer").post("/api/v1/suggestions/" + s + "/publish").expect(200);
        }
        a.api().post("/api/v1/suggestions/" + s1 + "/rate", Json.createObjectBuilder().add("stars", 4).build()).expect(200);
        b.api().post("/api/v1/suggestions/" + s2 + "/rate", Json.createObjectBuilder().add("stars", 1).build()).expect(200);

        JsonObject s = Api.anonymous().get("/api/v1/stats?year=2029").expect(200).json();
        assertEquals(2029, s.getInt("year"));
        assertEquals(3, s.getInt("events"), "the cancelled event does not count");
        assertEquals(List.of(0, 0, 1, 0, 2, 0, 0, 0, 0, 0, 0, 0),
                s.getJsonArray("eventsByMonth").getValuesAs(JsonNumber.class).stream().map(JsonNumber::intValue).toList());
        assertEquals(2, s.getJsonObject("eventsByKind").getInt("OPEN_DAY"));
        assertEquals(1, s.getJsonObject("eventsByKind").getInt("DECISION_MEETING"));
        assertEquals(1, s.getJsonObject("eventsByMode").getInt("OFFLINE"));
        assertEquals(1, s.getJsonObject("eventsByMode").getInt("ONLINE"));
        assertEquals(1, s.getJsonObject("eventsByMode").getInt("HYBRID"));
        assertEquals(8, s.getInt("registrations"), "3 + 2 (one cancelled) + 3 applications");
        assertEquals(5, s.getInt("confirmed"), "2 seats, 1 online, 2 selected representatives");
        assertEquals(1, s.getInt("attended"));
        assertEquals(20.0, s.getJsonNumber("attendanceRate").doubleValue());
        JsonObject reps = s.getJsonObject("representativesByCategory");
        assertEquals(1, reps.getInt("STAKEHOLDER"));
        assertEquals(1, reps.getInt("ENTERPRISE"));
        assertEquals(0, reps.getInt("RESIDENT"), "the resident is the alternate");
        assertEquals(3, s.getInt("suggestionsReceived"));
        assertEquals(2, s.getInt("suggestionsAnswered"));
        assertEquals(1, s.getInt("answeredOnTime"));
        assertEquals(50.0, s.getJsonNumber("onTimeRate").doubleValue());
        assertEquals(2, s.getInt("answersPublished"));
        assertEquals(1, s.getJsonObject("adoptionByOutcome").getInt("ADOPTED"));
        assertEquals(1, s.getJsonObject("adoptionByOutcome").getInt("NOT_ADOPTED"));
        assertEquals(50.0, s.getJsonNumber("adoptionRate").doubleValue());
        assertEquals(2, s.getInt("ratings"));
        assertEquals(2.5, s.getJsonNumber("averageSatisfaction").doubleValue());

        // the page shows the same figures
        String page = Api.anonymous().get("/open/stats.xhtml?year=2029").expect(200).body();
        Matcher m = Pattern.compile("data-figure=\"(\\w+)\">([0-9.]+)%?<").matcher(page);
        int seen = 0;
        while (m.find()) {
            assertEquals(s.get(m.group(1)).toString(), m.group(2), m.group(1));
            seen++;
        }
        assertEquals(23, seen, "every figure on the page was compared");
        assertTrue(page.contains("2029 年政府开放统计"), "the year is not written 2,029");
    }

    @Test
    void theDecisionCatalogueIsCountedByItemsWithdrawalsAndPublishedSteps() {
        int year = MajorDecisionsIT.YEARS.getAndIncrement();
        Api organiser = Api.as("organiser");
        Api reviewer = Api.as("reviewer");
        List<Long> ids = new ArrayList<>();
        for (String t : List.of("统计事项一", "统计事项二")) {
            ids.add(Fixtures.id(organiser.post("/api/v1/major-decisions", MajorDecisionsIT.item(Fixtures.unique(t), year).build())
                    .expect(201).json()));
        }
        for (long id : ids) {
            organiser.post("/api/v1/major-decisions/" + id + "/submit").expect(200);
            reviewer.post("/api/v1/major-decisions/" + id + "/approve").expect(200);
        }
        long step = Fixtures.id(organiser.post("/api/v1/major-decisions/" + ids.get(0) + "/steps",
                MajorDecisionsIT.step("RISK_ASSESSMENT").build()).expect(201).json());
        reviewer.post("/api/v1/major-decision-steps/" + step + "/publish").expect(200);
        organiser.post("/api/v1/major-decisions/" + ids.get(1) + "/withdraw",
                Json.createObjectBuilder().add("reason", "统计用：撤回").build()).expect(200);
        reviewer.post("/api/v1/major-decisions/" + ids.get(1) + "/approve").expect(200);

        JsonObject s = Api.anonymous().get("/api/v1/stats?year=" + year).expect(200).json();
        assertEquals(2, s.getInt("majorDecisions"));
        assertEquals(1, s.getInt("majorDecisionsWithdrawn"));
        assertEquals(1, s.getJsonObject("majorDecisionsByStep").getInt("RISK_ASSESSMENT"));
        assertEquals(0, s.getJsonObject("majorDecisionsByStep").getInt("EXPERT_ARGUMENT"));
        String csv = new String(organiser.bytes("/api/v1/stats/export.csv?year=" + year + "&table=figures"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("决策目录事项,2") && csv.contains("已公开该环节的事项 · 风险评估,1"), csv);
    }

    @Test
    void aYearWithoutDataIsZerosAndBadYearsAreRefused() {
        JsonObject s = Api.anonymous().get("/api/v1/stats?year=2099").expect(200).json();
        assertEquals(0, s.getInt("events"));
        assertEquals(0, s.getInt("registrations"));
        assertEquals(0.0, s.getJsonNumber("attendanceRate").doubleValue());
        assertEquals(0.0, s.getJsonNumber("averageSatisfaction").doubleValue());
        assertEquals(12, s.getJsonArray("eventsByMonth").size());
        for (String bad : List.of("1999", "2101", "abc", "2026-01", "%00")) {
            assertEquals(List.of("year"), Api.anonymous().get("/api/v1/stats?year=" + bad).problem(400, "VALIDATION_FAILED")
                    .getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList(), bad);
        }
        Api.anonymous().get("/open/stats.xhtml?year=abc").expect(200);
    }
}
