package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A data-driven corpus of bad input across the public and authenticated endpoints: malformed and truncated JSON,
 * wrong types, nulls, empty strings, 10 MB bodies, deep nesting, unknown fields, invalid UTF-8, overlong strings,
 * SQL and HTML/JS injection, impossible dates, negative and huge numbers, path traversal in ids and file names,
 * wrong content types. For every case: no 5xx; every error is problem+json with a stable upper-case code and no
 * stack trace; a rejected request stores nothing (row counts of the table it writes are unchanged). Injected HTML
 * that is accepted as text never comes back unescaped on a page.
 */
class BadInputCorpusIT {

    static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"[A-Z][A-Z0-9_]+\"");
    static final String SQL = "' OR '1'='1'; DROP TABLE account; --";
    static final String SCRIPT = "<script>alert('x')</script><img src=x onerror=alert(1)>";

    /**
     * One request of the corpus. {@code state} is a query of what an accepted request would change (a row count, the
     * edited row): it must read the same after a rejection. {@code mayBeValid}: hostile but well-formed input that the
     * field accepts as text (SQL, markup, a blank optional field, an unknown field ignored); every other case must be
     * refused with 4xx.
     */
    record Case(String name, Supplier<Api> caller, String method, String path, String contentType, byte[] body, String state,
                boolean mayBeValid) {
        Case(String name, Supplier<Api> caller, String method, String path, String contentType, byte[] body, String state) {
            this(name, caller, method, path, contentType, body, state, false);
        }
    }

    static long event;
    static long meeting;
    static long item;
    static long suggestion;
    static long majorDecision;
    static JsonObject consultation;
    static long message;
    static Api.Citizen citizen;
    static Api station;

    @BeforeAll
    static void fixtures() throws Exception {
        Api organiser = Api.as("organiser");
        OffsetDateTime start = OffsetDateTime.now(Fixtures.SHANGHAI).plusHours(1).withNano(0);
        event = id(organiser.post("/api/v1/events", Fixtures.openDay(unique("坏输入"), 0)
                .add("startsAt", start.toString()).add("endsAt", start.plusHours(2).toString()).build()).expect(201).json());
        item = id(organiser.post("/api/v1/events/" + event + "/agenda-items",
                Json.createObjectBuilder().add("title", "议题").add("summary", "说明").build()).expect(201).json());
        organiser.post("/api/v1/events/" + event + "/submit").expect(200);
        Api.as("reviewer").post("/api/v1/events/" + event + "/approve").expect(200);
        meeting = id(Fixtures.published(Fixtures.openDay(unique("坏输入会议"), 20).add("kind", "DECISION_MEETING").add("capacity", 5)));
        citizen = Api.newCitizen("坏输入测试");
        PassesIT.register(citizen, event);
        station = Api.bearer(CheckInIT.station(event, "坏输入入口").getString("key"));
        SuggestionsIT.clock(start.plusMinutes(30).toString());
        suggestion = id(SuggestionsIT.suggest(citizen.api(), event, item, "正常的一条意见，用来测试评分和附件。"));
        majorDecision = id(MajorDecisionsIT.draft(unique("坏输入决策事项")));
        consultation = ConsultationsIT.published(ConsultationsIT.draft(unique("坏输入征求意见"), 3));
        message = id(MessagesIT.message(citizen.api(), "坏输入测试用的一条留言", null, false));
    }

    @AfterAll
    static void resetClock() {
        SuggestionsIT.clock(null);
        Api.as("organiser").put("/api/v1/platform/outbox", Json.createObjectBuilder().add("paused", false).build()).expect(200);
    }

    // ---- the corpus ----

    static List<Case> corpus() {
        List<Case> cases = new ArrayList<>();
        Supplier<Api> anonymousFromNewAddress = () -> Api.anonymous().from(Api.randomAddress());
        Supplier<Api> organiser = () -> Api.as("organiser");
        Supplier<Api> admin = () -> Api.as("admin");
        Supplier<Api> me = citizen::api;

        body(cases, "sign-up", anonymousFromNewAddress, "POST", "/api/v1/accounts", "select count(*) from account", Json.createObjectBuilder()
                .add("phone", "13912345678").add("code", "000000").add("displayName", "王小明").add("password", "secret-pass-1")
                .add("consent", true).add("email", "wang@example.cn").build(), true);
        body(cases, "verification-code", anonymousFromNewAddress, "POST", "/api/v1/accounts/verification-codes",
                "select count(*) from verification_code", Json.createObjectBuilder().add("phone", Api.randomPhone())
                        .add("purpose", "PASSWORD_RESET").build(), false);
        body(cases, "password-reset", anonymousFromNewAddress, "POST", "/api/v1/accounts/password-reset",
                "select password_hash from account where id = " + citizen.id(), Json.createObjectBuilder().add("phone", citizen.phone())
                        .add("code", "000000").add("password", "new-secret-pass-9").build(), false);
        body(cases, "event", organiser, "POST", "/api/v1/events", "select count(*) from event",
                Fixtures.openDay("坏输入活动", 30).add("registrationOpensAt", OffsetDateTime.now(Fixtures.SHANGHAI).toString()).build(), true);
        body(cases, "event-edit", organiser, "PUT", "/api/v1/events/" + event, "select version from event where id = " + event,
                Fixtures.openDay("坏输入活动改", 30).add("version", 0).build(), false);
        body(cases, "agenda-item", organiser, "POST", "/api/v1/events/" + event + "/agenda-items", "select count(*) from agenda_item",
                Json.createObjectBuilder().add("title", "议题").add("summary", "说明").build(), false);
        body(cases, "outbox", organiser, "PUT", "/api/v1/platform/outbox", null,
                Json.createObjectBuilder().add("paused", false).build(), false);
        body(cases, "application", me, "POST", "/api/v1/events/" + meeting + "/registrations", "select count(*) from registration",
                Json.createObjectBuilder().add("category", "ENTERPRISE").add("organisation", "浦锦某公司")
                        .add("statement", "我关心老旧小区加装电梯的费用分摊方案，希望列席。").build(), false);
        body(cases, "suggestion", me, "POST", "/api/v1/events/" + event + "/suggestions", "select count(*) from suggestion",
                Json.createObjectBuilder().add("agendaItemId", item).add("text", "建议在活动现场增加无障碍通道指引。").build(), false);
        body(cases, "rating", me, "POST", "/api/v1/suggestions/" + suggestion + "/rate", "select rating, rated_at from suggestion where id = " + suggestion,
                Json.createObjectBuilder().add("stars", 4).add("comment", "答复清楚").build(), false);
        body(cases, "selection-rule", organiser, "PUT", "/api/v1/events/" + meeting + "/selection-rule", "select * from selection_rule where event_id = " + meeting,
                Json.createObjectBuilder().add("seats", 3).add("minimums", Json.createObjectBuilder().add("ENTERPRISE", 1))
                        .add("stakeholdersFirst", true).add("alternates", 2).build(), false);
        body(cases, "objection", me, "POST", "/api/v1/events/" + SelectionPagesIT.demoMeeting() + "/selection/objections",
                "select count(*) from selection_objection", Json.createObjectBuilder().add("text", "请说明抽签种子是如何确定的。").build(), false);
        body(cases, "nomination", me, "POST", "/api/v1/representatives/nominations", "select count(*) from nomination",
                PoolNominationsIT.nomination("SELF", null, null), false);
        body(cases, "major-decision", organiser, "POST", "/api/v1/major-decisions", "select count(*) from major_decision",
                MajorDecisionsIT.item(unique("坏输入决策")).build(), false);
        body(cases, "major-decision-edit", organiser, "PUT", "/api/v1/major-decisions/" + majorDecision,
                "select version from major_decision where id = " + majorDecision,
                MajorDecisionsIT.item("坏输入决策改").add("version", 0).build(), false);
        body(cases, "major-decision-step", organiser, "POST", "/api/v1/major-decisions/" + majorDecision + "/steps",
                "select count(*) from major_decision_step", MajorDecisionsIT.step("EXPERT_ARGUMENT").build(), false);
        body(cases, "consultation", organiser, "POST", "/api/v1/consultations", "select count(*) from consultation",
                ConsultationsIT.draft(unique("坏输入草案"), 5).build(), false);
        body(cases, "consultation-comment", me, "POST", "/api/v1/consultations/" + id(consultation) + "/comments",
                "select count(*) from consultation_comment", Json.createObjectBuilder()
                        .add("paragraphId", ConsultationsIT.paragraph(consultation, 2)).add("text", "第二条建议补充夜间施工时段。").build(), false);
        body(cases, "message", me, "POST", "/api/v1/messages", "select count(*) from message",
                Json.createObjectBuilder().add("kind", "SUGGESTION").add("text", "建议在社区增设共享单车停放点。").add("public", true).build(), false);
        body(cases, "message-extend", organiser, "POST", "/api/v1/messages/" + message + "/extend",
                "select count(*) from message where extended_at is not null", Json.createObjectBuilder()
                        .add("dueOn", "2031-06-03").add("reason", "需要多个部门共同研究后答复").build(), false);
        body(cases, "message-acknowledge", organiser, "POST", "/api/v1/messages/" + message + "/acknowledge",
                "select count(*) from message where acknowledgement is not null",
                Json.createObjectBuilder().add("text", "您的留言已收到，我们会尽快答复。").build(), false);
        body(cases, "topics", me, "PUT", "/api/v1/me/topics", "select count(*) from topic_subscription",
                Json.createObjectBuilder().add("topicIds", Json.createArrayBuilder()).build(), false);
        body(cases, "department", admin, "POST", "/api/v1/departments", "select count(*) from department",
                Json.createObjectBuilder().add("name", "坏输入部门").build(), false);
        body(cases, "calendar-year", admin, "PUT", "/api/v1/calendar/years/2039", "select * from calendar_year where year_number = 2039",
                Json.createObjectBuilder().add("year", 2039).add("holidays", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("name", "元旦").add("from", "2039-01-03").add("to", "2039-01-03"))).add("workdays", Json.createArrayBuilder()).build(), false);
        body(cases, "check-in", () -> station, "POST", "/api/v1/checkins", "select count(*) from checkin",
                Json.createObjectBuilder().add("token", "AAAA.BBBB").add("nonce", "0f4b5d1c-0f7e-4b8e-9a61-0d1f6b0b2c11").build(), false);
        body(cases, "email", me, "PUT", "/api/v1/me/email", "select email_cipher from account where id = " + citizen.id(),
                Json.createObjectBuilder().add("email", "someone@example.cn").build(), false);

        // ids and query parameters
        for (String path : List.of("/api/v1/events/..%2F..%2Fetc%2Fpasswd", "/api/v1/events/1%3Bdrop%20table%20event",
                "/api/v1/events/99999999999999999999999", "/api/v1/events/-1", "/api/v1/events/abc", "/api/v1/events/%00",
                "/api/v1/registrations/'%20OR%201=1", "/api/v1/suggestions/1e3", "/api/v1/events/1.5",
                "/api/v1/events/%2e%2e/%2e%2e/accounts", "/api/v1/events/abc/poster.pdf", "/api/v1/events/-1/poster.png",
                "/api/v1/events/1/poster.gif", "/api/v1/events?from=2025-02-30", "/api/v1/events?from=yesterday",
                "/api/v1/events?page=-1", "/api/v1/events?size=0", "/api/v1/events?size=100000",
                "/api/v1/events?page=99999999999999999999", "/api/v1/events?kind=PARTY", "/api/v1/events?kind=%3Cscript%3E",
                "/api/v1/events?q=%27%20OR%201%3D1%20--", "/api/v1/stats?year=abc", "/api/v1/stats?year=99999",
                "/api/v1/feedback?event=abc", "/api/v1/calendar/working-days?from=2025-02-30",
                "/api/v1/calendar/working-days?from=2026-01-01&to=2036-01-01", "/api/v1/calendar/years/20261",
                "/api/v1/calendar.ics?kind=%3Cx%3E", "/api/v1/open/feed.atom?page=-5",
                // the edges of java.time: parsing succeeds, adding a day or a year overflows
                "/api/v1/calendar/working-days?from=%2B999999999-12-31&add=3650", "/api/v1/calendar/working-days?from=-999999999-01-01&add=1",
                "/api/v1/calendar/working-days?from=9999-12-31&add=3650", "/api/v1/events?from=%2B999999999-12-31",
                "/api/v1/events?from=-999999999-01-01", "/api/v1/events?from=9999-12-31T23:59:59%2B18:00&to=%2B999999999-12-31",
                "/api/v1/events?to=0000-01-01", "/api/v1/stats?year=-2147483648", "/api/v1/stats?year=2147483647",
                "/api/v1/feedback?event=9223372036854775807", "/api/v1/events/9223372036854775808",
                "/api/v1/major-decisions?year=abc", "/api/v1/major-decisions?year=1999", "/api/v1/major-decisions/abc",
                "/api/v1/major-decisions/-1", "/api/v1/major-decisions/catalogue.pdf?year=abc",
                "/api/v1/major-decisions/catalogue.xlsx?year=3000", "/api/v1/consultations?status=FOO",
                "/api/v1/consultations/abc", "/api/v1/consultations/-1/report", "/api/v1/consultations/1e3/comments",
                "/api/v1/messages/public?topic=abc", "/api/v1/messages/public?size=0", "/api/v1/messages/similar?text=",
                "/api/v1/messages/similar?text=" + "x".repeat(2001), "/api/v1/messages/abc", "/api/v1/messages/-1",
                "/api/v1/faq?q=" + "x".repeat(300), "/api/v1/faq?status=FOO", "/api/v1/faq?topic=abc", "/api/v1/faq/abc",
                "/api/v1/investigations?status=FOO", "/api/v1/investigations/abc")) {
            // a search for hostile text is a search; a parameter the endpoint does not have is ignored
            cases.add(new Case("GET " + path, Api::anonymous, "GET", path, null, null, null,
                    path.contains("?q=") || path.endsWith("feed.atom?page=-5")));
        }
        for (String path : List.of("/api/v1/audit?from=2025-02-30", "/api/v1/audit?entityId=abc", "/api/v1/audit?size=-1",
                "/api/v1/suggestions?status=FOO", "/api/v1/suggestions?department=x", "/api/v1/events/" + event + "/registrations?status=NOPE",
                "/api/v1/events/" + event + "/registrations/export.exe", "/api/v1/representatives?category=%27")) {
            cases.add(new Case("GET " + path, admin, "GET", path, null, null, null, path.contains("/representatives?category=")));
        }
        // file names and file contents of uploads
        byte[] png = png();
        for (String name : List.of("..%2F..%2F..%2Fetc%2Fpasswd", "%00.png", "a%2Fb%5Cc.png", "%3Cscript%3E.png", "x".repeat(600) + ".png")) {
            // a real image under a hostile name is stored under a clean one (the test below checks which)
            cases.add(new Case("attachment name " + name, me, "POST", "/api/v1/suggestions/" + suggestion + "/attachments?name=" + name,
                    "image/png", png, "select count(*) from suggestion_attachment", true));
        }
        cases.add(new Case("attachment: text as png", me, "POST", "/api/v1/suggestions/" + suggestion + "/attachments?name=a.png",
                "image/png", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8), "select count(*) from suggestion_attachment"));
        cases.add(new Case("attachment: empty", me, "POST", "/api/v1/suggestions/" + suggestion + "/attachments?name=a.png",
                "image/png", new byte[0], "select count(*) from suggestion_attachment"));
        return cases;
    }

    /** Every body-level and field-level variant of one JSON endpoint. */
    static void body(List<Case> cases, String name, Supplier<Api> caller, String method, String path, String table,
                     JsonObject valid, boolean huge) {
        String json = valid.toString();
        for (String bad : List.of("{", "{\"a\":", "[]", "\"text\"", "nul", "{\"a\":1,}", "{'single':'quotes'}", "",
                json.substring(0, json.length() / 2), "[".repeat(100_000), "{\"a\":".repeat(20_000))) {
            cases.add(new Case(name + " malformed " + abbreviate(bad), caller, method, path, "application/json", utf8(bad), table));
        }
        cases.add(new Case(name + " invalid UTF-8", caller, method, path, "application/json", invalidUtf8(json), table));
        cases.add(new Case(name + " text/plain", caller, method, path, "text/plain", utf8(json), table));
        cases.add(new Case(name + " xml", caller, method, path, "application/xml", utf8("<event><title>x</title></event>"), table));
        cases.add(new Case(name + " form", caller, method, path, "application/x-www-form-urlencoded", utf8("title=x"), table));
        cases.add(new Case(name + " unknown field", caller, method, path, "application/json",
                utf8(with(valid, "unexpectedField", Json.createValue("x")).toString()), table, true));
        if (huge) {
            byte[] tenMegabytes = new byte[10 * 1024 * 1024];
            Arrays.fill(tenMegabytes, (byte) ' ');
            tenMegabytes[0] = '{';
            tenMegabytes[tenMegabytes.length - 1] = '}';
            cases.add(new Case(name + " 10 MB", caller, method, path, "application/json", tenMegabytes, table));
        }
        for (Map.Entry<String, JsonValue> field : valid.entrySet()) {
            String f = field.getKey();
            List<JsonValue> variants = new ArrayList<>(List.of(JsonValue.NULL, Json.createValue(""), JsonValue.EMPTY_JSON_ARRAY,
                    JsonValue.EMPTY_JSON_OBJECT,
                    // past Parsson's 1,100 characters a number cannot become a BigDecimal (it was a 500 with a stack trace)
                    Json.createValue(new BigInteger("9".repeat(1_200))),
                    Json.createValue(new BigDecimal("1" + "0".repeat(1_200) + ".5"))));
            JsonValue v = field.getValue();
            if (v instanceof JsonString s) {
                variants.add(Json.createValue(12345));
                variants.add(Json.createValue("长".repeat(100_000)));
                variants.add(Json.createValue(SQL));
                variants.add(Json.createValue(SCRIPT));
                if (s.getString().matches("\\d{4}-\\d{2}-\\d{2}.*")) {
                    variants.add(Json.createValue("2025-02-30T10:00:00+08:00"));
                    variants.add(Json.createValue("2025-02-30"));
                    variants.add(Json.createValue("2025-13-01T25:61:00+08:00"));
                    variants.add(Json.createValue("yesterday"));
                }
            } else if (v instanceof JsonNumber) {
                variants.add(Json.createValue("abc"));
                variants.add(Json.createValue(-1));
                variants.add(Json.createValue(2147483648L));
                variants.add(Json.createValue(new BigDecimal("1e308")));
                variants.add(Json.createValue(new BigInteger("99999999999999999999999999")));
                variants.add(Json.createValue(1.5));
            } else if (v == JsonValue.TRUE || v == JsonValue.FALSE) {
                variants.add(Json.createValue("yes"));
                variants.add(Json.createValue(1));
            }
            for (JsonValue variant : variants) {
                // hostile but well-formed: text that is only text, a blank optional field, an empty list or map where one
                // is expected
                boolean text = variant == JsonValue.NULL || variant.equals(Json.createValue("")) || variant.equals(Json.createValue(SQL))
                        || variant.equals(Json.createValue(SCRIPT)) || (variant.getValueType() == v.getValueType()
                        && (variant.equals(JsonValue.EMPTY_JSON_ARRAY) || variant.equals(JsonValue.EMPTY_JSON_OBJECT)));
                cases.add(new Case(name + " " + f + "=" + abbreviate(variant.toString()), caller, method, path, "application/json",
                        utf8(with(valid, f, variant).toString()), table, text));
            }
        }
    }

    static JsonObject with(JsonObject o, String field, JsonValue value) {
        JsonObjectBuilder b = Json.createObjectBuilder(o);
        b.add(field, value);
        return b.build();
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] invalidUtf8(String json) {
        int quote = json.indexOf(":\"") + 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] bytes = utf8(json);
        out.write(bytes, 0, quote);
        out.write(new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, 0, 4);
        out.write(bytes, quote, bytes.length - quote);
        return out.toByteArray();
    }

    static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }

    static byte[] png() {
        try {
            return SuggestionsIT.png();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the checks ----

    /** What the query reads now, every column of every row, as one string. */
    static String snapshot(String query) throws Exception {
        try (Connection c = TestApp.get().db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            StringBuilder out = new StringBuilder();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    out.append(rs.getString(i)).append('|');
                }
                out.append('\n');
            }
            return out.toString();
        }
    }

    /** One case: never a 5xx; refused with problem+json and a code, without a stack trace, having stored nothing. */
    static void check(Case c, List<String> wrong, java.util.concurrent.atomic.AtomicInteger rejected) {
        try {
            String before = c.state() == null ? null : snapshot(c.state());
            Api api = c.caller().get();
            Api.Response r = c.body() == null ? api.get(c.path()) : api.raw(c.method(), c.path(), c.contentType(), c.body());
            if (r.status() >= 500) {
                wrong.add(c.name() + ": " + r.status() + " " + abbreviate(r.body()));
                return;
            }
            if (r.status() < 400) {
                if (!c.mayBeValid()) {
                    wrong.add(c.name() + ": accepted with " + r.status() + " " + abbreviate(r.body()));
                } else if (c.name().startsWith("attachment name")) {
                    String stored = r.json().getString("fileName");
                    if (stored.contains("/") || stored.contains("\\") || stored.contains("..") || stored.contains("\u0000")) {
                        wrong.add(c.name() + ": stored as " + stored);
                    }
                }
                return;
            }
            rejected.incrementAndGet();
            if (c.path().contains("%00") && r.status() == 400 && r.body().isEmpty()) {
                return; // refused by the HTTP layer (Grizzly) before the application sees it: no body at all
            }
            if (!r.contentType().startsWith("application/problem+json") || !CODE.matcher(r.body()).find()) {
                wrong.add(c.name() + ": " + r.status() + " is not problem+json with a code: " + r.contentType() + " " + abbreviate(r.body()));
            }
            if (r.body().contains("Exception") || r.body().contains("\tat ")) {
                wrong.add(c.name() + ": stack trace in the answer");
            }
            if (c.state() != null && !snapshot(c.state()).equals(before)) {
                wrong.add(c.name() + ": rejected with " + r.status() + " but it changed what " + c.state() + " reads");
            }
        } catch (Exception e) {
            wrong.add(c.name() + ": " + e);
        }
    }

    @Test
    void noCaseIsA500AndEveryBadInputIsRefusedWithAProblemThatStoresNothing() throws Exception {
        List<Case> cases = corpus();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicInteger rejected = new java.util.concurrent.atomic.AtomicInteger();
        // cases that read the same state run one after the other, in order (one that may be accepted changes it); the
        // groups run on three threads
        Map<String, List<Case>> groups = new java.util.LinkedHashMap<>();
        for (Case c : cases) {
            // everything on the events goes in one line: an accepted agenda item or photo changes the event's version
            String key = c.path().startsWith("/api/v1/events/") ? "events" : c.state() == null ? "none" + groups.size() : c.state();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(c);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            List<java.util.concurrent.Future<?>> running = new ArrayList<>();
            for (List<Case> group : groups.values()) {
                running.add(pool.submit(() -> group.forEach(c -> check(c, wrong, rejected))));
            }
            for (java.util.concurrent.Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        System.out.printf("bad-input corpus: %d cases, %d rejected with problem+json, %d accepted%n", cases.size(), rejected.get(),
                cases.size() - rejected.get());
        assertTrue(cases.size() >= 200, "at least 200 cases: " + cases.size());
        assertTrue(wrong.isEmpty(), wrong.size() + " of " + cases.size() + " cases went wrong:\n" + String.join("\n", wrong));
    }

    @Test
    void injectedHtmlAcceptedAsTextIsEscapedOnEveryPageThatShowsIt() {
        JsonObject draft = Fixtures.openDay("开放日" + SCRIPT, 12).add("summary", "摘要" + SCRIPT).add("venue", "会场" + SCRIPT).build();
        long id = id(Api.as("organiser").post("/api/v1/events", draft).expect(201).json());
        Api.as("organiser").post("/api/v1/events/" + id + "/submit").expect(200);
        Api.as("reviewer").post("/api/v1/events/" + id + "/approve").expect(200);
        for (String page : List.of("/events/detail.xhtml?id=" + id, "/events/", "/", "/open/")) {
            String html = Api.anonymous().get(page).expect(200).body();
            assertFalse(html.contains("<script>alert('x')</script>"), page + " shows the script unescaped");
            assertFalse(html.contains("<img src=x onerror"), page + " shows the image tag unescaped");
        }
        String detail = Api.anonymous().get("/events/detail.xhtml?id=" + id).body();
        assertTrue(detail.contains("&lt;script&gt;"), "the title is shown, escaped");
        String ics = Api.anonymous().get("/api/v1/events/" + id + "/calendar.ics").expect(200).body();
        assertTrue(ics.contains("SUMMARY:开放日<script>"), "a calendar is plain text: the title stays as typed");
    }
}
