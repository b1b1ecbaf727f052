package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.startingSoon;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Check-in at the door: stations, verdicts, idempotent retries, concurrent scans, offline uploads, summary. */
class CheckInIT {

    static final JsonObject EMPTY = Json.createObjectBuilder().build();

    record Attendee(Api.Citizen citizen, long registrationId, String token) {}

    static long eventStartingSoon() {
        return id(Fixtures.published(startingSoon(unique("签到测试"))));
    }

    static Attendee attendee(long eventId, String name) {
        Api.Citizen c = Api.newCitizen(name);
        long registrationId = PassesIT.register(c, eventId);
        String token = c.api().get("/api/v1/registrations/" + registrationId + "/pass").expect(200).json().getString("token");
        return new Attendee(c, registrationId, token);
    }

    static JsonObject station(long eventId, String name) {
        return Api.as("organiser").post("/api/v1/events/" + eventId + "/stations",
                Json.createObjectBuilder().add("name", name).build()).expect(201).json();
    }

    static JsonObject scan(Api api, String token, String nonce) {
        return api.post("/api/v1/checkins", Json.createObjectBuilder().add("token", token).add("nonce", nonce).build())
                .expect(200).json();
    }

    static String nonce() {
        return UUID.randomUUID().toString();
    }

    @Test
    void stationAdmitsOnceAndRetriesGetTheFirstAnswer() {
        long eventId = eventStartingSoon();
        Attendee a = attendee(eventId, "签到王小明");
        JsonObject east = station(eventId, "东门");
        String key = east.getString("key");
        assertTrue(key.startsWith("st_"), key);
        Api door = Api.bearer(key);

        JsonObject admitted = scan(door, a.token(), "n-1");
        assertEquals("ADMITTED", admitted.getString("verdict"), admitted.toString());
        assertEquals("签***明", admitted.getString("name"));
        assertEquals("RESIDENT", admitted.getString("category"));
        assertEquals("东门", admitted.getString("station"));

        JsonObject again = scan(door, a.token(), "n-1");
        assertEquals("ADMITTED", again.getString("verdict"), "the same nonce returns the first answer");

        JsonObject west = station(eventId, "西门");
        JsonObject duplicate = scan(Api.bearer(west.getString("key")), a.token(), "n-2");
        assertEquals("ALREADY_CHECKED_IN", duplicate.getString("verdict"));
        assertEquals("东门", duplicate.getString("firstStation"));
        assertTrue(duplicate.containsKey("firstCheckedInAt"));
        assertEquals("签***明", duplicate.getString("name"));

        JsonObject summary = Api.as("organiser").get("/api/v1/events/" + eventId + "/checkins/summary").expect(200).json();
        assertEquals(1, summary.getInt("checkedIn"));
        assertEquals(1, summary.getInt("expected"));
        assertEquals(0, summary.getInt("failedCount"), "a duplicate is no failure");
        assertEquals(1, summary.getInt("duplicates"), "one duplicate; the retried nonce made no second record");
        assertEquals(1, summary.getJsonObject("byStation").getInt("东门"));
        assertFalse(summary.getJsonObject("failedByVerdict").containsKey("ALREADY_CHECKED_IN"));
        // the list of stations never shows keys again
        String stations = Api.as("organiser").get("/api/v1/events/" + eventId + "/stations").expect(200).body();
        assertFalse(stations.contains(key));
    }

    @Test
    void everyVerdict() {
        long eventId = eventStartingSoon();
        long otherEvent = eventStartingSoon();
        long later = id(Fixtures.published(openDay(unique("尚未开始"), 20)));
        Api door = Api.bearer(station(eventId, "主入口").getString("key"));
        Attendee cancelled = attendee(eventId, "取消者");
        cancelled.citizen().api().post("/api/v1/registrations/" + cancelled.registrationId() + "/cancel", EMPTY).expect(200);
        Attendee other = attendee(otherEvent, "他场者");
        Attendee early = attendee(later, "早到者");

        assertEquals("REVOKED", scan(door, cancelled.token(), nonce()).getString("verdict"));
        JsonObject wrong = scan(door, other.token(), nonce());
        assertEquals("WRONG_EVENT", wrong.getString("verdict"));
        assertFalse(wrong.containsKey("name"), "no personal data for another event's pass");
        assertEquals("MALFORMED", scan(door, "hello", nonce()).getString("verdict"));
        assertEquals("MALFORMED", scan(door, "A".repeat(1025), nonce()).getString("verdict"));
        char[] flipped = other.token().toCharArray();
        flipped[100] = flipped[100] == 'A' ? 'B' : 'A';
        assertEquals("INVALID_SIGNATURE", scan(door, new String(flipped), nonce()).getString("verdict"));
        JsonObject tooEarly = Api.as("organiser").post("/api/v1/checkins", Json.createObjectBuilder()
                .add("token", early.token()).add("nonce", nonce()).add("eventId", later).build()).expect(200).json();
        assertEquals("EVENT_NOT_OPEN", tooEarly.getString("verdict"));

        // bad requests and callers
        Api.bearer("st_unknown").post("/api/v1/checkins", Json.createObjectBuilder().add("token", other.token())
                .add("nonce", nonce()).build()).expect(401);
        door.post("/api/v1/checkins", Json.createObjectBuilder().add("token", other.token()).add("nonce", "bad nonce!").build())
                .problem(400, "VALIDATION_FAILED");
        door.post("/api/v1/checkins", Json.createObjectBuilder().add("nonce", nonce()).build()).problem(400, "VALIDATION_FAILED");
        other.citizen().api().post("/api/v1/checkins", Json.createObjectBuilder().add("token", other.token())
                .add("nonce", nonce()).build()).expect(403);

        JsonObject summary = Api.as("organiser").get("/api/v1/events/" + eventId + "/checkins/summary").expect(200).json();
        assertEquals(0, summary.getInt("checkedIn"));
        assertEquals(5, summary.getInt("failedCount"), summary.toString());
    }

