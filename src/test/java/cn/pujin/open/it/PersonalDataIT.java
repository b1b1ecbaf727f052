package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * PIPL rights: a citizen downloads all their data (JSON and a readable page) and deletes their account — personal
 * fields cleared in the database, future places cancelled and given to the waitlist, the published suggestion kept
 * under "已注销用户", statistics unchanged, audit entries kept, and the login gone.
 */
class PersonalDataIT {

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    @Test
    void downloadAllMyDataThenDeleteTheAccount() throws Exception {
        Api.Citizen me = Api.newCitizen("杜子腾");
        Api.Citizen next = Api.newCitizen("候补者");
        // a meeting I attended and commented on, answered and published
        JsonObject draft = Fixtures.startingSoon(unique("个人信息测试会")).build();
        long past = id(Fixtures.published(Fixtures.startingSoon(unique("个人信息测试会"))));
        long myPlace = PassesIT.register(me, past);
        SuggestionsIT.Handler handler = SuggestionsIT.handler("个人信息承办", false);
        SuggestionsIT.clock(OffsetDateTime.now(Fixtures.SHANGHAI).plusHours(1).toString());
        long suggestion = id(SuggestionsIT.suggest(me.api(), past, null, "建议把会议材料做成大字版，方便老人阅读。"));
        Api.as("organiser").post("/api/v1/suggestions/" + suggestion + "/assign",
                Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200);
        handler.person().api().post("/api/v1/suggestions/" + suggestion + "/answer", Json.createObjectBuilder()
                .add("outcome", "ADOPTED").add("reason", "下次会议起提供大字版材料。").build()).expect(200);
        Api.as("reviewer").post("/api/v1/suggestions/" + suggestion + "/publish").expect(200);
        // (the clock stays an hour ahead: the meeting has begun, the open day below is still to come)
        // a coming open day with one seat: mine, and someone waiting for it
        long coming = id(Fixtures.published(Fixtures.openDay(unique("一个名额"), 9).add("capacity", 1).add("waitlist", true)));
        long seat = PassesIT.register(me, coming);
        long waiting = id(next.api().post("/api/v1/events/" + coming + "/registrations", JsonValue.EMPTY_JSON_OBJECT).expect(201).json());

        // download everything
        JsonObject data = me.api().get("/api/v1/me/data").expect(200).json();
        assertEquals(me.phone(), data.getJsonObject("account").getString("phone"), "the full number, for the owner");
        assertEquals(me.email(), data.getJsonObject("account").getString("email"));
        assertEquals(2, data.getJsonArray("registrations").size());
        assertEquals("2026-01", data.getJsonArray("registrations").getJsonObject(0).getString("consentVersion"),
                "the privacy-notice version agreed to on the registration form");
        assertEquals("ADOPTED", data.getJsonArray("suggestions").getJsonObject(0).getString("outcome"));
        assertTrue(data.containsKey("checkins") && data.containsKey("notifications"));
        String html = me.api().get("/api/v1/me/data.html").expect(200).body();
        assertTrue(html.contains("杜子腾") && html.contains(me.phone()) && html.contains("建议把会议材料做成大字版"), html);
        Api.anonymous().get("/api/v1/me/data").problem(401, "UNAUTHENTICATED");

        int year = OffsetDateTime.now(Fixtures.SHANGHAI).getYear();
        JsonObject statsBefore = Api.anonymous().get("/api/v1/stats?year=" + year).expect(200).json();

        // delete: password required, staff cannot, citizens can; racing requests get the same answer
        assertEquals(List.of("password"), me.api().post("/api/v1/me/deletion",
                Json.createObjectBuilder().add("password", "wrong-password").build()).errorFields());
        Api.as("organiser").post("/api/v1/me/deletion", Json.createObjectBuilder().add("password", "Demo#2026").build())
                .problem(403, "STAFF_ACCOUNT");
        JsonObject body = Json.createObjectBuilder().add("password", "secret-pass-1").build();
        var first = CompletableFuture.supplyAsync(() -> me.api().post("/api/v1/me/deletion", body));
        var second = CompletableFuture.supplyAsync(() -> me.api().post("/api/v1/me/deletion", body));
        List<Api.Response> answers = List.of(first.get(), second.get());
        List<String> deletedAt = answers.stream().filter(r -> r.status() == 200).map(r -> r.json().getString("deletedAt")).distinct().toList();
        assertEquals(1, deletedAt.size(), "every 200 answer names the same deletion: " + answers);
        assertTrue(answers.stream().allMatch(r -> r.status() == 200 || r.status() == 401), answers.toString());

        // gone: cannot sign in, personal fields cleared, the seat went to the waitlist
        me.api().get("/api/v1/me").problem(401, "UNAUTHENTICATED");
        try (Connection db = TestApp.get().db();
             PreparedStatement q = db.prepareStatement(
                     "SELECT username, phone_cipher, phone_hash, phone_masked, email_cipher, display_name, deleted_at FROM account WHERE id = ?")) {
            q.setLong(1, me.id());
            try (ResultSet r = q.executeQuery()) {
                assertTrue(r.next());
                assertNull(r.getString("phone_cipher"));
                assertNull(r.getString("phone_hash"));
                assertNull(r.getString("phone_masked"));
                assertNull(r.getString("email_cipher"));
                assertEquals("已注销用户", r.getString("display_name"));
                assertTrue(r.getTimestamp("deleted_at") != null);
            }
        }
        assertEquals("CANCELLED", Api.as("organiser").get("/api/v1/registrations/" + seat).expect(200).json().getString("status"));
        assertEquals("CONFIRMED", next.api().get("/api/v1/registrations/" + waiting).expect(200).json().getString("status"),
                "the freed seat went to the first waitlisted person");
        assertEquals("CONFIRMED", Api.as("organiser").get("/api/v1/registrations/" + myPlace).expect(200).json().getString("status"),
                "a place at an event that has begun is history, not cancelled");

        // the published suggestion stays, signed 已注销用户; statistics and the audit trail are unchanged
        JsonObject shown = Api.anonymous().get("/api/v1/feedback?event=" + past).expect(200).json().getJsonArray("items").getJsonObject(0);
        assertEquals("已注销用户", shown.getString("author"));
        assertFalse(Api.anonymous().get("/api/v1/feedback?event=" + past).body().contains("杜"));
        JsonObject statsAfter = Api.anonymous().get("/api/v1/stats?year=" + year).expect(200).json();
        for (String figure : List.of("events", "registrations", "suggestionsReceived", "answersPublished")) {
            assertEquals(statsBefore.get(figure), statsAfter.get(figure), figure);
        }
        List<String> audit = Api.as("admin").get("/api/v1/audit?entityType=account&entityId=" + me.id()).expect(200).json()
                .getJsonArray("items").stream().map(a -> a.asJsonObject().getString("action")).toList();
        assertTrue(audit.containsAll(List.of("account.signUp", "account.dataExport", "account.delete")), audit.toString());
        assertEquals(0, Api.as("admin").get("/api/v1/accounts?q=" + me.phone()).expect(200).json().getInt("total"));
        assertNull(draft.get("id"));
    }
}
