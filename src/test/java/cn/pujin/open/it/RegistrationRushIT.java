package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 500 distinct citizens register at the same moment for 50 seats, over HTTP against real PostgreSQL:
 * exactly 50 confirmed and 450 waitlisted, every answer matches the stored row, no 5xx.
 */
class RegistrationRushIT {

    static final int CITIZENS = 500;
    static final int SEATS = 50;

    @Test
    void neverOverbookedNothingLost() throws Exception {
        long eventId = id(Fixtures.published(openDay(unique("抢票测试"), 20).add("capacity", SEATS).add("waitlist", true)));
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<Future<Api.Citizen>> created = new ArrayList<>();
        for (int i = 0; i < CITIZENS; i++) {
            int n = i;
            created.add(setup.submit(() -> {
                Api.Citizen c = Api.newCitizen("抢票" + n);
                c.api().get("/api/v1/me").expect(200);
                return c;
            }));
        }
        List<Api.Citizen> citizens = new ArrayList<>();
        for (Future<Api.Citizen> f : created) {
            citizens.add(f.get());
        }
        setup.shutdown();

        ExecutorService rush = Executors.newFixedThreadPool(CITIZENS);
        CountDownLatch go = new CountDownLatch(1);
        Map<Long, Api.Response> answers = new ConcurrentHashMap<>();
        List<Future<?>> running = new ArrayList<>();
        for (Api.Citizen c : citizens) {
            running.add(rush.submit(() -> {
                go.await();
                answers.put(c.id(), c.api().post("/api/v1/events/" + eventId + "/registrations", Json.createObjectBuilder().build()));
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : running) {
            f.get(5, TimeUnit.MINUTES);
        }
        rush.shutdown();

        Map<String, Integer> answered = new HashMap<>();
        Map<Long, String> answeredById = new HashMap<>();
        for (Api.Response r : answers.values()) {
            assertEquals(201, r.status(), r.body());
            JsonObject body = r.json();
            answered.merge(body.getString("status"), 1, Integer::sum);
            answeredById.put(body.getJsonNumber("id").longValue(), body.getString("status"));
        }
        assertEquals(Map.of("CONFIRMED", SEATS, "WAITLISTED", CITIZENS - SEATS), answered);

        Map<Long, String> stored = new HashMap<>();
        try (Connection db = TestApp.get().db();
             PreparedStatement s = db.prepareStatement("select id, status from registration where event_id = ?")) {
            s.setLong(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getLong(1), rs.getString(2));
                }
            }
            try (PreparedStatement count = db.prepareStatement("select confirmed_count from event where id = ?")) {
                count.setLong(1, eventId);
                try (ResultSet rs = count.executeQuery()) {
                    assertTrue(rs.next());
                    assertEquals(SEATS, rs.getInt(1), "the seat counter matches");
                }
            }
        }
        assertEquals(answeredById, stored, "every answer is stored with the state it was answered with, nothing more");
        assertEquals(SEATS, Api.anonymous().get("/api/v1/events/" + eventId).json().getInt("capacity"));
        assertEquals(0, Api.anonymous().get("/api/v1/events/" + eventId).json().getInt("seatsLeft"));
    }

    /**
     * Group commit keeps the rules of one registration at a time: each of 100 citizens sends the same registration twice
     * at once — one is registered, the other refused as already registered; the 90 in line hold places 1..90 without a
     * gap or a tie, in the order the promotions follow; a cancelled seat goes to place 1.
     */
    @Test
    void aRushInBatchesKeepsOnePerPersonAndTheLineInOrder() throws Exception {
        int people = 100;
        int seats = 10;
        long eventId = id(Fixtures.published(openDay(unique("成批报名"), 20).add("capacity", seats).add("waitlist", true)));
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<Future<Api.Citizen>> created = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            int n = i;
            created.add(setup.submit(() -> Api.newCitizen("成批" + n)));
        }
        List<Api.Citizen> citizens = new ArrayList<>();
        for (Future<Api.Citizen> f : created) {
            citizens.add(f.get());
        }
        setup.shutdown();

        ExecutorService rush = Executors.newFixedThreadPool(2 * people);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Response>> sent = new ArrayList<>();
        for (Api.Citizen c : citizens) {
            for (int twice = 0; twice < 2; twice++) {
                sent.add(rush.submit(() -> {
                    go.await();
                    return c.api().post("/api/v1/events/" + eventId + "/registrations", Json.createObjectBuilder().build());
                }));
            }
        }
        go.countDown();
        Map<Integer, Integer> statuses = new HashMap<>();
        Map<Integer, Long> byPlace = new HashMap<>();
        int confirmed = 0;
        for (Future<Api.Response> f : sent) {
            Api.Response r = f.get(5, TimeUnit.MINUTES);
            statuses.merge(r.status(), 1, Integer::sum);
            if (r.status() == 409) {
                assertEquals("ALREADY_REGISTERED", r.json().getString("code"), r.body());
            } else if (r.json().getString("status").equals("CONFIRMED")) {
                confirmed++;
            } else {
                assertNull(byPlace.put(r.json().getInt("waitlistPosition"), r.json().getJsonNumber("id").longValue()),
                        "two people were told the same place in line: " + r.body());
            }
        }
        rush.shutdown();
        assertEquals(Map.of(201, people, 409, people), statuses, "each person registered once, the second try refused");
        assertEquals(seats, confirmed);
        assertEquals(IntStream.rangeClosed(1, people - seats).boxed().collect(Collectors.toSet()), byPlace.keySet(),
                "places 1..90, no gap, no tie");
        List<Long> line = new ArrayList<>();
        try (Connection db = TestApp.get().db(); PreparedStatement s = db.prepareStatement(
                "select id from registration where event_id = ? and status = 'WAITLISTED' order by waitlisted_at, id")) {
            s.setLong(1, eventId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    line.add(rs.getLong(1));
                }
            }
        }
        assertEquals(IntStream.rangeClosed(1, people - seats).mapToObj(byPlace::get).toList(), line,
                "the places people were told are the order the waitlist moves in");

        long aSeat = Api.as("organiser").get("/api/v1/events/" + eventId + "/registrations?status=CONFIRMED").json()
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        Api.as("organiser").post("/api/v1/registrations/" + aSeat + "/cancel", Json.createObjectBuilder().add("reason", "测试").build())
                .expect(200);
        assertEquals("CONFIRMED", Api.as("organiser").get("/api/v1/registrations/" + byPlace.get(1)).json().getString("status"),
                "the freed seat went to place 1");
    }
}
