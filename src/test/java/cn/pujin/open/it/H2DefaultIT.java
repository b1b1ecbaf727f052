package cn.pujin.open.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
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
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pujin") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
        env.put("DEMO_DATA", "true");
        env.put("CONFIG_DIR", Path.of("config").toAbsolutePath().toString());

        String first = runOnce(port, env, "h2-first");
        assertTrue(first.contains("浦锦开放 database: H2 "), "H2 named in the log");
        assertTrue(first.matches("(?s).*\\b[1-9]\\d* migration\\(s\\) applied now.*"), "migrations ran on H2");
        assertTrue(first.contains("demo data loaded"));

        String second = runOnce(port, env, "h2-second");
        assertTrue(second.contains("0 migration(s) applied now"), "a restart does not migrate again");
        assertTrue(second.contains("demo data already present"), "a restart keeps the data");
    }

    private static String runOnce(int port, Map<String, String> env, String name) throws Exception {
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
            return Files.readString(TestApp.logOf(name));
        } finally {
            p.destroy();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }
}
