package cn.pujin.open.it;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import jakarta.json.Json;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * README's run command, started as pom.xml defines it: its zero-setup default starts the WAR on an embedded H2 file
 * database, migrates it, loads the demo data, and a restart keeps the data (no second migration, no second demo load).
 * While it runs, nothing listens but what must (one start serves both, to keep the suite short): exactly one TCP port,
 * the HTTP port it was given, and a Hazelcast client — the data grid Payara ships — finds nobody to connect to. (With
 * only {@code --nocluster}, as before, the same JVM also listened on *:6900 with the cluster name {@code development},
 * and a client could read and write the web sessions.) It shares nothing with the other tests, so it runs beside them
 * (once the shared app is up, not to slow its start down).
 */
@Execution(ExecutionMode.CONCURRENT)
class H2DefaultIT {

    /** The data grid's usual ports: Hazelcast's own default, Payara Server's and Payara Micro's start ports. */
    static final List<Integer> GRID_PORTS = List.of(5701, 5900, 6900);

    @Test
    void startsMigratesSeedsKeepsDataAcrossRestartsAndListensOnItsHttpPortOnly() throws Exception {
        TestApp.get();
        Path dir = Path.of(System.getProperty("it.workdir", "target/it"), "h2-" + System.nanoTime());
        Files.createDirectories(dir);
        int port = Integer.getInteger("it.port", 18080) + 1;
        Map<String, String> env = new HashMap<>(TestApp.h2Environment(dir));
        // as in production: the public address is https, so the session cookie is Secure and redirects go there
        env.put("PUBLIC_URL", "https://open.pujin.example.cn");
        Path outbox = dir.toAbsolutePath().resolve("outbox");

        String first = runOnce(RunCommand.start(port, env, "h2-first"), port, "h2-first", outbox);
        assertTrue(first.contains("浦锦开放 database: H2 "), "H2 named in the log");
        assertTrue(first.matches("(?s).*\\b[1-9]\\d* migration\\(s\\) applied now.*"), "migrations ran on H2");
        assertTrue(first.contains("demo data loaded"));

        String second = runOnce(TestApp.launch(port, env, "h2-second", List.of("--nohazelcast"), TestApp.SHORT_LIVED), port, "h2-second", null);
        assertTrue(second.contains("0 migration(s) applied now"), "a restart does not migrate again");
        assertTrue(second.contains("demo data already present"), "a restart keeps the data");
    }

    private static void listensOnItsHttpPortOnly(Process app, int port) throws Exception {
        List<ListeningSockets.Socket> sockets = ListeningSockets.of(app.pid());
        assertEquals(1, sockets.size(), "exactly one listening TCP port: " + sockets);
        assertEquals(port, sockets.get(0).port(), "the HTTP port given to the run command: " + sockets);

        var http = HttpClient.newHttpClient();
        var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.discarding());
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly"), "PUBLIC_URL is https: " + cookie);
        var me = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/me/")).build(),
                HttpResponse.BodyHandlers.discarding());
        assertTrue(me.headers().firstValue("Location").orElse("").startsWith("https://open.pujin.example.cn/login.xhtml"),
                "redirects go to PUBLIC_URL: " + me.headers().map());

        for (String cluster : List.of("development", "dev", "pujin-open")) {
            assertThrows(IllegalStateException.class, () -> refused(cluster, "127.0.0.1", GRID_PORTS),
                    "a Hazelcast client connected to the run command's JVM as cluster " + cluster);
        }
    }

    /**
     * A Hazelcast client of the cluster {@code name} on the given ports of {@code host}; it gives up after three seconds
     * with {@link IllegalStateException}. On success it is shut down at once and the method returns.
     */
    static void connect(String name, String host, List<Integer> ports) {
        connect(name, host, ports, 3_000);
    }

    /** A connection that must fail gives up after a second: a refusal needs no longer. */
    static void refused(String name, String host, List<Integer> ports) {
        connect(name, host, ports, 1_000);
    }

    private static void connect(String name, String host, List<Integer> ports, int timeoutMillis) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(name);
        config.setProperty("hazelcast.logging.type", "none");
        ports.forEach(p -> config.getNetworkConfig().addAddress(host + ":" + p));
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(timeoutMillis);
        var client = HazelcastClient.newHazelcastClient(config);
        assertTrue(client.getLifecycleService().isRunning());
        client.shutdown();
    }

    /** Without MAIL_HOST the confirmation lands as an .eml file (with its calendar invitation). */
    private static void registrationIsMailedToTheOutboxFolder(String base, Path outbox) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("citizen1:Demo#2026".getBytes());
        HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events?kind=OPEN_DAY&from=" + LocalDate.now())).build(),
                HttpResponse.BodyHandlers.ofString());
        long eventId = Json.createReader(new StringReader(list.body())).readObject()
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        // the demo data's own notices are in the folder too (answers to suggestions, the selection's invitations): only
        // what arrives after this registration counts
        java.util.Set<Path> before = new java.util.HashSet<>();
        if (Files.isDirectory(outbox)) {
            try (var files = Files.list(outbox)) {
                files.forEach(before::add);
            }
        }
        HttpResponse<String> registered = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/" + eventId + "/registrations"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(registered.statusCode() == 201, registered.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(outbox)) {
                try (var files = Files.list(outbox)) {
                    for (Path eml : files.filter(f -> f.toString().endsWith(".eml") && !before.contains(f)).toList()) {
                        String content = Files.readString(eml, StandardCharsets.ISO_8859_1);
                        if (content.contains("text/calendar; charset=UTF-8; method=REQUEST")) {
                            assertTrue(content.contains("To: citizen1@pujin.example.cn"), content);
                            return;
                        }
                    }
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no .eml file in " + outbox);
    }

    private static String runOnce(Process p, int port, String name, Path outbox) throws Exception {
        try {
            String base = "http://localhost:" + port;
            TestApp.awaitReady(base, p, TestApp.logOf(name));
            HttpResponse<String> events = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base + "/api/v1/events?from=2000-01-01")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(events.body().contains("走进浦锦街道城运中心"), "demo events are served: " + events.body());
            HttpResponse<String> home = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(home.body().contains("近期开放活动"), "the home page renders");
            if (outbox != null) {
                registrationIsMailedToTheOutboxFolder(base, outbox);
                listensOnItsHttpPortOnly(p, port);
            }
            return Files.readString(TestApp.logOf(name));
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
