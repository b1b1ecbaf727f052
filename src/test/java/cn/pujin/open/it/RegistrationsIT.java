package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegistrationsIT {

    private static final JsonObject EMPTY = Json.createObjectBuilder().build();

    private static long event(int capacity, boolean waitlist) {
        return id(Fixtures.published(openDay(unique("报名测试"), 15).add("capacity", capacity).add("waitlist", waitlist)));
    }

    private static JsonObject register(Api.Citizen c, long eventId) {
        return c.api().post("/api/v1/events/" + eventId + "/registrations", EMPTY).expect(201).json();
    }

    private static String status(Api.Citizen c, long registrationId) {
        return c.api().get("/api/v1/registrations/" + registrationId).expect(200).json().getString("status");
    }

    @Test
    void seatsThenWaitlistThenFullWithoutWaitlist() {
        long eventId = event(2, true);
        assertEquals("CONFIRMED", register(Api.newCitizen("一号"), eventId).getString("status"));
        JsonObject second = register(Api.newCitizen("二号"), eventId);
        assertEquals("CONFIRMED", second.getString("status"));
        assertEquals(eventId, second.getJsonNumber("eventId").longValue());
        JsonObject third = register(Api.newCitizen("三号"), eventId);
        assertEquals("WAITLISTED", third.getString("status"));
        assertEquals(1, third.getInt("waitlistPosition"));
        assertEquals(0, Api.anonymous().get("/api/v1/events/" + eventId).json().getInt("seatsLeft"));

        long noWaitlist = event(1, false);
        register(Api.newCitizen("甲"), noWaitlist);
        Api.newCitizen("乙").api().post("/api/v1/events/" + noWaitlist + "/registrations", EMPTY).problem(409, "EVENT_FULL");
    }

    @Test
    void onePerPersonOnlyWhileOpenAndOnlyForPublishedEvents() {
        Api.Citizen c = Api.newCitizen("重复");
        long eventId = event(5, true);
        register(c, eventId);
        c.api().post("/api/v1/events/" + eventId + "/registrations", EMPTY).problem(409, "ALREADY_REGISTERED");

        OffsetDateTime later = OffsetDateTime.now(Fixtures.SHANGHAI).plusDays(3);
        long notYet = id(Fixtures.published(openDay(unique("未开始"), 15).add("registrationOpensAt", later.toString())));
        c.api().post("/api/v1/events/" + notYet + "/registrations", EMPTY).problem(409, "REGISTRATION_CLOSED");

        long draft = id(Api.as("organiser").post("/api/v1/events", openDay(unique("草稿"), 15).build()).expect(201).json());
        c.api().post("/api/v1/events/" + draft + "/registrations", EMPTY).problem(404, "NOT_FOUND");
        c.api().post("/api/v1/events/999999999/registrations", EMPTY).problem(404, "NOT_FOUND");

        long cancelled = event(5, true);
        Api.as("organiser").post("/api/v1/events/" + cancelled + "/cancel", Json.createObjectBuilder().add("reason", "暴雨").build()).expect(200);
        c.api().post("/api/v1/events/" + cancelled + "/registrations", EMPTY).problem(409, "EVENT_CANCELLED");
        Api.anonymous().post("/api/v1/events/" + eventId + "/registrations", EMPTY).problem(401, "UNAUTHENTICATED");
    }

    @Test
    void cancellingPromotesTheFirstWaitlistedAndTellsThem() throws Exception {
        long eventId = event(1, true);
        Api.Citizen holder = Api.newCitizen("持票人");
        Api.Citizen first = Api.newCitizen("候补一");
        Api.Citizen second = Api.newCitizen("候补二");
        long held = id(register(holder, eventId));
        long firstWaiting = id(register(first, eventId));
        long secondWaiting = id(register(second, eventId));
        Mailbox.await(holder.email(), "报名成功");
        Mailbox.await(first.email(), "已进入候补");

        Api.newCitizen("旁人").api().post("/api/v1/registrations/" + held + "/cancel").problem(404, "NOT_FOUND");
        JsonObject cancelled = holder.api().post("/api/v1/registrations/" + held + "/cancel").expect(200).json();
        assertEquals("CANCELLED", cancelled.getString("status"));
        assertEquals(cancelled, holder.api().post("/api/v1/registrations/" + held + "/cancel").expect(200).json(),
                "cancelling twice answers the same");
        assertEquals("CONFIRMED", status(first, firstWaiting), "first come, first promoted");
        assertEquals("WAITLISTED", status(second, secondWaiting));
        assertEquals(1, second.api().get("/api/v1/registrations/" + secondWaiting).json().getInt("waitlistPosition"));
        assertEquals(0, Api.anonymous().get("/api/v1/events/" + eventId).json().getInt("seatsLeft"));

        MimeMessage promoted = Mailbox.await(first.email(), "候补转正");
        Calendar invite = new CalendarBuilder().build(new StringReader(Mailbox.calendarPart(promoted)));
        assertEquals("REQUEST", invite.getProperty("METHOD").map(Property::getValue).orElse(null));
        VEvent e = (VEvent) invite.getComponent("VEVENT").orElseThrow();
        assertEquals("event-" + eventId + "@pujin-open", e.getProperty("UID").map(Property::getValue).orElse(null));
        assertTrue(Mailbox.textPart(promoted).contains("R" + String.format("%06d", firstWaiting)));

        MimeMessage withdrawal = Mailbox.await(holder.email(), "已取消报名");
        Calendar cancel = new CalendarBuilder().build(new StringReader(Mailbox.calendarPart(withdrawal)));
        assertEquals("CANCEL", cancel.getProperty("METHOD").map(Property::getValue).orElse(null));
        assertEquals("event-" + eventId + "@pujin-open",
                cancel.getComponent("VEVENT").orElseThrow().getProperty("UID").map(Property::getValue).orElse(null), "same UID");

        Api.as("organiser").post("/api/v1/registrations/" + firstWaiting + "/cancel",
                Json.createObjectBuilder().add("reason", "本人电话告知不能参加").build()).expect(200);
        assertEquals("CONFIRMED", status(second, secondWaiting), "an organiser's cancellation promotes too");
        assertTrue(first.api().get("/api/v1/me/notifications").items().stream()
                .anyMatch(n -> n.asJsonObject().getString("kind").equals("PROMOTED")), "the notice is on my page too");
    }

    @Test
    void othersRegistrationsAreNotFoundAndOrganisersSeeMaskedData() {
        long eventId = event(5, true);
        Api.Citizen owner = Api.newCitizen("王小明");
        long reg = id(register(owner, eventId));
        JsonObject own = owner.api().get("/api/v1/registrations/" + reg).json();
        assertEquals(owner.phone(), own.getString("phone"));
        assertEquals("王小明", own.getString("name"));
        Api.newCitizen("别人").api().get("/api/v1/registrations/" + reg).problem(404, "NOT_FOUND");
        Api.anonymous().get("/api/v1/registrations/" + reg).problem(401, "UNAUTHENTICATED");

        JsonObject row = Api.as("organiser").get("/api/v1/events/" + eventId + "/registrations").expect(200).items().getJsonObject(0);
        assertEquals("王*明", row.getString("name"));
        assertEquals(owner.phone().substring(0, 3) + "****" + owner.phone().substring(7), row.getString("phone"));
        owner.api().get("/api/v1/events/" + eventId + "/registrations").problem(403, "FORBIDDEN");
        assertEquals(1, Api.as("organiser").get("/api/v1/events/" + eventId + "/registrations?q=" + owner.phone().substring(7))
                .json().getInt("total"), "search by the last four digits");
        Api.as("organiser").get("/api/v1/events/" + eventId + "/registrations?status=NOPE").problem(400, "VALIDATION_FAILED");
    }

    @Test
    void personalCalendarFeedWithResettableToken() throws Exception {
        Api.Citizen c = Api.newCitizen("订阅者");
        long mine = event(5, true);
        long other = event(5, true);
        register(c, mine);
        JsonObject token = c.api().get("/api/v1/me/calendar-token").expect(200).json();
        assertTrue(token.getString("url").endsWith("/api/v1/me/calendar.ics?token=" + token.getString("token")));
        Api.Response feed = Api.anonymous().get("/api/v1/me/calendar.ics?token=" + token.getString("token")).expect(200);
        Calendar calendar = new CalendarBuilder().build(new StringReader(feed.body()));
        List<String> uids = calendar.getComponents("VEVENT").stream()
                .map(v -> v.getProperty("UID").map(Property::getValue).orElse("")).toList();
        assertEquals(List.of("event-" + mine + "@pujin-open"), uids);
        assertFalse(feed.body().contains("event-" + other + "@"));

        String fresh = c.api().post("/api/v1/me/calendar-token").expect(200).json().getString("token");
        Api.anonymous().get("/api/v1/me/calendar.ics?token=" + token.getString("token")).problem(404, "NOT_FOUND");
        Api.anonymous().get("/api/v1/me/calendar.ics?token=" + fresh).expect(200);
        Api.anonymous().get("/api/v1/me/calendar.ics").problem(404, "NOT_FOUND");
    }

    @Test
    void cancellingTheEventCancelsItsRegistrationsAndTellsEveryone() {
        long eventId = event(1, true);
        Api.Citizen a = Api.newCitizen("甲");
        Api.Citizen b = Api.newCitizen("乙");
        long ra = id(register(a, eventId));
        long rb = id(register(b, eventId));
        Api.as("organiser").post("/api/v1/events/" + eventId + "/cancel", Json.createObjectBuilder().add("reason", "台风红色预警").build())
                .expect(200);
        assertEquals("CANCELLED", status(a, ra));
        assertEquals("CANCELLED", status(b, rb));
        assertTrue(Mailbox.textPart(Mailbox.await(b.email(), "活动取消")).contains("台风红色预警"));
    }

    @Test
    void exportsAreMaskedUnlessAskedForAndAlwaysAudited() throws Exception {
        long eventId = event(5, true);
        Api.Citizen c = Api.newCitizen("导出测试");
        register(c, eventId);
        Api.Response csv = Api.as("organiser").get("/api/v1/events/" + eventId + "/registrations/export.csv").expect(200);
        assertTrue(csv.body().startsWith("\uFEFF"), "UTF-8 BOM for Excel");
        assertTrue(csv.body().contains("导**试"), csv.body());
        assertFalse(csv.body().contains(c.phone()));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        Api.Response withPhones = Api.as("organiser").get("/api/v1/events/" + eventId + "/registrations/export.csv?phones=true");
        assertTrue(withPhones.body().contains(c.phone()));
        c.api().get("/api/v1/events/" + eventId + "/registrations/export.csv").problem(403, "FORBIDDEN");

        byte[] xlsx = Api.as("organiser").bytes("/api/v1/events/" + eventId + "/registrations/export.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("编号", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals("导**试", sheet.getRow(1).getCell(1).getStringCellValue());
        }
        long exports = Api.as("organiser").get("/api/v1/events/" + eventId + "/audit").jsonArray().stream()
                .filter(a -> a.asJsonObject().getString("action").equals("registration.export")).count();
        assertEquals(3, exports);
        assertTrue(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1).startsWith("PK"));
    }
}
