package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Retention: an event of January 2023 (made by moving the clock back) is past the 24-month period; the admin sees
 * it in the preview, runs the job, the registrations no longer point at anyone, a second run finds nothing, and the
 * year's statistics are the same as before.
 */
class RetentionIT {

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    @Test
    void oldRegistrationsAreAnonymisedOnceStatisticsStay() {
        SuggestionsIT.clock("2023-01-10T08:30:00+08:00");
        long event = id(Fixtures.published(StatsIT.at("保存期限测试", "DECISION_MEETING", "OFFLINE",
                "2023-01-10T09:00:00+08:00", "2023-01-10T11:00:00+08:00").add("capacity", 5)));
        Api.Citizen a = Api.newCitizen("期限甲");
        Api.Citizen b = Api.newCitizen("期限乙");
        long ra = id(a.api().post("/api/v1/events/" + event + "/registrations", Json.createObjectBuilder().add("category", "ENTERPRISE")
                .add("organisation", "浦锦某科技有限公司").add("statement", "我们企业就在会议讨论的地块旁边，希望列席发表意见。").build()).expect(201).json());
        long rb = id(b.api().post("/api/v1/events/" + event + "/registrations", Json.createObjectBuilder().add("category", "RESIDENT")
                .add("statement", "我是附近小区的居民，关心施工对出行的影响，希望列席。").build()).expect(201).json());
        Api.as("organiser").post("/api/v1/registrations/" + rb + "/reject", Json.createObjectBuilder().add("reason", "名额已满，欢迎下次申请").build())
                .expect(200);
        SuggestionsIT.clock(null);
        JsonObject statsBefore = Api.anonymous().get("/api/v1/stats?year=2023").expect(200).json();

        Api.as("organiser").get("/api/v1/retention").problem(403, "FORBIDDEN");
        JsonObject preview = Api.as("admin").get("/api/v1/retention").expect(200).json();
        assertEquals(24, preview.getInt("months"));
        JsonObject due = preview.getJsonArray("due").stream().map(JsonValue::asJsonObject)
                .filter(d -> d.getJsonNumber("eventId").longValue() == event).findFirst().orElseThrow();
        assertEquals(2, due.getInt("registrations"));
        assertTrue(a.api().get("/api/v1/me/registrations").body().contains(String.format("R%06d", ra)));

        JsonObject run = Api.as("admin").post("/api/v1/retention/run").expect(200).json();
        assertTrue(run.getInt("registrations") >= 2, run.toString());
        assertEquals(0, Api.as("admin").post("/api/v1/retention/run").expect(200).json().getInt("registrations"),
                "a second run finds nothing left");
        assertTrue(Api.as("admin").get("/api/v1/retention").expect(200).json().getJsonArray("due").stream()
                .noneMatch(d -> d.asJsonObject().getJsonNumber("eventId").longValue() == event));

        // nobody can be identified any more: not the owner, not the organiser's list, not the data export
        assertFalse(a.api().get("/api/v1/me/registrations").body().contains(String.format("R%06d", ra)));
        a.api().get("/api/v1/registrations/" + ra).problem(404, "NOT_FOUND");
        JsonObject listed = Api.as("organiser").get("/api/v1/events/" + event + "/registrations").expect(200).json()
                .getJsonArray("items").stream().map(JsonValue::asJsonObject)
                .filter(r -> r.getJsonNumber("id").longValue() == ra).findFirst().orElseThrow();
        assertEquals("已匿名化", listed.getString("name"));
        assertFalse(listed.containsKey("organisation") || listed.containsKey("statement"), listed.toString());
        assertEquals(0, a.api().get("/api/v1/me/data").expect(200).json().getJsonArray("registrations").size());

        JsonObject statsAfter = Api.anonymous().get("/api/v1/stats?year=2023").expect(200).json();
        for (String figure : List.of("events", "registrations", "confirmed", "representativesByCategory")) {
            assertEquals(statsBefore.get(figure), statsAfter.get(figure), figure);
        }
        List<String> audit = Api.as("admin").get("/api/v1/audit?entityType=retention&entityId=" + event).expect(200).json()
                .getJsonArray("items").stream().map(e -> e.asJsonObject().getString("reason")).toList();
        assertEquals(1, audit.size(), "one audit entry for the one run that changed something: " + audit);
        assertTrue(audit.get(0).startsWith("2 · "), audit.get(0));
    }
}
