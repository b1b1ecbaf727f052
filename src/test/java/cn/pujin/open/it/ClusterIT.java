package cn.pujin.open.it;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static cn.pujin.open.it.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two more Payara Micro instances, clustered with each other over TCP on loopback (Payara's Hazelcast), on the same
 * PostgreSQL as the shared app: a rush split across both never overbooks, a pass checked in on one is a duplicate on
 * the other and shows in the other's live counter within 2 s, a reminder both could send goes out once, and a login
 * on the first survives its death on the second.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final int A = 18380;
    static final int B = 18381;
    static Process first;
    static Process second;

    /** The cluster's secret: its data grid's name, which a member or client must know to connect. */
    static final String SECRET = "it-" + UUID.randomUUID();

    /** Each instance is reached at its own port here (behind a proxy both would share one PUBLIC_URL): redirects stay there. */
    static Process member(int port, Map<String, String> env, String name, int startPort) throws IOException {
        var own = new HashMap<>(env);
        own.put("PUBLIC_URL", url(port));
        return TestApp.launchClustered(port, own, name, SECRET, startPort, 6910, 6911);
    }

    static String url(int port) {
        return "http://localhost:" + port;
    }

    /** A clustered start without CLUSTER_SECRET, launched with the two members. */
    static Process refused;

    @BeforeAll
    static void startTwoInstances() throws Exception {
        TestApp app = TestApp.get();
        var env = new HashMap<>(app.environment());
        // the scheduled jobs run every second on both, so a reminder due would go out twice if they did not agree
        env.put("REMINDER_INTERVAL_SECONDS", "1");
        first = member(A, env, "cluster-a", 6910);
        second = member(B, env, "cluster-b", 6911);
        // the start without the secret boots alongside (it stops by itself at its configuration check; checked below)
        refused = TestApp.launchClustered(18382, new HashMap<>(TestApp.get().environment()), "cluster-no-secret", null, 6912, 6912);
        TestApp.awaitReady(url(A), first, TestApp.logOf("cluster-a"));
        TestApp.awaitReady(url(B), second, TestApp.logOf("cluster-b"));
    }

    @AfterAll
    static void stop() {
        for (Process p : new Process[]{first, second, refused}) {
            if (p != null) {
                p.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void aRushSplitAcrossBothInstancesNeverOverbooks() throws Exception {
        long event = id(Fixtures.published(Fixtures.openDay(Fixtures.unique("双实例抢报"), 15).add("capacity", 10).add("waitlist", true)));
        List<Api.Citizen> citizens = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            citizens.add(Api.newCitizen("双实例" + i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(60);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < citizens.size(); i++) {
            Api api = citizens.get(i).api().on(url(i % 2 == 0 ? A : B));
            answers.add(pool.submit(() -> {
                go.await();
                return api.post("/api/v1/events/" + event + "/registrations", Json.createObjectBuilder().build()).status();
            }));
        }
        go.countDown();
        for (Future<Integer> a : answers) {
            assertEquals(201, a.get());
        }
        pool.shutdown();
        var list = Api.as("organiser").get("/api/v1/events/" + event + "/registrations?status=CONFIRMED&size=100").expect(200).json();
        assertEquals(10, list.getInt("total"), "exactly the capacity, from two instances at once");
    }

    @Test
    @Order(2)
    void theDataGridListensOnItsInterfaceOnlyAndOnlyClientsKnowingTheSecretConnect() throws Exception {
        for (Process member : new Process[]{first, second}) {
            var grid = ListeningSockets.of(member.pid()).stream().filter(s -> s.port() == 6910 || s.port() == 6911).toList();
            assertEquals(1, grid.size(), "one data grid socket: " + ListeningSockets.of(member.pid()));
            assertEquals("127.0.0.1", grid.get(0).address(), "bound to the configured interface, not every one: " + grid);
        }
        for (String guess : List.of("development", "dev", "pujin-open", "pujin-it")) {
            Assertions.assertThrows(IllegalStateException.class,
                    () -> H2DefaultIT.refused(guess, "127.0.0.1", List.of(6910, 6911)), "a client of cluster " + guess + " connected");
        }
        // the same client with the secret does connect: the refusals above are the name's doing, not the client's
        H2DefaultIT.connect(SECRET, "127.0.0.1", List.of(6910));
        String log = Files.readString(TestApp.logOf("cluster-a"));
        assertTrue(!log.contains(SECRET), "the secret is not in the log");
    }

    @Test
    @Order(2)
    void aClusteredStartWithoutTheSecretIsRefused() throws Exception {
        try {
            assertTrue(refused.waitFor(240, TimeUnit.SECONDS), "the instance stops by itself");
            assertEquals(78, refused.exitValue());
            String log = Files.readString(TestApp.logOf("cluster-no-secret"));
            assertTrue(log.contains("浦锦开放 refuses to start: CLUSTER_SECRET is missing"), TestApp.tail(TestApp.logOf("cluster-no-secret")));
        } finally {
            refused.destroyForcibly();
        }
    }

    @Test
    @Order(2)
    void aPassAdmittedOnOneInstanceIsADuplicateOnTheOther() {
        long event = CheckInIT.eventStartingSoon();
        CheckInIT.Attendee attendee = CheckInIT.attendee(event, "双实例签到");
        String key = CheckInIT.station(event, "东门").getString("key");
        var onA = CheckInIT.scan(Api.bearer(key).on(url(A)), attendee.token(), CheckInIT.nonce());
        assertEquals("ADMITTED", onA.getString("verdict"));
        var onB = CheckInIT.scan(Api.bearer(key).on(url(B)), attendee.token(), CheckInIT.nonce());
        assertEquals("ALREADY_CHECKED_IN", onB.getString("verdict"));
    }

    @Test
    @Order(2)
    void anEventPublishedOnOneInstanceIsInTheOthersPublicListAtOnce() throws Exception {
        String title = Fixtures.unique("双实例发布");
        long event = id(Api.as("organiser").post("/api/v1/events", Fixtures.openDay(title, 10).build()).expect(201).json());
        Api.as("organiser").post("/api/v1/events/" + event + "/submit").expect(200);
        String list = "/api/v1/events?q=" + URLEncoder.encode(title, StandardCharsets.UTF_8);
        // B has just answered (and keeps for 5 s) the list without it
        assertEquals(0, Api.anonymous().on(url(B)).get(list).expect(200).json().getInt("total"));
        Api.as("reviewer").on(url(A)).post("/api/v1/events/" + event + "/approve").expect(200);
        long approved = System.nanoTime();
        int total;
        do {
            total = Api.anonymous().on(url(B)).get(list).expect(200).json().getInt("total");
        } while (total == 0 && System.nanoTime() - approved < Duration.ofMillis(1000).toNanos());
        long millis = (System.nanoTime() - approved) / 1_000_000;
        System.out.println("ClusterIT: an event published on A was in B's public list after " + millis + " ms");
        assertEquals(1, total, "B's list shows the event published on A within 1 s (it keeps lists 5 s otherwise)");
    }

    @Test
    @Order(3)
    void aScanOnOneInstanceShowsInTheLiveCounterOfAStationPageOnTheOther() {
        long event = CheckInIT.eventStartingSoon();
        CheckInIT.Attendee attendee = CheckInIT.attendee(event, "双实例计数");
        CheckInIT.attendee(event, "未到者");
        String key = CheckInIT.station(event, "南门").getString("key");
        try (Browser b = new Browser(390, 844)) {
            WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(45));
            b.signInAt(url(B), "organiser", Api.PASSWORD);
            b.driver.get(url(B) + "/organiser/checkin/station.xhtml?event=" + event);
            wait.until(ExpectedConditions.textToBe(By.id("expected"), "2"));
            assertEquals("0", b.find(By.id("checked-in")).getText());

            var onA = CheckInIT.scan(Api.bearer(key).on(url(A)), attendee.token(), CheckInIT.nonce());
            assertEquals("ADMITTED", onA.getString("verdict"));
            long admittedAt = System.nanoTime();
            new WebDriverWait(b.driver, Duration.ofSeconds(2)).until(ExpectedConditions.textToBe(By.id("checked-in"), "1"));
            long followedMillis = (System.nanoTime() - admittedAt) / 1_000_000;
            System.out.println("ClusterIT: a scan on A showed in B's live counter after " + followedMillis + " ms");
            assertTrue(followedMillis <= 2000, "B's counter followed A's scan in " + followedMillis + " ms");
            b.screenshot("cluster-live-counter-on-b");
        }
    }

    @Test
    @Order(4)
    void aReminderDueOnBothInstancesIsSentOnce() throws Exception {
        // a suggestion assigned on Friday 26 September 2025 is due on Thursday 23 October (see SuggestionsIT)
        SuggestionsIT.clock("2025-09-26T08:00:00+08:00");
        long suggestion;
        SuggestionsIT.Handler handler;
        try {
            handler = SuggestionsIT.handler("双实例承办", false);
            long[] meeting = SuggestionsIT.meetingOn26September();
            Api.Citizen author = Api.newCitizen("双实例意见");
            PassesIT.register(author, meeting[0]);
            SuggestionsIT.clock("2025-09-26T09:30:00+08:00");
            suggestion = id(SuggestionsIT.suggest(author.api(), meeting[0], meeting[1], "建议把会议纪要在一周内公开，方便未到场的居民了解。"));
            var assigned = Api.as("organiser").post("/api/v1/suggestions/" + suggestion + "/assign",
                    Json.createObjectBuilder().add("departmentId", handler.departmentId()).build()).expect(200).json();
            assertEquals("2025-10-23", assigned.getString("dueOn"));
        } finally {
            SuggestionsIT.clock(null);
        }
        String subject = String.format("YJ%06d", suggestion) + " 明天到期";
        try {
            // both instances run the reminder job every second (REMINDER_INTERVAL_SECONDS=1) on the day before
            for (int port : new int[]{A, B}) {
                clock(port, "2025-10-22T09:00:00+08:00");
            }
            Mailbox.await(handler.person().email(), subject);
            Thread.sleep(4000);
            assertEquals(1, SuggestionsIT.mails(handler.person().email(), subject),
                    "two instances, eight runs between them: one reminder");
        } finally {
            for (int port : new int[]{A, B}) {
                clock(port, null);
            }
        }
    }

    @Test
    @Order(4)
    void anAccountDeletedOnOneInstanceCannotSignInOnTheOtherAndItsSessionsEnd() {
        Api.Citizen c = Api.newCitizen("双实例注销");
        // B has seen the credentials (and remembers them so it need not hash the password on every call)
        c.api().on(url(B)).get("/api/v1/me").expect(200);
        Api session;
        try (Browser b = new Browser(1280, 900)) {
            b.signInAt(url(B), c.phone(), "secret-pass-1");
            // every cookie the browser holds: a replicated session also has its version cookie (JSESSIONIDVERSION)
            String cookies = b.driver.manage().getCookies().stream().map(k -> k.getName() + "=" + k.getValue())
                    .collect(Collectors.joining("; "));
            session = Api.anonymous().on(url(B)).with("Cookie", cookies);
        }
        session.get("/api/v1/me").expect(200);
        c.api().on(url(A)).post("/api/v1/me/deletion", Json.createObjectBuilder().add("password", "secret-pass-1").build())
                .expect(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int status;
        do {
            status = c.api().on(url(B)).get("/api/v1/me").status();
        } while (status == 200 && System.nanoTime() < deadline);
        assertEquals(401, status, "the deleted account is refused on the other instance too");
        session.get("/api/v1/me").problem(401, "UNAUTHENTICATED");
        session.on(url(A)).get("/api/v1/me").problem(401, "UNAUTHENTICATED");
    }

    @Test
    @Order(4)
    void aRevokedStationAndRotatedPassKeysReachTheOtherInstanceWithinSeconds() throws Exception {
        long event = CheckInIT.eventStartingSoon();
        CheckInIT.Attendee first = CheckInIT.attendee(event, "双实例撤站");
        var door = CheckInIT.station(event, "双实例撤销门");
        String key = door.getString("key");
        // B has seen the station's key and verified a pass (both kept in its memory)
        assertEquals("ADMITTED", CheckInIT.scan(Api.bearer(key).on(url(B)), first.token(), CheckInIT.nonce()).getString("verdict"));
        Api.as("organiser").on(url(A)).post("/api/v1/events/" + event + "/stations/" + id(door) + "/revoke",
                Json.createObjectBuilder().build()).expect(200);
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        int status;
        do {
            status = Api.bearer(key).on(url(B)).post("/api/v1/checkins", Json.createObjectBuilder().add("token", first.token())
                    .add("nonce", CheckInIT.nonce()).build()).status();
        } while (status != 401 && System.nanoTime() < deadline);
        assertEquals(401, status, "the station revoked on A is refused on B within 2 s");

        CheckInIT.Attendee seen = CheckInIT.attendee(event, "双实例旧钥甲");
        CheckInIT.Attendee leaked = CheckInIT.attendee(event, "双实例旧钥乙");
        Api gate = Api.bearer(CheckInIT.station(event, "双实例换钥门").getString("key")).on(url(B));
        assertEquals("ADMITTED", CheckInIT.scan(gate, seen.token(), CheckInIT.nonce()).getString("verdict"));
        String keysPath = "/api/v1/events/" + event + "/verification-key";
        String keysBefore = Api.as("organiser").on(url(B)).get(keysPath).expect(200).json().getJsonArray("keys").toString();
        Api.as("admin").on(url(A)).post("/api/v1/pass-keys/rotate", Json.createObjectBuilder().add("expireOthers", true).build())
                .expect(200);
        long rotated = System.nanoTime();
        deadline = rotated + Duration.ofSeconds(2).toNanos();
        String keysNow;
        do {
            keysNow = Api.as("organiser").on(url(B)).get(keysPath).expect(200).json().getJsonArray("keys").toString();
        } while (keysNow.equals(keysBefore) && System.nanoTime() < deadline);
        System.out.println("ClusterIT: keys rotated on A were known to B after " + (System.nanoTime() - rotated) / 1_000_000 + " ms");
        assertTrue(!keysNow.equals(keysBefore), "B knows the rotated keys within 2 s");
        String verdict = CheckInIT.scan(gate, leaked.token(), CheckInIT.nonce()).getString("verdict");
        assertTrue(verdict.equals("INVALID_SIGNATURE") || verdict.equals("REVOKED"), "a token of the expired key is refused on B: " + verdict);
        String renewed = leaked.citizen().api().on(url(A)).get("/api/v1/registrations/" + leaked.registrationId() + "/pass")
                .expect(200).json().getString("token");
        assertEquals("ADMITTED", CheckInIT.scan(gate, renewed, CheckInIT.nonce()).getString("verdict"), "the re-issued pass works on B");
    }

    static void clock(int port, String now) {
        Api.as("organiser").on(url(port)).put("/api/v1/platform/clock", now == null
                ? Json.createObjectBuilder().addNull("now").build() : Json.createObjectBuilder().add("now", now).build()).expect(200);
    }

    /** Last: it kills the first instance. */
    @Test
    @Order(5)
    void aLoginOnTheFirstInstanceSurvivesItsDeathOnTheSecond() throws Exception {
        try (Browser b = new Browser(1280, 900)) {
            b.signInAt(url(A), "citizen3", Api.PASSWORD);
            WebDriverWait wait = new WebDriverWait(b.driver, Duration.ofSeconds(45));
            // cookies belong to the host, not the port: the same browser session now asks the other instance
            b.driver.get(url(B) + "/me/");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            assertTrue(b.text().contains("陈静怡"), "signed in on the second instance too");
            first.destroyForcibly().waitFor();
            b.driver.get(url(B) + "/me/registrations.xhtml");
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("footer")));
            assertTrue(b.text().contains("陈静怡") && !b.driver.getCurrentUrl().contains("login"),
                    "still signed in after the first instance was killed");
            assertTrue(!reachable(url(A)), "the first instance is gone");
        }
    }

    static boolean reachable(String base) throws InterruptedException {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException refused) {
            return false;
        }
    }
}
