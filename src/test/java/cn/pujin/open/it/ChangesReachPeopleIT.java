package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What happens to people when an event changes after they registered: a raised capacity goes to the waitlist in
 * order, a capacity below the confirmed is refused, a move in time or place reaches everyone with old → new and an
 * updated invitation (RFC 5546), other edits send nothing, and the day before the confirmed are reminded once.
 */
class ChangesReachPeopleIT {

    private static final Api ORGANISER = Api.as("organiser");
    private static final Api REVIEWER = Api.as("reviewer");

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    /** Edits the published event with the given draft, submits it and has the reviewer approve it. */
    static Api.Response change(long event, JsonObjectBuilder draft) {
        long version = ORGANISER.get("/api/v1/events/" + event).expect(200).json().getJsonNumber("version").longValue();
        Api.Response put = ORGANISER.put("/api/v1/events/" + event, draft.add("version", version).build());
        if (put.status() != 200) {
            return put;
        }
        ORGANISER.post("/api/v1/events/" + event + "/submit").expect(200);
        return REVIEWER.post("/api/v1/events/" + event + "/approve");
    }

    static String status(Api.Citizen c, long registration) {
        return c.api().get("/api/v1/registrations/" + registration).expect(200).json().getString("status");
    }

    static long notices(Api.Citizen c, String kind) {
        return c.api().get("/api/v1/me/notifications?size=100").expect(200).items().stream()
                .filter(n -> kind.equals(n.asJsonObject().getString("kind"))).count();
    }

    @Test
    void aRaisedCapacityGoesToTheWaitlistInOrderAndNoEditTakesAConfirmedSeat() {
        String title = unique("扩容开放日");
        long event = id(Fixtures.published(openDay(title, 12).add("capacity", 2)));
        Api.Citizen first = Api.newCitizen("甲");
        Api.Citizen second = Api.newCitizen("乙");
        Api.Citizen waiting = Api.newCitizen("候补丙");
        Api.Citizen alsoWaiting = Api.newCitizen("候补丁");
        PassesIT.register(first, event);
        PassesIT.register(second, event);
        long c = PassesIT.register(waiting, event);
        long d = PassesIT.register(alsoWaiting, event);
        assertEquals("WAITLISTED", status(waiting, c));

        Api.Response lower = change(event, openDay(title, 12).add("capacity", 1));
        lower.problem(409, "CAPACITY_BELOW_CONFIRMED");
        assertTrue(lower.body().contains("2"), "the message names the confirmed count: " + lower.body());

        change(event, openDay(title, 12).add("capacity", 3)).expect(200);
        assertEquals("CONFIRMED", status(waiting, c), "the first waiting person gets the seat the change added");
        assertEquals("WAITLISTED", status(alsoWaiting, d));
        Mailbox.await(waiting.email(), "候补转正");
        Api.Citizen newcomer = Api.newCitizen("后来者");
        long e = PassesIT.register(newcomer, event);
        assertEquals("WAITLISTED", status(newcomer, e), "a newcomer waits behind those already waiting");
        JsonObject mine = newcomer.api().get("/api/v1/registrations/" + e).expect(200).json();
        assertEquals(2, mine.getInt("waitlistPosition"), mine.toString());

        change(event, openDay(title, 12).add("capacity", 4)).expect(200);
        assertEquals("CONFIRMED", status(alsoWaiting, d), "the next in line, not the newcomer");
        assertEquals("WAITLISTED", status(newcomer, e));
    }

    @Test
    void anApprovalThatWouldLeaveTooFewSeatsForTheConfirmedIsRefused() {
        String title = unique("审核时名额不足");
        long event = id(Fixtures.published(openDay(title, 12).add("capacity", 2)));
        PassesIT.register(Api.newCitizen("先报名"), event);
        long version = ORGANISER.get("/api/v1/events/" + event).json().getJsonNumber("version").longValue();
        ORGANISER.put("/api/v1/events/" + event, openDay(title, 12).add("capacity", 1).add("version", version).build()).expect(200);
        ORGANISER.post("/api/v1/events/" + event + "/submit").expect(200);
        PassesIT.register(Api.newCitizen("审核期间报名"), event);
        REVIEWER.post("/api/v1/events/" + event + "/approve").problem(409, "CAPACITY_BELOW_CONFIRMED");
        assertEquals(2, Api.anonymous().get("/api/v1/events/" + event).expect(200).json().getInt("capacity"),
                "the public keeps the approved capacity");
    }