    @Test
    void twoStationsScanningOnePassAtTheSameMomentAdmitItOnce() throws Exception {
        long eventId = eventStartingSoon();
        Attendee a = attendee(eventId, "并发者");
        List<Api> doors = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            doors.add(Api.bearer(station(eventId, "门" + i).getString("key")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(doors.size());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (Api door : doors) {
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return scan(door, a.token(), nonce()).getString("verdict");
            }, pool));
        }
        go.countDown();
        List<String> verdicts = answers.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertEquals(1, verdicts.stream().filter("ADMITTED"::equals).count(), verdicts.toString());
        assertEquals(doors.size() - 1, verdicts.stream().filter("ALREADY_CHECKED_IN"::equals).count(), verdicts.toString());
    }

    @Test
    void thousandTamperedTokensAreNeverAdmitted() {
        long eventId = eventStartingSoon();
        Attendee a = attendee(eventId, "篡改测试");
        Api door = Api.bearer(station(eventId, "篡改").getString("key"));
        String token = a.token();
        Set<String> variants = new HashSet<>();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < token.length(); i++) {
            for (int k = 1; k <= 8; k++) {
                char c = alphabet.charAt((alphabet.indexOf(token.charAt(i)) + k * 11) % alphabet.length());
                variants.add(token.substring(0, i) + c + token.substring(i + 1));
            }
            variants.add(token.substring(0, i) + token.substring(i + 1));
        }
        for (int cut = 1; cut < 40; cut++) {
            variants.add(token.substring(0, token.length() - cut));
        }
        variants.add(token + "=");
        variants.add(token + "==");
        variants.add(token + " ");
        variants.add(" " + token + "A");
        variants.add(Base64.getEncoder().encodeToString(Base64.getUrlDecoder().decode(token)));
        variants.add(token.toUpperCase());
        variants.add(token.toLowerCase());
        variants.add(new StringBuilder(token).reverse().toString());
        variants.add(token + token);
        variants.remove(token);
        variants.remove(token + " ");
        assertTrue(variants.size() >= 1000, "variants: " + variants.size());
        List<String> tried = new ArrayList<>(variants);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<CompletableFuture<String>> verdicts = tried.stream().map(v -> CompletableFuture.supplyAsync(() ->
                scan(door, v, nonce()).getString("verdict"), pool)).toList();
        List<String> seen = verdicts.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertFalse(seen.contains("ADMITTED"), "a tampered token was admitted");
        assertTrue(seen.stream().allMatch(v -> v.equals("INVALID_SIGNATURE") || v.equals("MALFORMED")), new HashSet<>(seen).toString());
        assertEquals("ADMITTED", scan(door, token, nonce()).getString("verdict"), "the real one still works");
    }

    @Test
    void offlineScansUploadLaterAndTheEarliestAdmissionWins() throws Exception {
        long eventId = eventStartingSoon();
        Attendee a = attendee(eventId, "离线者");
        Attendee b = attendee(eventId, "离线二");
        JsonObject north = station(eventId, "北门");
        JsonObject south = station(eventId, "南门");
        Api northDoor = Api.bearer(north.getString("key"));

        // what a station caches: keys, revocations, roster — enough to verify the token without the server
        JsonObject material = northDoor.get("/api/v1/events/" + eventId + "/verification-key").expect(200).json();
        assertEquals(2, material.getJsonArray("roster").size());
        assertTrue(material.getString("rosterVersion").length() > 3);
        byte[] raw = Base64.getUrlDecoder().decode(a.token());
        // the key the pass names (after a rotation there are several: byte 0 is the version, 1–2 the key id)
        int keyId = ((raw[1] & 0xff) << 8) | (raw[2] & 0xff);
        JsonObject key = material.getJsonArray("keys").stream().map(JsonValue::asJsonObject)
                .filter(k -> k.getInt("id") == keyId).findFirst().orElseThrow(() -> new AssertionError(
                        "key " + keyId + " of the pass is published: " + material.getJsonArray("keys")));
        assertEquals("Ed25519", key.getString("algorithm"));
        PublicKey publicKey = Fixtures.jdkEd25519(Base64.getUrlDecoder().decode(key.getString("publicKey")));
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(publicKey);
        verifier.update(raw, 0, 23);
        assertTrue(verifier.verify(raw, 23, 64), "the JDK verifies the pass with the published key");

        // a station of another event gets nothing
        long otherEvent = eventStartingSoon();
        Api.bearer(station(otherEvent, "别处").getString("key")).get("/api/v1/events/" + eventId + "/verification-key").expect(404);

        OffsetDateTime t = OffsetDateTime.now(Fixtures.SHANGHAI).minusMinutes(3);
        // south scanned a later, north earlier; south uploads first
        JsonObject southResult = Api.bearer(south.getString("key")).post("/api/v1/checkins/batch", Json.createObjectBuilder()
                .add("scans", Json.createArrayBuilder().add(Json.createObjectBuilder().add("token", a.token())
                        .add("nonce", "s-1").add("scannedAt", t.plusMinutes(2).toString()))).build()).expect(200).json();
        assertEquals("ADMITTED", southResult.getJsonArray("results").getJsonObject(0).getString("verdict"));
        JsonObject northResult = northDoor.post("/api/v1/checkins/batch", Json.createObjectBuilder()
                .add("scans", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("token", a.token()).add("nonce", "o-1").add("scannedAt", t.toString()))
                        .add(Json.createObjectBuilder().add("registrationId", b.registrationId()).add("nonce", "o-2")
                                .add("scannedAt", t.plusMinutes(1).toString()))).build()).expect(200).json();
        assertEquals("ADMITTED", northResult.getJsonArray("results").getJsonObject(0).getString("verdict"));
        assertEquals("ADMITTED", northResult.getJsonArray("results").getJsonObject(1).getString("verdict"));

        JsonObject summary = Api.as("organiser").get("/api/v1/events/" + eventId + "/checkins/summary").expect(200).json();
        assertEquals(2, summary.getInt("checkedIn"));
        assertEquals(2, summary.getJsonObject("byStation").getInt("北门"), "the earliest scan is the admission");
        assertEquals(1, summary.getInt("duplicates"), "south's became the duplicate");
        assertEquals(0, summary.getJsonArray("noShows").size());

        // retrying the same upload changes nothing
        northDoor.post("/api/v1/checkins/batch", Json.createObjectBuilder().add("scans", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("token", a.token()).add("nonce", "o-1").add("scannedAt", t.toString())))
                .build()).expect(200);
        assertEquals(summary.getInt("failedCount"),
                Api.as("organiser").get("/api/v1/events/" + eventId + "/checkins/summary").json().getInt("failedCount"));
    }

    @Test
    void manualSearchAdmitNoShowsAndRevokedStation() {
        long eventId = eventStartingSoon();
        Attendee a = attendee(eventId, "手工陈");
        attendee(eventId, "缺席周");
        JsonObject desk = station(eventId, "服务台");
        Api deskApi = Api.bearer(desk.getString("key"));
        var found = deskApi.get("/api/v1/events/" + eventId + "/checkins/roster?q=" + a.citizen().phone().substring(7)).expect(200).jsonArray();
        assertEquals(1, found.size());
        JsonObject person = found.getJsonObject(0);
        assertEquals("手*陈", person.getString("name"));
        long registrationId = person.getJsonNumber("registrationId").longValue();
        for (String number : new String[]{String.format("R%06d", registrationId), String.format("r%06d", registrationId),
                String.valueOf(registrationId)}) {
            var byNumber = deskApi.get("/api/v1/events/" + eventId + "/checkins/roster?q=" + number).expect(200).jsonArray();
            assertEquals(1, byNumber.size(), number);
            assertEquals(registrationId, byNumber.getJsonObject(0).getJsonNumber("registrationId").longValue(), number);
        }
        JsonObject admitted = deskApi.post("/api/v1/checkins/manual", Json.createObjectBuilder()
                .add("registrationId", person.getJsonNumber("registrationId").longValue()).add("nonce", nonce()).build()).expect(200).json();
        assertEquals("ADMITTED", admitted.getString("verdict"));
        assertEquals("ALREADY_CHECKED_IN", scan(deskApi, a.token(), nonce()).getString("verdict"));

        String csv = new String(Api.as("organiser").bytes("/api/v1/events/" + eventId + "/checkins/no-shows.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF报名号"), csv);
        assertTrue(csv.contains("缺*周"), csv);
        assertFalse(csv.contains("手*陈"), csv);
        deskApi.get("/api/v1/events/" + eventId + "/checkins/summary").expect(403);

        Api.as("organiser").post("/api/v1/events/" + eventId + "/stations/" + desk.getJsonNumber("id") + "/revoke", EMPTY).expect(200);
        deskApi.post("/api/v1/checkins", Json.createObjectBuilder().add("token", a.token()).add("nonce", nonce()).build()).expect(401);
    }
}
