package cn.pujin.open.it;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class OperationsIT {

    @Test
    void healthAndOpenApiAreServed() {
        Api.Response health = Api.anonymous().get("/health").expect(200);
        assertTrue(health.body().contains("\"UP\""), health.body());
        assertTrue(Api.anonymous().get("/health/ready").expect(200).body().contains("database"));
        Api.Response openapi = Api.anonymous().get("/openapi").expect(200);
        assertTrue(openapi.body().contains("url: /api/v1"), openapi.body());
        assertTrue(openapi.body().contains("/events/{id}/submit"), "OpenAPI lists the event endpoints");
        assertTrue(openapi.body().contains("/accounts"));
    }

    @Test
    void startUpLogNamesTheDatabaseAndTheMigrations() throws Exception {
        TestApp.get();
        String log = Files.readString(TestApp.logOf("app"));
        assertTrue(log.matches("(?s).*浦锦开放 database: PostgreSQL [0-9.]+ .*; \\d+ migration\\(s\\) applied now, schema version \\d+.*"),
                "start-up log line missing");
    }
}
