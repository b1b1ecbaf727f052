package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Suggestions from comment to published, rated answer: who may comment and when, attachments, assignment with a
 * due date across the 2025 National Day week, reminder mails (GreenMail) at most once a day, answers with reasons,
 * review by someone else, feedback mail, rating, milestones, meeting decisions, the public feedback and the audit.
 * The application's clock is moved through {@code /platform/clock} (CLOCK_CONTROL in tests only).
 */
class SuggestionsIT {

    static final JsonObject EMPTY = JsonValue.EMPTY_JSON_OBJECT;

    @AfterEach
    void realTime() {
        clock(null);
    }

    static void clock(String now) {
        Api.as("organiser").put("/api/v1/platform/clock", now == null ? Json.createObjectBuilder().addNull("now").build()
                : Json.createObjectBuilder().add("now", now).build()).expect(200);
    }

    /** A fresh department with one handler (a citizen account given the HANDLER role, and REVIEWER if asked). */
    record Handler(long departmentId, Api.Citizen person) {}

    static Handler handler(String name, boolean alsoReviewer) {
        long department = id(Api.as("admin").post("/api/v1/departments",
                Json.createObjectBuilder().add("name", unique("承办部门")).build()).expect(201).json());
        Api.Citizen person = Api.newCitizen(name);
        var roles = Json.createArrayBuilder().add("CITIZEN").add("HANDLER");
        if (alsoReviewer) {
            roles.add("REVIEWER");
        }
        Api.as("admin").put("/api/v1/accounts/" + person.id() + "/roles", Json.createObjectBuilder().add("roles", roles).build())
                .expect(200);
        Api.as("admin").put("/api/v1/accounts/" + person.id() + "/department",
                Json.createObjectBuilder().add("departmentId", department).build()).expect(200);
        return new Handler(department, person);
    }

    /** An open day on 2025-09-26 09:00–11:00 with one agenda item, published; returns {eventId, agendaItemId}. */
    static long[] meetingOn26September() {
        JsonObject draft = Fixtures.openDay(unique("意见征集会"), 0)
                .add("startsAt", "2025-09-26T09:00:00+08:00").add("endsAt", "2025-09-26T11:00:00+08:00").build();
        long event = id(Api.as("organiser").post("/api/v1/events", draft).expect(201).json());
        long item = id(Api.as("organiser").post("/api/v1/events/" + event + "/agenda-items",
                Json.createObjectBuilder().add("title", "口袋公园夜间照明").add("summary", "照明改造方案").build()).expect(201).json());
        Api.as("organiser").post("/api/v1/events/" + event + "/submit").expect(200);
        Api.as("reviewer").post("/api/v1/events/" + event + "/approve").expect(200);
        return new long[]{event, item};
    }

    static JsonObject suggest(Api api, long event, Long item, String text) {
        var body = Json.createObjectBuilder().add("text", text);
        if (item != null) {
            body.add("agendaItemId", item);
        }
        return api.post("/api/v1/events/" + event + "/suggestions", body.build()).expect(201).json();
    }

