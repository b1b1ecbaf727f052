package cn.pujin.open.it;

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
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The run command's zero-setup default: the WAR starts on an embedded H2 file database, migrates it,
 * loads the demo data, and a restart keeps the data (no second migration, no second demo load).
 */
class H2DefaultIT {

    @Test
    void startsMigratesSeedsAndKeepsDataAcrossRestarts() throws Exception {
        Path dir = Path.of(System.getProperty("it.workdir", "target/it"), "h2-" + System.nanoTime());
        Files.createDirectories(dir);
        int port = Integer.getInteger("it.port", 18080) + 1;
        Map<String, String> env = TestApp.h2Environment(dir);
        Path outbox = dir.toAbsolutePath().resolve("outbox");

        String first = runOnce(port, env, "h2-first", outbox);
        assertTrue(first.contains("浦锦开放 database: H2 "), "H2 named in the log");
        assertTrue(first.matches("(?s).*\\b[1-9]\\d* migration\\(s\\) applied now.*"), "migrations ran on H2");
        assertTrue(first.contains("demo data loaded"));

        String second = runOnce(port, env, "h2-second", null);
        assertTrue(second.contains("0 migration(s) applied now"), "a restart does not migrate again");
        assertTrue(second.contains("demo data already present"), "a restart keeps the data");
    }

    /** Without MAIL_HOST the confirmation lands as an .eml file (with its calendar invitation). */
    private static void registrationIsMailedToTheOutboxFolder(String base, Path outbox) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        String auth = "Basic " + Base64.getEncoder().encodeToString("citizen1:Demo#2026".getBytes());
        HttpResponse<String> list = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events?kind=OPEN_DAY&from=" + LocalDate.now())).build(),
                HttpResponse.BodyHandlers.ofString());
        long eventId = Json.createReader(new StringReader(list.body())).readObject()
                .getJsonArray("items").getJsonObject(0).getJsonNumber("id").longValue();
        HttpResponse<String> registered = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events/" + eventId + "/registrations"))
                .header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(registered.statusCode() == 201, registered.body());
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(outbox)) {
                try (var files = Files.list(outbox)) {
                    // the demo data's own notices (answers to suggestions) are in the folder too: find the invitation
                    for (Path eml : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
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

    private static String runOnce(int port, Map<String, String> env, String name, Path outbox) throws Exception {
        Process p = TestApp.launch(port, env, name);
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
