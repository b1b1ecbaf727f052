package cn.pujin.open.it;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a 4xx problem+json naming the field — never a 500, never a stack trace. */
class BadInputIT {

    private static final Api ORGANISER = Api.as("organiser");

    private static Api.Response postEvent(String json) {
        return ORGANISER.raw("POST", "/api/v1/events", "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static void noTrace(Api.Response r) {
        assertNotEquals(500, r.status(), r.body());
        assertFalse(r.body().contains("Exception"), r.body());
        assertFalse(r.body().contains("\tat "), r.body());
    }

    @Test
    void malformedAndTruncatedJson() {
        for (String body : List.of("{", "{\"kind\":", "[1,2]", "\"text\"", "{\"kind\":\"OPEN_DAY\",}", "nul")) {
            Api.Response r = postEvent(body);
            noTrace(r);
            r.problem(400, "MALFORMED_JSON");
        }
    }

    @Test
    void wrongTypesAndUnknownEnumValuesNameTheField() {
        String base = openDay(unique("类型"), 10).build().toString();
        assertEquals(List.of("capacity"), postEvent(base.replace("\"capacity\":40", "\"capacity\":\"abc\"")).errorFields());
        assertEquals(List.of("capacity"), postEvent(base.replace("\"capacity\":40", "\"capacity\":{\"a\":1}")).errorFields());
        Api.Response kind = postEvent(base.replace("\"OPEN_DAY\"", "\"PARTY\""));
        kind.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("kind"), kind.errorFields());
        assertEquals(List.of("mode"), postEvent(base.replace("\"OFFLINE\"", "42")).errorFields());
        Api.Response date = postEvent(base.replaceFirst("\"startsAt\":\"[^\"]+\"", "\"startsAt\":\"2025-02-30T10:00:00+08:00\""));
        noTrace(date);
        assertEquals(400, date.status());
        assertEquals(List.of("startsAt"), date.errorFields());
    }

    @Test
    void missingFieldsAndRuleViolations() {
        Api.Response empty = postEvent("{}");
        empty.problem(400, "VALIDATION_FAILED");
        assertTrue(empty.errorFields().containsAll(List.of("kind", "title", "mode", "startsAt", "endsAt", "capacity")), empty.body());
        ORGANISER.raw("POST", "/api/v1/events", "application/json", new byte[0]).problem(400, "VALIDATION_FAILED");

        String base = openDay(unique("规则"), 10).build().toString();
        JsonObject o = Fixtures.openDay("x", 10).build();
        Api.Response endBeforeStart = postEvent(base.replace(o.getString("endsAt"), "2000-01-01T00:00:00+08:00")
                .replace("\"endsAt\":\"" + Fixtures.openDay("x", 10).build().getString("endsAt") + "\"", "\"endsAt\":\"2000-01-01T00:00:00+08:00\""));
        endBeforeStart.problem(400, "VALIDATION_FAILED");
        assertTrue(endBeforeStart.errorFields().contains("endsAt"), endBeforeStart.body());
        assertEquals(List.of("capacity"), postEvent(base.replace("\"capacity\":40", "\"capacity\":-5")).errorFields());
        assertEquals(List.of("capacity"), postEvent(base.replace("\"capacity\":40", "\"capacity\":99999999999")).errorFields());
        assertEquals(List.of("venue"), postEvent(base.replace("\"venue\":\"浦锦街道城运中心\"", "\"venue\":\" \"")).errorFields());
        assertEquals(List.of("onlineUrl"), postEvent(base.replace("\"OFFLINE\"", "\"HYBRID\"")).errorFields());
        assertEquals(List.of("title"), postEvent(base.replaceFirst("\"title\":\"[^\"]+\"", "\"title\":\"" + "长".repeat(121) + "\"")).errorFields());
    }

    @Test
    void oversizedBodiesAreRefusedWith413() {
        byte[] big = new byte[1024 * 1024 + 10];
        Arrays.fill(big, (byte) 'a');
        ORGANISER.raw("POST", "/api/v1/events", "application/json", big).problem(413, "PAYLOAD_TOO_LARGE");
        Api.anonymous().raw("POST", "/api/v1/accounts", "application/json", big).problem(413, "PAYLOAD_TOO_LARGE");
        byte[] tenMegabytes = new byte[10 * 1024 * 1024];
        Arrays.fill(tenMegabytes, (byte) ' ');
        ORGANISER.raw("POST", "/api/v1/events", "application/json", tenMegabytes).problem(413, "PAYLOAD_TOO_LARGE");
        ORGANISER.chunked("POST", "/api/v1/events", "application/json", big).problem(413, "PAYLOAD_TOO_LARGE");
        Api.anonymous().get("/api/v1/events").expect(200);
    }

    @Test
    void invalidUtf8AndDeepNestingAndWrongContentType() {
        byte[] latin1 = "{\"title\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        ORGANISER.raw("POST", "/api/v1/events", "application/json", latin1).problem(400, "MALFORMED_JSON");
        String deep = "{\"a\":".repeat(200) + "1" + "}".repeat(200);
        noTrace(postEvent(deep));
        postEvent(deep).problem(400, "MALFORMED_JSON");
        ORGANISER.raw("POST", "/api/v1/events", "text/plain", "hello".getBytes(StandardCharsets.UTF_8))
                .problem(415, "UNSUPPORTED_MEDIA_TYPE");
        ORGANISER.raw("PATCH", "/api/v1/events/1", "application/json", "{}".getBytes(StandardCharsets.UTF_8))
                .problem(405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void unknownIdsAndPathsAre404() {
        Api.anonymous().get("/api/v1/events/999999999").problem(404, "NOT_FOUND");
        Api.anonymous().get("/api/v1/events/abc").problem(404, "NOT_FOUND");
        Api.anonymous().get("/api/v1/events/1%2e%2e%2fetc").problem(404, "NOT_FOUND");
        Api.anonymous().get("/api/v1/events/-1").problem(404, "NOT_FOUND");
        Api.anonymous().get("/api/v1/no-such-thing").problem(404, "NOT_FOUND");
        ORGANISER.post("/api/v1/events/999999999/submit").problem(404, "NOT_FOUND");
        ORGANISER.put("/api/v1/events/999999999", openDay("x", 3).add("version", 0).build()).problem(404, "NOT_FOUND");
    }

    @Test
    void englishDetailsOnRequest() {
        Api.Response r = Api.anonymous().get("/api/v1/events/999999999", "Accept-Language", "en");
        assertEquals("No such record", r.problem(404, "NOT_FOUND").getString("detail"));
        assertEquals("未找到该记录", Api.anonymous().get("/api/v1/events/999999999").json().getString("detail"));
    }
}