    static long mails(String address, String subjectContains) {
        return Mailbox.to(address).stream().filter(m -> {
            try {
                return m.getSubject().contains(subjectContains);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).count();
    }

    static byte[] png() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB), "png", out);
        return out.toByteArray();
    }

    @Test
    void lifeCycleAcrossNationalDayWeek() throws Exception {
        clock("2025-09-26T08:00:00+08:00");
        Handler handler = handler("李承办", true);
        Handler otherDepartment = handler("周承办", false);
        long[] meeting = meetingOn26September();
        long event = meeting[0];
        long item = meeting[1];
        Api.Citizen author = Api.newCitizen("张小明");
        Api.Citizen stranger = Api.newCitizen("王路人");
        long registration = PassesIT.register(author, event);
        String text = "建议在口袋公园增加夜间照明，并设置无障碍坡道。";

        // before the meeting starts: closed; someone who did not register: not an attendee
        author.api().post("/api/v1/events/" + event + "/suggestions", Json.createObjectBuilder().add("text", text).build())
                .problem(409, "SUGGESTION_WINDOW_CLOSED");
        clock("2025-09-26T09:30:00+08:00");
        stranger.api().post("/api/v1/events/" + event + "/suggestions", Json.createObjectBuilder().add("text", text).build())
                .problem(403, "NOT_AN_ATTENDEE");
        Api.anonymous().post("/api/v1/events/" + event + "/suggestions", Json.createObjectBuilder().add("text", text).build())
                .problem(401, "UNAUTHENTICATED");
        var tooShort = author.api().post("/api/v1/events/" + event + "/suggestions",
                Json.createObjectBuilder().add("text", "太短").add("agendaItemId", 999_999_999L).build());
        tooShort.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("text", "agendaItemId"), tooShort.errorFields());

        JsonObject s = suggest(author.api(), event, item, text);
        long id = id(s);
        assertEquals("SUBMITTED", s.getString("status"));
        assertEquals("口袋公园夜间照明", s.getString("agendaItemTitle"));
        JsonObject second = suggest(author.api(), event, null, "建议会议材料提前一周在网上公开，方便居民准备意见。");

        // attachments: an image is kept, a text file or an oversized upload is refused
        JsonObject file = author.api().raw("POST", "/api/v1/suggestions/" + id + "/attachments?name=%E7%8E%B0%E5%9C%BA.png",
                "image/png", png()).expect(201).json();
        assertEquals("image/png", file.getString("mediaType"));
        assertEquals("现场.png", file.getString("fileName"));
        author.api().raw("POST", "/api/v1/suggestions/" + id + "/attachments?name=a.png", "image/png",
                "<script>alert(1)</script>".getBytes()).problem(400, "ATTACHMENT_TYPE");
        author.api().raw("POST", "/api/v1/suggestions/" + id + "/attachments?name=big.pdf", "application/pdf",
                new byte[5 * 1024 * 1024 + 1]).problem(413, "PAYLOAD_TOO_LARGE");
        assertTrue(Arrays.equals(png(), author.api().bytes("/api/v1/suggestions/" + id + "/attachments/" + id(file))));
        stranger.api().get("/api/v1/suggestions/" + id + "/attachments/" + id(file)).problem(404, "NOT_FOUND");

        // staff enter a paper comment on someone's behalf, linked to the registration → it is the author's too
        JsonObject paper = Api.as("organiser").post("/api/v1/events/" + event + "/suggestions", Json.createObjectBuilder()
                .add("text", "书面意见：希望公园开放时间延长到晚上九点。").add("onBehalfOf", "张小明").add("channel", "PAPER")
                .add("registrationId", registration).build()).expect(201).json();
        assertEquals("PAPER", paper.getString("channel"));
        JsonObject oral = Api.as("organiser").post("/api/v1/events/" + event + "/suggestions", Json.createObjectBuilder()
                .add("text", "口头意见：建议增设老年人休息座椅。").add("onBehalfOf", "刘阿姨").add("channel", "ORAL").build())
                .expect(201).json();
        Api.as("organiser").post("/api/v1/events/" + event + "/suggestions", Json.createObjectBuilder()
                .add("text", "口头意见：建议增设老年人休息座椅。").add("onBehalfOf", "刘阿姨").add("channel", "VIDEO").build())
                .problem(400, "VALIDATION_FAILED");
        author.api().post("/api/v1/events/" + event + "/suggestions", Json.createObjectBuilder()
                .add("text", "冒充工作人员代他人提交的意见。").add("onBehalfOf", "别人").add("channel", "PAPER").build())
                .problem(403, "FORBIDDEN");
        assertEquals(3, author.api().get("/api/v1/me/suggestions").expect(200).json().getInt("total"));

        // who sees what before publication
        stranger.api().get("/api/v1/suggestions/" + id).problem(404, "NOT_FOUND");
        Api.anonymous().get("/api/v1/suggestions/" + id).problem(401, "UNAUTHENTICATED");
        otherDepartment.person().api().get("/api/v1/suggestions/" + id).problem(404, "NOT_FOUND");

        // assignment on Friday 26 September 2025: 15 working days later, counting the make-up Sunday 28 September and
        // Saturday 11 October and skipping 1–8 October, is Thursday 23 October
        Api.as("organiser").post("/api/v1/suggestions/" + id + "/assign", Json.createObjectBuilder().add("departmentId", 999_999_999L).build())
                .problem(400, "VALIDATION_FAILED");
        handler.person().api().post("/api/v1/suggestions/" + id + "/assign",
                Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).problem(403, "FORBIDDEN");
        JsonObject assigned = Api.as("organiser").post("/api/v1/suggestions/" + id + "/assign",
                Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200).json();
        assertEquals("ASSIGNED", assigned.getString("status"));
        assertEquals("2025-10-23", assigned.getString("dueOn"));
        assertEquals("2025-09-26", assigned.getString("acknowledgeDueOn"));
        String number = String.format("YJ%06d", id);
        Mailbox.await(handler.person().email(), number);
        handler.person().api().post("/api/v1/suggestions/" + id + "/acknowledge").expect(200);
        otherDepartment.person().api().get("/api/v1/suggestions/" + id).problem(404, "NOT_FOUND");
        otherDepartment.person().api().post("/api/v1/suggestions/" + id + "/answer", Json.createObjectBuilder()
                .add("outcome", "ADOPTED").add("reason", "我们将按建议办理，列入年度计划。").build()).problem(404, "NOT_FOUND");
        otherDepartment.person().api().get("/api/v1/suggestions?department=" + handler.departmentId()).problem(403, "FORBIDDEN");
        assertEquals(1, handler.person().api().get("/api/v1/suggestions?status=ASSIGNED&department=" + handler.departmentId()).expect(200).json().getInt("total"));

        // after the window (7 days after the end) nobody can add suggestions
        clock("2025-10-22T09:00:00+08:00");
        author.api().post("/api/v1/events/" + event + "/suggestions", Json.createObjectBuilder().add("text", text).build())
                .problem(409, "SUGGESTION_WINDOW_CLOSED");

        // reminders: the working day before the due date, once however often the job runs
        JsonObject run = Api.as("organiser").post("/api/v1/suggestions/reminders/run").expect(200).json();
        assertTrue(run.getBoolean("workingDay"));
        Api.as("organiser").post("/api/v1/suggestions/reminders/run").expect(200);
        Mailbox.await(handler.person().email(), number + " 明天到期");
        clock("2025-10-23T10:00:00+08:00");
        Api.as("organiser").post("/api/v1/suggestions/reminders/run").expect(200);
        clock("2025-10-24T09:00:00+08:00");
        Api.as("organiser").post("/api/v1/suggestions/reminders/run").expect(200);
        Api.as("organiser").post("/api/v1/suggestions/reminders/run").expect(200);
        Mailbox.await(handler.person().email(), number + " 已超期");
        clock("2025-10-25T09:00:00+08:00");
        assertFalse(Api.as("organiser").post("/api/v1/suggestions/reminders/run").expect(200).json().getBoolean("workingDay"));
        clock("2025-10-27T09:00:00+08:00");
        Api.as("organiser").post("/api/v1/suggestions/reminders/run").expect(200);
        awaitCount(handler.person().email(), number + " 已超期", 2);
        Thread.sleep(1500);
        assertEquals(1, mails(handler.person().email(), number + " 明天到期"));
        assertEquals(2, mails(handler.person().email(), number + " 已超期"));

        JsonObject overdue = handler.person().api().get("/api/v1/suggestions?overdue=true&department=" + handler.departmentId()).expect(200).json();
        assertEquals(id, overdue.getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue());
        assertTrue(overdue.getJsonArray("items").getJsonObject(0).getBoolean("overdue"));
        JsonObject load = Api.as("organiser").get("/api/v1/suggestions/dashboard").expect(200).jsonArray().stream()
                .map(JsonValue::asJsonObject).filter(d -> d.getJsonNumber("departmentId").longValue() == handler.departmentId())
                .findFirst().orElseThrow();
        assertEquals(1, load.getInt("overdue"));

        // answers need a known outcome and a reason; "not adopted" must say why
        var noReason = handler.person().api().post("/api/v1/suggestions/" + id + "/answer",
                Json.createObjectBuilder().add("outcome", "PARTLY_ADOPTED").build());
        noReason.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("reason"), noReason.errorFields());
        assertEquals(List.of("outcome"), handler.person().api().post("/api/v1/suggestions/" + id + "/answer",
                Json.createObjectBuilder().add("outcome", "MAYBE").add("reason", "理由足够长的一段答复说明。").build())
                .problem(400, "VALIDATION_FAILED").getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList());
        handler.person().api().post("/api/v1/suggestions/" + id + "/answer",
                Json.createObjectBuilder().add("outcome", "NOT_ADOPTED").add("reason", "不采纳").build()).problem(400, "VALIDATION_FAILED");
        String reason = "夜间照明纳入今年口袋公园改造，无障碍坡道需与绿化部门另行论证。";
        JsonObject answered = handler.person().api().post("/api/v1/suggestions/" + id + "/answer", Json.createObjectBuilder()
                .add("outcome", "PARTLY_ADOPTED").add("reason", reason).add("plan", "十一月底前完成照明安装").build()).expect(200).json();
        assertEquals("ANSWERED", answered.getString("status"));
        assertFalse(author.api().get("/api/v1/suggestions/" + id).expect(200).json().containsKey("outcome"),
                "the author does not see an answer before it is published");

        // review: not by the answerer; returned with a reason goes back to the department
        handler.person().api().post("/api/v1/suggestions/" + id + "/publish").problem(403, "SELF_REVIEW");
        Api.as("reviewer").post("/api/v1/suggestions/" + id + "/return", EMPTY).problem(400, "VALIDATION_FAILED");
        JsonObject returned = Api.as("reviewer").post("/api/v1/suggestions/" + id + "/return",
                Json.createObjectBuilder().add("reason", "请写明照明安装的具体时间").build()).expect(200).json();
        assertEquals("ASSIGNED", returned.getString("status"));
        assertEquals("请写明照明安装的具体时间", returned.getString("returnedReason"));
        handler.person().api().post("/api/v1/suggestions/" + id + "/answer", Json.createObjectBuilder()
                .add("outcome", "PARTLY_ADOPTED").add("reason", reason).add("plan", "11月28日前完成照明安装").build()).expect(200);
        author.api().post("/api/v1/suggestions/" + id + "/rate", Json.createObjectBuilder().add("stars", 5).build())
                .problem(409, "ANSWER_NOT_PUBLISHED");
        JsonObject published = Api.as("reviewer").post("/api/v1/suggestions/" + id + "/publish").expect(200).json();
        assertEquals("PUBLISHED", published.getString("status"));

        // the author is told: outcome and reason, by mail and on "my suggestions"
        MimeMessage feedback = Mailbox.await(author.email(), "您的意见建议已有答复");
        String body = Mailbox.textPart(feedback);
        assertTrue(body.contains("部分采纳") && body.contains(reason), body);
        JsonObject mine = author.api().get("/api/v1/me/suggestions").expect(200).json().getJsonArray("items").stream()
                .map(JsonValue::asJsonObject).filter(o -> o.getJsonNumber("id").longValue() == id).findFirst().orElseThrow();
        assertEquals("PARTLY_ADOPTED", mine.getString("outcome"));
        assertEquals(reason, mine.getString("reason"));

        // rating: only the author, only once, only published; two stars flag it
        stranger.api().post("/api/v1/suggestions/" + id + "/rate", Json.createObjectBuilder().add("stars", 5).build())
                .problem(403, "NOT_AUTHOR");
        stranger.api().post("/api/v1/suggestions/" + id(oral) + "/rate", Json.createObjectBuilder().add("stars", 5).build())
                .problem(404, "NOT_FOUND");
        author.api().post("/api/v1/suggestions/" + id(second) + "/rate", Json.createObjectBuilder().add("stars", 5).build())
                .problem(409, "ANSWER_NOT_PUBLISHED");
        author.api().post("/api/v1/suggestions/" + id + "/rate", Json.createObjectBuilder().add("stars", 6).build())
                .problem(400, "VALIDATION_FAILED");
        JsonObject rated = author.api().post("/api/v1/suggestions/" + id + "/rate",
                Json.createObjectBuilder().add("stars", 2).add("comment", "坡道问题没有解决").build()).expect(200).json();
        assertTrue(rated.getBoolean("flagged"));
        author.api().post("/api/v1/suggestions/" + id + "/rate", Json.createObjectBuilder().add("stars", 4).build())
                .problem(409, "ALREADY_RATED");
        assertTrue(Api.as("organiser").get("/api/v1/suggestions?flagged=true&event=" + event).expect(200).json()
                .getInt("total") >= 1);

        // milestones and the meeting decision become public only after review
        JsonObject milestone = handler.person().api().post("/api/v1/suggestions/" + id + "/milestones", Json.createObjectBuilder()
                .add("date", "2025-11-28").add("text", "照明灯具安装完成").add("progress", 60).build()).expect(201).json();
        handler.person().api().post("/api/v1/suggestions/" + id + "/milestones", Json.createObjectBuilder()
                .add("date", "2025-02-30").add("text", "x").add("progress", 60).build()).problem(400, "VALIDATION_FAILED");
        Api.as("organiser").put("/api/v1/events/" + event + "/decisions/" + item,
                Json.createObjectBuilder().add("text", "同意实施口袋公园夜间照明改造，年内完成。").build()).expect(200);
        JsonObject before = Api.anonymous().get("/api/v1/feedback?event=" + event).expect(200).json();
        JsonObject item0 = before.getJsonArray("items").getJsonObject(0);
        assertTrue(item0.getJsonArray("milestones").isEmpty());
        assertFalse(item0.containsKey("decision"));
        Api.as("organiser").post("/api/v1/events/" + event + "/decisions/" + item + "/publish").problem(403, "FORBIDDEN");
        Api.as("reviewer").post("/api/v1/events/" + event + "/decisions/" + item + "/publish").expect(200);
        Api.as("reviewer").post("/api/v1/suggestions/milestones/" + id(milestone) + "/publish").expect(200);

        JsonObject after = Api.anonymous().get("/api/v1/feedback?event=" + event).expect(200).json();
        assertEquals(1, after.getInt("total"));
        JsonObject shown = after.getJsonArray("items").getJsonObject(0);
        assertEquals("张*明", shown.getString("author"));
        assertEquals("PARTLY_ADOPTED", shown.getString("outcome"));
        assertEquals(reason, shown.getString("reason"));
        assertEquals("同意实施口袋公园夜间照明改造，年内完成。", shown.getString("decision"));
        assertEquals(60, shown.getInt("progress"));
        assertFalse(shown.getBoolean("answeredOnTime"), "answered on 27 October, due 23 October");
        JsonObject summary = after.getJsonArray("events").getJsonObject(0);
        assertEquals(100.0, summary.getJsonNumber("adoptionRate").doubleValue());
        assertEquals(0.0, summary.getJsonNumber("onTimeRate").doubleValue());
        assertEquals(0, Api.anonymous().get("/api/v1/feedback?event=" + event + "&outcome=ADOPTED").expect(200).json().getInt("total"));
        Api.anonymous().get("/api/v1/feedback?outcome=PERHAPS").problem(400, "VALIDATION_FAILED");
        assertFalse(Api.anonymous().get("/api/v1/feedback?event=" + event).body().contains(author.name()),
                "the public page never shows the full name");

        // every transition is in the audit log
        List<String> actions = Api.as("admin").get("/api/v1/audit?entityType=suggestion&entityId=" + id + "&size=50").expect(200)
                .json().getJsonArray("items").stream().map(a -> a.asJsonObject().getString("action")).toList();
        for (String a : List.of("suggestion.create", "suggestion.attach", "suggestion.assign", "suggestion.acknowledge",
                "suggestion.remind", "suggestion.answer", "suggestion.return", "suggestion.publish", "suggestion.rate")) {
            assertTrue(actions.contains(a), a + " in " + actions);
        }
        Api.as("organiser").get("/api/v1/audit").problem(403, "FORBIDDEN");
    }

    static void awaitCount(String address, String subject, long count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (mails(address, subject) < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(count, mails(address, subject));
    }

    @Test
    void handlerAnswersOnTimeAndAdoptionRateCountsOnlyPublishedAnswers() {
        clock(OffsetDateTime.now(Fixtures.SHANGHAI).withYear(2025).withMonth(9).withDayOfMonth(26).withHour(8).toString());
        Handler handler = handler("钱承办", false);
        long[] meeting = meetingOn26September();
        long event = meeting[0];
        Api.Citizen a = Api.newCitizen("孙一");
        Api.Citizen b = Api.newCitizen("孙二");
        PassesIT.register(a, event);
        PassesIT.register(b, event);
        clock("2025-09-26T10:00:00+08:00");
        long first = id(suggest(a.api(), event, meeting[1], "第一条意见：建议公园增加垃圾分类投放点。"));
        long other = id(suggest(b.api(), event, null, "第二条意见：建议活动日程提前一周公布。"));
        // the comment keeps its agenda item: the item can no longer be removed, and the answer is not a 500
        Api.as("organiser").delete("/api/v1/events/" + event + "/agenda-items/" + meeting[1]).problem(409, "AGENDA_ITEM_HAS_SUGGESTIONS");
        // someone who may not answer learns nothing from validation: 403/404 before 400
        a.api().post("/api/v1/suggestions/" + first + "/answer", EMPTY).problem(403, "FORBIDDEN");
        for (long s : new long[]{first, other}) {
            Api.as("organiser").post("/api/v1/suggestions/" + s + "/assign",
                    Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200);
        }
        clock("2025-10-09T10:00:00+08:00");
        handler.person().api().post("/api/v1/suggestions/" + first + "/answer", Json.createObjectBuilder()
                .add("outcome", "ADOPTED").add("reason", "已在公园东门增设分类投放点。").build()).expect(200);
        handler.person().api().post("/api/v1/suggestions/" + other + "/answer", Json.createObjectBuilder()
                .add("outcome", "NOT_ADOPTED").add("reason", "日程受上级安排影响，无法提前一周确定，改为提前三天公布。").build()).expect(200);
        Api.as("reviewer").post("/api/v1/suggestions/" + first + "/publish").expect(200);
        JsonObject summary = Api.anonymous().get("/api/v1/feedback?event=" + event).expect(200).json()
                .getJsonArray("events").getJsonObject(0);
        assertEquals(1, summary.getInt("published"), "the unpublished answer is not counted");
        assertEquals(100.0, summary.getJsonNumber("adoptionRate").doubleValue());
        assertEquals(100.0, summary.getJsonNumber("onTimeRate").doubleValue());
        Api.as("reviewer").post("/api/v1/suggestions/" + other + "/publish").expect(200);
        summary = Api.anonymous().get("/api/v1/feedback?event=" + event).expect(200).json().getJsonArray("events").getJsonObject(0);
        assertEquals(2, summary.getInt("published"));
        assertEquals(50.0, summary.getJsonNumber("adoptionRate").doubleValue());
        assertEquals(1, summary.getInt("notAdopted"));
    }

    @Test
    void workingDayCalendarIsEditedByAdminsOnlyValidatedAndAudited() {
        // 2031: far enough that no other test or calendar file knows it (1 January 2031 is a Wednesday)
        JsonObject year2031 = Json.createObjectBuilder().add("year", 2031).add("source", "测试：2031 年安排")
                .add("holidays", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "元旦")
                        .add("from", "2031-01-01").add("to", "2031-01-03")))
                .add("workdays", Json.createArrayBuilder().add("2031-01-04")).build();
        Api.as("organiser").put("/api/v1/calendar/years/2031", year2031).problem(403, "FORBIDDEN");
        JsonObject weekday = Json.createObjectBuilder(year2031).add("workdays", Json.createArrayBuilder().add("2031-01-07")).build();
        Api.as("admin").put("/api/v1/calendar/years/2031", weekday).problem(400, "CALENDAR_INVALID");
        Api.as("admin").put("/api/v1/calendar/years/2030", year2031).problem(400, "CALENDAR_INVALID");
        Api.as("admin").put("/api/v1/calendar/years/2031", year2031).expect(200);
        JsonObject next = Api.anonymous().get("/api/v1/calendar/working-days?from=2031-01-01&add=1").expect(200).json();
        assertEquals("2031-01-04", next.getString("date"), "2–3 January are the holiday just saved, Saturday 4 January a make-up day");
        assertTrue(next.getBoolean("calendarKnown"));
        assertEquals("2031-01-06", Api.anonymous().get("/api/v1/calendar/working-days?from=2031-01-04&add=1").expect(200).json()
                .getString("date"), "Sunday 5 January stays a rest day");
        assertTrue(Api.anonymous().get("/api/v1/calendar/years").expect(200).jsonArray().stream()
                .anyMatch(y -> y.asJsonObject().getInt("year") == 2031 && "SAVED".equals(y.asJsonObject().getString("origin"))));
        assertTrue(Api.as("admin").get("/api/v1/audit?entityType=calendar&entityId=2031").expect(200).json().getInt("total") >= 1);
    }
}