    @Test
    void aMoveInTimeOrPlaceReachesEveryoneWithOldAndNewAndAnUpdatedInvitation() {
        String title = unique("改期开放日");
        long event = id(Fixtures.published(openDay(title, 15).add("capacity", 1)));
        Api.Citizen confirmed = Api.newCitizen("已确认者");
        Api.Citizen waiting = Api.newCitizen("候补者");
        PassesIT.register(confirmed, event);
        PassesIT.register(waiting, event);
        Mailbox.await(confirmed.email(), "报名成功");

        // text only: nobody is told
        change(event, openDay(title, 15).add("capacity", 1).add("summary", "新的摘要，与时间地点无关")).expect(200);
        assertEquals(0, notices(confirmed, "EVENT_CHANGED"));

        OffsetDateTime moved = OffsetDateTime.parse(Api.anonymous().get("/api/v1/events/" + event).json().getString("startsAt")).plusDays(1);
        change(event, openDay(title, 15).add("capacity", 1).add("summary", "新的摘要，与时间地点无关")
                .add("startsAt", moved.toString()).add("endsAt", moved.plusHours(2).toString()).add("venue", "浦锦街道市民中心三楼会议室"))
                .expect(200);
        assertEquals(1, notices(confirmed, "EVENT_CHANGED"));
        assertEquals(1, notices(waiting, "EVENT_CHANGED"), "the waitlisted are told too");

        MimeMessage mail = Mailbox.await(confirmed.email(), "活动变更");
        String text = Mailbox.textPart(mail);
        assertTrue(text.contains("浦锦街道城运中心") && text.contains("→") && text.contains("浦锦街道市民中心三楼会议室"), text);
        assertTrue(text.contains("时间："), "the time moved too: " + text);
        String ics = Mailbox.calendarPart(mail);
        assertNotNull(ics, "the confirmed get the updated invitation");
        String unfolded = ics.replace("\r\n ", "");
        assertTrue(unfolded.contains("METHOD:REQUEST"), ics);
        assertTrue(unfolded.contains("UID:event-" + event + "@pujin-open"), ics);
        assertTrue(unfolded.contains("SEQUENCE:2"), "first publication 0, text edit 1, move 2: " + ics);
        assertTrue(unfolded.contains("ORGANIZER;CN=") && unfolded.contains("mailto:noreply@"), ics);
        assertTrue(unfolded.contains("ATTENDEE;") && unfolded.contains("mailto:" + confirmed.email()), ics);
        assertTrue(unfolded.contains("LOCATION:浦锦街道市民中心三楼会议室"), ics);
        assertFoldedAt75Octets(ics);
        assertNull(Mailbox.calendarPart(Mailbox.await(waiting.email(), "活动变更")), "no invitation for a place not held");

        ORGANISER.post("/api/v1/events/" + event + "/cancel", Json.createObjectBuilder().add("reason", "场地检修，活动取消").build()).expect(200);
        String cancel = Mailbox.calendarPart(Mailbox.await(confirmed.email(), "活动取消")).replace("\r\n ", "");
        assertTrue(cancel.contains("METHOD:CANCEL") && cancel.contains("ORGANIZER;") && cancel.contains("ATTENDEE;"), cancel);
    }

    static void assertFoldedAt75Octets(String ics) {
        List<String> tooLong = Arrays.stream(ics.split("\r\n"))
                .filter(line -> line.getBytes(StandardCharsets.UTF_8).length > 75).toList();
        assertEquals(List.of(), tooLong, "content lines longer than 75 octets");
        assertTrue(ics.lines().anyMatch(l -> l.startsWith(" ")), "long lines were folded: " + ics);
    }

    @Test
    void theDayBeforeEveryConfirmedPersonIsRemindedOnce() {
        long event = id(Fixtures.published(openDay(unique("明日开放日"), 1).add("capacity", 3)));
        Api.Citizen attendee = Api.newCitizen("明天参加者");
        long registration = PassesIT.register(attendee, event);
        ZonedDateTime today = ZonedDateTime.now(Fixtures.SHANGHAI).toLocalDate().atStartOfDay(Fixtures.SHANGHAI);
        SuggestionsIT.clock(today.withHour(8).toOffsetDateTime().toString());
        ORGANISER.post("/api/v1/registrations/reminders/run").expect(200);
        assertEquals(0, notices(attendee, "REMINDED"), "not before the configured hour");

        SuggestionsIT.clock(today.withHour(10).withMinute(30).toOffsetDateTime().toString());
        int sent = 0;
        for (int i = 0; i < 3; i++) {
            sent += Api.as("admin").post("/api/v1/registrations/reminders/run").expect(200).json().getInt("sent");
        }
        assertTrue(sent >= 1, "sent " + sent);
        assertEquals(1, notices(attendee, "REMINDED"), "once per registration however often the job runs");
        MimeMessage mail = Mailbox.await(attendee.email(), "明天见");
        assertNotNull(Mailbox.attachment(mail, "pass.png"), "the pass goes with the reminder");
        Api.as("citizen1").post("/api/v1/registrations/reminders/run").problem(403, "FORBIDDEN");
        assertEquals("CONFIRMED", status(attendee, registration));
    }
}
