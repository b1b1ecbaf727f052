package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The catalogue of major administrative decisions (决策目录): items and steps public only after review by someone
 * else, additions and withdrawals during the year with their reasons, the timeline of steps with a decision meeting,
 * every state change audited.
 */
class MajorDecisionsIT {

    static final Api ORGANISER = Api.as("organiser");
    static final Api REVIEWER = Api.as("reviewer");
    /** The helpers' items go into a year of their own, so that other tests' catalogues are not touched. */
    static final int HELPER_YEAR = 2040;
    /** Each test that reads a whole catalogue takes a year nobody else uses. */
    static final AtomicInteger YEARS = new AtomicInteger(2060 + (int) (System.nanoTime() % 20) * 2);

    static JsonObjectBuilder item(String title) {
        return item(title, HELPER_YEAR).add("reason", "年中新增：按区政府要求纳入");
    }

    static JsonObjectBuilder item(String title, int year) {
        return Json.createObjectBuilder().add("year", year).add("title", title).add("department", "街道管理办")
                .add("legalBasis", "《重大行政决策程序暂行条例》第三条；《上海市重大行政决策程序规定》")
                .add("plannedPeriod", year + "年3月至9月");
    }

    static JsonObjectBuilder step(String kind) {
        return Json.createObjectBuilder().add("kind", kind).add("date", "2026-05-20").add("summary", "委托第三方完成评估")
                .add("documents", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", "评估报告").add("url", "https://www.pujin.gov.cn/doc/report.pdf")));
    }

    /** A draft item of the helpers' year. */
    static JsonObject draft(String title) {
        return ORGANISER.post("/api/v1/major-decisions", item(title).build()).expect(201).json();
    }

    /** A published item of the helpers' year. */
    static JsonObject published(String title) {
        long id = id(draft(title));
        ORGANISER.post("/api/v1/major-decisions/" + id + "/submit").expect(200);
        return REVIEWER.post("/api/v1/major-decisions/" + id + "/approve").expect(200).json();
    }

    @Test
    void anItemIsPublicOnlyAfterSomeoneElseReviewsIt() {
        int year = YEARS.getAndIncrement();
        Api anonymous = Api.anonymous();
        JsonObject created = ORGANISER.post("/api/v1/major-decisions", item(unique("加装电梯三年行动"), year).build())
                .expect(201).json();
        long id = id(created);
        assertEquals("DRAFT", created.getString("status"));
        assertEquals(1, created.getInt("number"));
        assertFalse(created.getBoolean("addedDuringYear"), "the year's first catalogue");
        anonymous.get("/api/v1/major-decisions/" + id).problem(404, "NOT_FOUND");
        assertEquals(0, anonymous.get("/api/v1/major-decisions?year=" + year).json().getJsonArray("items").size());

        // returned with a reason, rewritten, submitted again
        ORGANISER.post("/api/v1/major-decisions/" + id + "/submit").expect(200);
        ORGANISER.put("/api/v1/major-decisions/" + id, item("改标题", year).add("version", 1).build())
                .problem(409, "INVALID_TRANSITION");
        REVIEWER.post("/api/v1/major-decisions/" + id + "/reject", Json.createObjectBuilder().build())
                .problem(400, "VALIDATION_FAILED");
        JsonObject returned = REVIEWER.post("/api/v1/major-decisions/" + id + "/reject",
                Json.createObjectBuilder().add("reason", "请写明法律依据的具体条款").build()).expect(200).json();
        assertEquals("DRAFT", returned.getString("status"));
        assertEquals("请写明法律依据的具体条款", returned.getString("reviewNote"));
        JsonObject rewritten = ORGANISER.put("/api/v1/major-decisions/" + id, item("浦锦街道老旧小区加装电梯三年行动计划", year)
                .add("version", returned.getJsonNumber("version").longValue()).build()).expect(200).json();
        ORGANISER.put("/api/v1/major-decisions/" + id, item("过期版本", year).add("version", 0).build())
                .problem(409, "VERSION_CONFLICT");
        ORGANISER.put("/api/v1/major-decisions/" + id, item("换年份", year + 1)
                .add("version", rewritten.getJsonNumber("version").longValue()).build()).problem(400, "VALIDATION_FAILED");
        ORGANISER.post("/api/v1/major-decisions/" + id + "/submit").expect(200);
        ORGANISER.post("/api/v1/major-decisions/" + id + "/approve").problem(403, "FORBIDDEN");
        JsonObject approved = REVIEWER.post("/api/v1/major-decisions/" + id + "/approve").expect(200).json();
        assertEquals("PUBLISHED", approved.getString("status"));

        JsonObject pub = anonymous.get("/api/v1/major-decisions/" + id).expect(200).json();
        assertEquals("浦锦街道老旧小区加装电梯三年行动计划", pub.getString("title"));
        assertFalse(pub.containsKey("reviewNote") || pub.containsKey("authorId"), "the review note and the author are staff-only");
        JsonArray catalogue = anonymous.get("/api/v1/major-decisions?year=" + year).json().getJsonArray("items");
        assertEquals(List.of(id), catalogue.stream().map(v -> id(v.asJsonObject())).toList());
        // published items are never edited
        ORGANISER.put("/api/v1/major-decisions/" + id, item("再改", year).add("version", approved.getJsonNumber("version").longValue())
                .build()).problem(409, "INVALID_TRANSITION");

        JsonObject audit = Api.as("admin").get("/api/v1/audit?entityType=majorDecision&entityId=" + id).expect(200).json();
        List<String> actions = audit.getJsonArray("items").stream().map(v -> v.asJsonObject().getString("action")).toList();
        assertTrue(actions.containsAll(List.of("majorDecision.create", "majorDecision.submit", "majorDecision.reject",
                "majorDecision.update", "majorDecision.approve")), actions.toString());
    }

    @Test
    void aReviewerCannotPublishWhatTheyWroteOrSubmitted() {
        Api.Citizen both = Api.newCitizen("决策身兼两职");
        Api.as("admin").put("/api/v1/accounts/" + both.id() + "/roles", Json.createObjectBuilder()
                .add("roles", Json.createArrayBuilder().add("ORGANISER").add("REVIEWER")).build()).expect(200);
        long id = id(both.api().post("/api/v1/major-decisions", item(unique("自己审自己")).build()).expect(201).json());
        both.api().post("/api/v1/major-decisions/" + id + "/submit").expect(200);
        both.api().post("/api/v1/major-decisions/" + id + "/approve").problem(403, "SELF_REVIEW");
        REVIEWER.post("/api/v1/major-decisions/" + id + "/approve").expect(200);
        long step = id(both.api().post("/api/v1/major-decisions/" + id + "/steps", step("LEGALITY_REVIEW").build())
                .expect(201).json());
        both.api().post("/api/v1/major-decision-steps/" + step + "/publish").problem(403, "SELF_REVIEW");
        REVIEWER.post("/api/v1/major-decision-steps/" + step + "/publish").expect(200);

        // a step may be returned with a reason instead: never public, the organiser sees why
        long returned = id(both.api().post("/api/v1/major-decisions/" + id + "/steps", step("RISK_ASSESSMENT").build())
                .expect(201).json());
        both.api().post("/api/v1/major-decision-steps/" + returned + "/return", reason("自己退回")).problem(403, "SELF_REVIEW");
        assertEquals(List.of("reason"), REVIEWER.post("/api/v1/major-decision-steps/" + returned + "/return",
                reason(" ")).errorFields());
        JsonObject back = REVIEWER.post("/api/v1/major-decision-steps/" + returned + "/return", reason("请补充评估报告的链接"))
                .expect(200).json();
        assertEquals("RETURNED", back.getString("status"));
        assertEquals("请补充评估报告的链接", back.getString("reviewNote"));
        REVIEWER.post("/api/v1/major-decision-steps/" + returned + "/publish").problem(409, "INVALID_TRANSITION");
        REVIEWER.post("/api/v1/major-decision-steps/" + step + "/return", reason("已公开的")).problem(409, "INVALID_TRANSITION");
        JsonArray publicSteps = Api.anonymous().get("/api/v1/major-decisions/" + id).json().getJsonArray("steps");
        assertEquals(1, publicSteps.size(), "the returned step is not public");
    }

    static JsonObject reason(String text) {
        return Json.createObjectBuilder().add("reason", text).build();
    }

    @Test
    void additionsAndWithdrawalsDuringTheYearCarryTheirReasons() throws Exception {
        int year = YEARS.getAndIncrement();
        long first = id(ORGANISER.post("/api/v1/major-decisions", item(unique("年初事项"), year).build()).expect(201).json());
        // a second item before publication is part of the catalogue as planned: no reason needed
        long second = id(ORGANISER.post("/api/v1/major-decisions", item(unique("年初事项二"), year).build()).expect(201).json());
        for (long id : List.of(first, second)) {
            ORGANISER.post("/api/v1/major-decisions/" + id + "/submit").expect(200);
            REVIEWER.post("/api/v1/major-decisions/" + id + "/approve").expect(200);
        }
        Api.Response noReason = ORGANISER.post("/api/v1/major-decisions", item(unique("年中新增"), year).build());
        noReason.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("reason"), noReason.errorFields());
        JsonObject added = ORGANISER.post("/api/v1/major-decisions", item(unique("年中新增"), year)
                .add("reason", "区政府年中部署，新增纳入目录").build()).expect(201).json();
        assertTrue(added.getBoolean("addedDuringYear"));
        assertEquals(Api.anonymous().get("/api/v1/major-decisions/" + second).json().getInt("number") + 1, added.getInt("number"),
                "numbered after the year's last");

        ORGANISER.post("/api/v1/major-decisions/" + second + "/withdraw", Json.createObjectBuilder().build())
                .problem(400, "VALIDATION_FAILED");
        JsonObject asked = ORGANISER.post("/api/v1/major-decisions/" + second + "/withdraw",
                Json.createObjectBuilder().add("reason", "上级政策调整，本年度不再推进").build()).expect(200).json();
        assertEquals("WITHDRAWAL_IN_REVIEW", asked.getString("status"));
        // a refused withdrawal leaves the item published
        REVIEWER.post("/api/v1/major-decisions/" + second + "/reject", Json.createObjectBuilder().add("reason", "请先报请审批").build())
                .expect(200);
        assertEquals("PUBLISHED", Api.anonymous().get("/api/v1/major-decisions/" + second).json().getString("status"));
        ORGANISER.post("/api/v1/major-decisions/" + second + "/withdraw",
                Json.createObjectBuilder().add("reason", "上级政策调整，本年度不再推进").build()).expect(200);
        REVIEWER.post("/api/v1/major-decisions/" + second + "/approve").expect(200);
        JsonObject withdrawn = Api.anonymous().get("/api/v1/major-decisions/" + second).expect(200).json();
        assertEquals("WITHDRAWN", withdrawn.getString("status"));
        assertEquals("上级政策调整，本年度不再推进", withdrawn.getString("withdrawalReason"));
        ORGANISER.post("/api/v1/major-decisions/" + second + "/steps", step("EVALUATION").build())
                .problem(409, "INVALID_TRANSITION");
        // the withdrawn item stays in the public catalogue, with its reason; the unpublished addition does not show
        JsonArray catalogue = Api.anonymous().get("/api/v1/major-decisions?year=" + year).json().getJsonArray("items");
        assertEquals(List.of(first, second), catalogue.stream().map(v -> id(v.asJsonObject())).toList());
        String firstTitle = catalogue.getJsonObject(0).getString("title");

        // the same as files: a PDF to print and a workbook, with the reasons
        Pdfs.Read pdf = Pdfs.read(Api.anonymous().bytes("/api/v1/major-decisions/catalogue.pdf?year=" + year));
        String text = pdf.text().replaceAll("\\s+", ""); // table cells wrap their text over lines
        assertTrue(text.contains(firstTitle.replaceAll("\\s+", "")) && text.contains("上级政策调整，本年度不再推进"), pdf.text());
        assertEquals(List.of(), pdf.undrawn(), "every Chinese character has a glyph");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                Api.anonymous().bytes("/api/v1/major-decisions/catalogue.xlsx?year=" + year)))) {
            var items = wb.getSheetAt(0);
            assertEquals(2, items.getLastRowNum(), "a header and the two public items");
            assertEquals(firstTitle, items.getRow(1).getCell(1).getStringCellValue());
            assertTrue(items.getRow(2).getCell(5).getStringCellValue().contains("已撤回"));
        }
    }

    @Test
    void stepsFormAPublicTimelineAfterTheirItemAndACollectiveDecisionNamesItsMeeting() {
        long meeting = id(Fixtures.published(Fixtures.openDay(unique("集体讨论会议"), 15).add("kind", "DECISION_MEETING")));
        long openDay = id(Fixtures.published(Fixtures.openDay(unique("不是会议"), 15)));
        long id = id(draft(unique("时间轴事项")));
        long early = id(ORGANISER.post("/api/v1/major-decisions/" + id + "/steps", step("PUBLIC_PARTICIPATION")
                .add("date", "2026-04-01").build()).expect(201).json());
        REVIEWER.post("/api/v1/major-decision-steps/" + early + "/publish").problem(409, "MAJOR_DECISION_NOT_PUBLISHED");

        ORGANISER.post("/api/v1/major-decisions/" + id + "/steps", step("RISK_ASSESSMENT").add("eventId", meeting).build())
                .problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("eventId"), ORGANISER.post("/api/v1/major-decisions/" + id + "/steps",
                step("COLLECTIVE_DECISION").add("eventId", openDay).build()).errorFields());
        assertEquals(List.of("eventId"), ORGANISER.post("/api/v1/major-decisions/" + id + "/steps",
                step("COLLECTIVE_DECISION").add("eventId", 999_999_999).build()).errorFields());
        assertEquals(List.of("url"), ORGANISER.post("/api/v1/major-decisions/" + id + "/steps",
                step("EXPERT_ARGUMENT").add("documents", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("title", "报告").add("url", "javascript:alert(1)"))).build()).errorFields());
        long decision = id(ORGANISER.post("/api/v1/major-decisions/" + id + "/steps", step("COLLECTIVE_DECISION")
                .add("date", "2026-06-10").add("summary", "街道党工委会议集体讨论通过").add("eventId", meeting).build()).expect(201).json());

        ORGANISER.post("/api/v1/major-decisions/" + id + "/submit").expect(200);
        REVIEWER.post("/api/v1/major-decisions/" + id + "/approve").expect(200);
        assertEquals(0, Api.anonymous().get("/api/v1/major-decisions/" + id).json().getJsonArray("steps").size(),
                "steps are public only once published");
        REVIEWER.post("/api/v1/major-decision-steps/" + early + "/publish").expect(200);
        REVIEWER.post("/api/v1/major-decision-steps/" + decision + "/publish").expect(200);
        REVIEWER.post("/api/v1/major-decision-steps/" + decision + "/publish").problem(409, "INVALID_TRANSITION");
        REVIEWER.post("/api/v1/major-decision-steps/999999999/publish").problem(404, "NOT_FOUND");

        JsonObject pub = Api.anonymous().get("/api/v1/major-decisions/" + id).expect(200).json();
        JsonArray steps = pub.getJsonArray("steps");
        assertEquals(List.of("PUBLIC_PARTICIPATION", "COLLECTIVE_DECISION"),
                steps.stream().map(s -> s.asJsonObject().getString("kind")).toList(), "in date order");
        JsonObject meetingLink = steps.getJsonObject(1).getJsonObject("meeting");
        assertEquals(meeting, meetingLink.getJsonNumber("eventId").longValue());
        assertEquals("评估报告", steps.getJsonObject(0).getJsonArray("documents").getJsonObject(0).getString("title"));
        assertEquals(List.of("PUBLIC_PARTICIPATION", "COLLECTIVE_DECISION"),
                pub.getJsonArray("stepsDone").stream().map(v -> ((JsonString) v).getString()).toList());
    }

    @Test
    void theDemoCatalogueLinksAHeldMeetingWithItsDecisionsAndAnswers() {
        int year = LocalDate.now(Fixtures.SHANGHAI).getYear();
        JsonObject item = Api.anonymous().get("/api/v1/major-decisions?year=" + year).expect(200).json().getJsonArray("items")
                .stream().map(JsonObject.class::cast).filter(o -> o.getString("title").equals("口袋公园夜间照明与适老化改造方案"))
                .findFirst().orElseThrow();
        JsonObject meeting = item.getJsonArray("steps").stream().map(JsonObject.class::cast)
                .filter(st -> st.getString("kind").equals("COLLECTIVE_DECISION")).findFirst().orElseThrow().getJsonObject("meeting");
        assertTrue(meeting.getJsonNumber("suggestionsAnswered").longValue() > 0, meeting.toString());
        assertFalse(meeting.getJsonArray("decisions").isEmpty(), "the meeting's published decisions: " + meeting);
        // the other item's meeting is still to come: its step is written but not published yet
        JsonObject elevator = Api.anonymous().get("/api/v1/major-decisions?year=" + year).json().getJsonArray("items").stream()
                .map(JsonObject.class::cast).filter(o -> o.getString("title").equals("浦锦街道老旧小区加装电梯三年行动计划"))
                .findFirst().orElseThrow();
        assertEquals(List.of("PUBLIC_PARTICIPATION", "RISK_ASSESSMENT", "LEGALITY_REVIEW"), elevator.getJsonArray("stepsDone")
                .stream().map(v -> ((JsonString) v).getString()).toList());
    }
}
