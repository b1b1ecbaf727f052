package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalendarIT {

    private static Calendar parse(Api.Response r) throws Exception {
        r.expect(200);
        assertEquals("text/calendar;charset=utf-8", r.contentType().replace(" ", "").toLowerCase());
        return new CalendarBuilder().build(new StringReader(r.body()));
    }

    private static VEvent only(Calendar c) {
        List<VEvent> events = c.getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        return events.get(0);
    }

    private static String prop(VEvent e, String name) {
        return e.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void oneEventIsValidWithShanghaiTimesStableUidAndGrowingSequence() throws Exception {
        String title = unique("日历活动");
        JsonObject event = Fixtures.published(openDay(title, 25).add("campaign", unique("日历专题")));
        long id = id(event);
        String path = "/api/v1/events/" + id + "/calendar.ics";

        Calendar c = parse(Api.anonymous().get(path));
        VTimeZone tz = (VTimeZone) c.getComponent("VTIMEZONE").orElseThrow();
        assertEquals("Asia/Shanghai", tz.getTimeZoneId().getValue());
        VEvent e = only(c);
        assertEquals(title, prop(e, "SUMMARY"));
        assertEquals("event-" + id + "@pujin-open", prop(e, "UID"));
        assertEquals("0", prop(e, "SEQUENCE"));
        assertEquals("CONFIRMED", prop(e, "STATUS"));
        assertEquals("浦锦街道城运中心", prop(e, "LOCATION"));
        assertTrue(prop(e, "URL").endsWith("/events/detail.xhtml?id=" + id), prop(e, "URL"));
        assertEquals("测试摘要 " + title, prop(e, "DESCRIPTION"));
        assertEquals("Asia/Shanghai", e.<Temporal>getStartDate().orElseThrow().getParameter("TZID").orElseThrow().getValue());
        Temporal start = e.<Temporal>getStartDate().orElseThrow().getDate();
        ZonedDateTime expected = OffsetDateTime.parse(event.getString("startsAt")).atZoneSameInstant(ZoneId.of("Asia/Shanghai"));
        assertEquals(expected.toInstant(), ZonedDateTime.from(start).toInstant());
        assertEquals(9, ZonedDateTime.from(start).getHour());
        assertEquals(30, ZonedDateTime.from(start).getMinute());
        assertEquals(1, c.getComponents("VEVENT").size());
        assertEquals(1, e.getProperties("DTSTAMP").size());

        JsonObject working = Api.as("organiser").get("/api/v1/events/" + id).json();
        Api.as("organiser").put("/api/v1/events/" + id, openDay(title, 26).add("version", working.getJsonNumber("version").longValue()).build()).expect(200);
        Api.as("organiser").post("/api/v1/events/" + id + "/submit").expect(200);
        assertEquals("0", prop(only(parse(Api.anonymous().get(path))), "SEQUENCE"), "unapproved changes are not published");
        Api.as("reviewer").post("/api/v1/events/" + id + "/approve").expect(200);
        VEvent moved = only(parse(Api.anonymous().get(path)));
        assertEquals("1", prop(moved, "SEQUENCE"));
        assertEquals("event-" + id + "@pujin-open", prop(moved, "UID"), "the same entry in calendar apps");

        Api.as("organiser").post("/api/v1/events/" + id + "/cancel", Json.createObjectBuilder().add("reason", "场地维修").build()).expect(200);
        VEvent cancelled = only(parse(Api.anonymous().get(path)));
        assertEquals("2", prop(cancelled, "SEQUENCE"));
        assertEquals("CANCELLED", prop(cancelled, "STATUS"));
        assertTrue(prop(cancelled, "DESCRIPTION").contains("场地维修"));
    }

    @Test
    void feedHasPublishedEventsOnlyAndHonoursFilters() throws Exception {
        String campaign = unique("订阅专题");
        String shown = unique("公开的");
        String hidden = unique("草稿的");
        long shownId = id(Fixtures.published(openDay(shown, 33).add("campaign", campaign)));
        Fixtures.published(openDay(unique("会议"), 34).add("kind", "DECISION_MEETING").add("campaign", campaign));
        Api.as("organiser").post("/api/v1/events", openDay(hidden, 33).add("campaign", campaign).build()).expect(201);

        String feed = "/api/v1/calendar.ics?campaign=" + URLEncoder.encode(campaign, StandardCharsets.UTF_8);
        Calendar all = parse(Api.anonymous().get(feed));
        assertEquals(2, all.getComponents("VEVENT").size());
        assertFalse(Api.anonymous().get(feed).body().contains(hidden));
        Calendar days = parse(Api.anonymous().get(feed + "&kind=OPEN_DAY"));
        assertEquals("event-" + shownId + "@pujin-open", prop(only(days), "UID"));

        assertTrue(Api.anonymous().get("/api/v1/calendar.ics").body().contains("event-" + shownId + "@pujin-open"));
        Api.anonymous().get("/api/v1/calendar.ics?kind=PARTY").problem(400, "VALIDATION_FAILED");
        Api.anonymous().get("/api/v1/events/999999999/calendar.ics").problem(404, "NOT_FOUND");
    }

    @Test
    void feedAnswers304WhileNothingChanged() {
        long id = id(Fixtures.published(openDay(unique("缓存"), 35)));
        Api.Response first = Api.anonymous().get("/api/v1/events/" + id + "/calendar.ics").expect(200);
        String etag = first.headers().firstValue("ETag").orElseThrow();
        assertTrue(first.headers().firstValue("Last-Modified").isPresent());
        Api.anonymous().get("/api/v1/events/" + id + "/calendar.ics", "If-None-Match", etag).expect(304);
        Api.as("organiser").post("/api/v1/events/" + id + "/cancel", Json.createObjectBuilder().add("reason", "变更").build()).expect(200);
        Api.anonymous().get("/api/v1/events/" + id + "/calendar.ics", "If-None-Match", etag).expect(200);
    }

    @Test
    void workingDaysCountHolidaysAndMakeUpDays() {
        JsonObject spring = Api.anonymous().get("/api/v1/calendar/working-days?from=2026-02-13&add=2").expect(200).json();
        assertEquals("2026-02-24", spring.getString("date"), "Sat 14 Feb is worked, then the Spring Festival holiday");
        assertTrue(spring.getBoolean("calendarKnown"));
        assertEquals("2026-10-10", Api.anonymous().get("/api/v1/calendar/working-days?from=2026-09-30&add=3").expect(200).json().getString("date"));
        assertFalse(Api.anonymous().get("/api/v1/calendar/working-days?from=2027-03-01&add=1").expect(200).json().getBoolean("calendarKnown"));
        Api.anonymous().get("/api/v1/calendar/working-days?from=2025-02-30&add=1").problem(400, "VALIDATION_FAILED");
        Api.anonymous().get("/api/v1/calendar/working-days?from=2026-02-13&add=-1").problem(400, "VALIDATION_FAILED");
        Api.anonymous().get("/api/v1/calendar/working-days?from=2026-02-13&add=abc").problem(400, "VALIDATION_FAILED");
        Api.anonymous().get("/api/v1/calendar/working-days").problem(400, "VALIDATION_FAILED");
    }
}
