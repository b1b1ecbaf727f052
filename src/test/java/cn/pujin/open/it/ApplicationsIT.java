package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.openDay;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Decision-meeting applications: moderation, the auditable lottery, 公示, replacement by alternates. */
class ApplicationsIT {

    private static final Api ORGANISER = Api.as("organiser");
    private static final String STATEMENT = "我住在加装电梯试点小区，家中有行动不便的老人，希望就推进方案发表意见。";

    private static long meeting(int capacity) {
        return id(Fixtures.published(openDay(unique("决策会议"), 25).add("kind", "DECISION_MEETING").add("capacity", capacity)));
    }

    private static JsonObject application(String category, String organisation, String statement) {
        var b = Json.createObjectBuilder().add("category", category).add("statement", statement);
        if (organisation != null) {
            b.add("organisation", organisation);
        }
        return b.build();
    }

    private static long apply(Api.Citizen c, long meetingId, String category) {
        JsonObject r = c.api().post("/api/v1/events/" + meetingId + "/registrations",
                application(category, "ENTERPRISE".equals(category) ? "浦锦某科技有限公司" : null, STATEMENT)).expect(201).json();
        assertEquals("PENDING", r.getString("status"));
        return id(r);
    }

    /**
     * Through the page, on a phone: the 申请列席 dialog shows what is missing in words next to the fields, then
     * submits; the box shows the application as pending (and never "null"); once approved and selected the
     * person sees the confirmation and the link to their pass.
     */
    @Test
    void aCitizenAppliesThroughTheDialogOnAPhoneAndFollowsItToThePass() {
        String title = unique("对话框申请会议");
        long meetingId = id(Fixtures.published(openDay(title, 25).add("kind", "DECISION_MEETING").add("capacity", 3)));
        Api.Citizen c = Api.newCitizen("对话框申请人");
        String page = "/events/detail.xhtml?id=" + meetingId;
        try (Browser b = new Browser(390, 844)) {
            b.journey("apply-dialog", () -> {
                b.signIn(c.phone(), "secret-pass-1");
                b.open(page);
                b.click(By.id("registration:apply"));
                b.click(By.id("applyForm:submitApplication"));
                b.find(By.cssSelector("#applyForm .ui-message-error"));
                List<String> errors = b.driver.findElements(By.cssSelector("#applyForm .ui-message-error")).stream()
                        .map(e -> e.getText()).toList();
                assertEquals(2, errors.size(), "category and statement, each next to its field: " + errors);
                assertTrue(errors.contains("必填"), errors.toString());
                b.screenshot("apply-1-dialog-validation-phone");
                assertTrue(c.api().get("/api/v1/me/registrations").items().isEmpty(), "nothing stored from an invalid form");

                b.select("applyForm:category", "利益相关方");
                b.type("applyForm:statement", STATEMENT);
                b.click(By.id("applyForm:submitApplication"));
                b.waitForText("申请已提交");
                b.waitForText("待审核");
                assertFalse(b.text().contains("null"), b.text());
                assertTrue(b.driver.findElements(By.cssSelector(".ui-dialog[aria-hidden='false']")).isEmpty(),
                        "the dialog closes once the application is stored");
                b.screenshot("apply-2-pending-phone");
            });
        }
        JsonObject mine = c.api().get("/api/v1/me/registrations").items().getJsonObject(0);
        assertEquals("PENDING", mine.getString("status"));
        assertEquals("STAKEHOLDER", mine.getString("category"));
        assertEquals(STATEMENT, mine.getString("statement"));
        long registration = id(mine);

        ORGANISER.post("/api/v1/registrations/" + registration + "/approve").expect(200);
        ORGANISER.post("/api/v1/events/" + meetingId + "/selection", Json.createObjectBuilder().add("seed", "对话框").build()).expect(200);
        ORGANISER.post("/api/v1/events/" + meetingId + "/selection/publish").expect(200);

        try (Browser b = new Browser(390, 844)) {
            b.journey("apply-dialog-confirmed", () -> {
                b.signIn(c.phone(), "secret-pass-1");
                b.open(page);
                b.waitForText("已报名");
                b.click(By.id("passLink"));
                b.waitForUrl("/me/passes.xhtml");
                b.waitForText(title);
                b.find(By.cssSelector("img.pass-qr"));
                b.screenshot("apply-3-pass-phone");
            });
        }
    }

    @Test
    void applicationsAreValidatedAndModeratedWithReasons() {
        long meetingId = meeting(3);
        Api.Citizen c = Api.newCitizen("申请人");
        String path = "/api/v1/events/" + meetingId + "/registrations";
        assertEquals(List.of("statement"), c.api().post(path, application("RESIDENT", null, "太短了")).errorFields());
        assertEquals(List.of("statement"), c.api().post(path, application("RESIDENT", null, "长".repeat(1001))).errorFields());
        assertEquals(List.of("organisation"), c.api().post(path, application("ENTERPRISE", null, STATEMENT)).errorFields());
        assertEquals(List.of("category"), c.api().post(path, application("ALIEN", null, STATEMENT)).errorFields());
        assertEquals(List.of("category", "statement"), c.api().post(path, Json.createObjectBuilder().build()).errorFields());

        long a = apply(c, meetingId, "RESIDENT");
        long b = apply(Api.newCitizen("乙"), meetingId, "ENTERPRISE");
        long d = apply(Api.newCitizen("丙"), meetingId, "STAKEHOLDER");
        c.api().post("/api/v1/registrations/" + a + "/approve").problem(403, "FORBIDDEN");
        Api.Response noReason = ORGANISER.post("/api/v1/registrations/" + b + "/reject", Json.createObjectBuilder().build());
        noReason.problem(400, "VALIDATION_FAILED");
        assertEquals(List.of("reason"), noReason.errorFields());
        assertEquals("APPROVED", ORGANISER.post("/api/v1/registrations/" + a + "/approve").expect(200).json().getString("status"));
        ORGANISER.post("/api/v1/registrations/" + a + "/approve").problem(409, "INVALID_TRANSITION");

        JsonArray outcomes = ORGANISER.post("/api/v1/registrations/decisions", Json.createObjectBuilder()
                .add("ids", Json.createArrayBuilder().add(b).add(d).add(a)).add("action", "REJECT")
                .add("reason", "与议题无直接关系").build()).expect(200).jsonArray();
        assertEquals(3, outcomes.size());
        assertTrue(outcomes.getJsonObject(0).getBoolean("done"));
        assertEquals("与议题无直接关系", c.api().get("/api/v1/registrations/" + a).json().getString("decisionReason"));
        ORGANISER.post("/api/v1/registrations/decisions", Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(b))
                .add("action", "REJECT").build()).problem(400, "VALIDATION_FAILED");
        ORGANISER.post("/api/v1/registrations/decisions", Json.createObjectBuilder().add("ids", Json.createArrayBuilder().add(b))
                .add("action", "MAYBE").build()).problem(400, "VALIDATION_FAILED");
    }

    @Test
    void selectionFillsMinimumsByLotteryReproduciblyAndIsPublishedMasked() throws Exception {
        long meetingId = id(Fixtures.published(openDay(unique("决策会议"), 25).add("kind", "DECISION_MEETING").add("capacity", 3),
                Json.createObjectBuilder().add("seats", 3).add("minimums", Json.createObjectBuilder().add("ENTERPRISE", 1))
                        .add("stakeholdersFirst", true).add("alternates", 2).build()));
        List<Long> ids = new ArrayList<>();
        Map<Long, String> categories = new HashMap<>();
        Api.Citizen enterprise = Api.newCitizen("企业代表");
        long enterpriseId = apply(enterprise, meetingId, "ENTERPRISE");
        ids.add(enterpriseId);
        categories.put(enterpriseId, "ENTERPRISE");
        List<Api.Citizen> residents = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Api.Citizen r = Api.newCitizen("居民" + i);
            residents.add(r);
            long id = apply(r, meetingId, i < 2 ? "STAKEHOLDER" : "RESIDENT");
            ids.add(id);
            categories.put(id, i < 2 ? "STAKEHOLDER" : "RESIDENT");
        }
        for (long id : ids) {
            ORGANISER.post("/api/v1/registrations/" + id + "/approve").expect(200);
        }
        String rulePath = "/api/v1/events/" + meetingId + "/selection-rule";
        assertEquals(List.of("seats"), ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 0).build()).errorFields());
        assertEquals(List.of("minimums.WIZARD"), ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 3)
                .add("minimums", Json.createObjectBuilder().add("WIZARD", 1)).build()).errorFields());
        assertEquals(List.of("minimums"), ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 2)
                .add("minimums", Json.createObjectBuilder().add("RESIDENT", 2).add("ENTERPRISE", 1)).build()).errorFields());
        ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 3).build()).problem(409, "SELECTION_LOCKED");

        String path = "/api/v1/events/" + meetingId + "/selection";
        for (JsonValue bad : List.of(Json.createValue(""), Json.createValue("x".repeat(65)), Json.createValue(1.5),
                Json.createObjectBuilder().build(), JsonValue.TRUE)) {
            assertEquals(List.of("seed"), ORGANISER.post(path, Json.createObjectBuilder().add("seed", bad).build()).errorFields(),
                    bad.toString());
        }
        Api.anonymous().get(path).problem(404, "NOT_FOUND");
        JsonObject first = ORGANISER.post(path, Json.createObjectBuilder().add("seed", "20260801-浦锦").build()).expect(200).json();
        JsonObject again = ORGANISER.post(path, Json.createObjectBuilder().add("seed", "20260801-浦锦").build()).expect(200).json();
        assertEquals(first.getJsonArray("selected"), again.getJsonArray("selected"), "same seed, same input, same result");
        assertEquals(first.getJsonArray("alternates"), again.getJsonArray("alternates"));
        assertEquals(sha256(ids.stream().sorted().map(String::valueOf).collect(Collectors.joining(","))), first.getString("inputHash"));
        assertFalse(first.getBoolean("published"));

        List<Long> selected = first.getJsonArray("selected").stream().map(s -> s.asJsonObject().getJsonNumber("registrationId").longValue()).toList();
        List<Long> alternates = first.getJsonArray("alternates").stream().map(s -> s.asJsonObject().getJsonNumber("registrationId").longValue()).toList();
        assertTrue(selected.contains(enterpriseId), "the ENTERPRISE minimum is met");
        assertEquals(3, selected.size());
        assertEquals(2, alternates.size());
        assertEquals(rerun("20260801-浦锦", ids, categories, 3, Map.of("ENTERPRISE", 1), true, 2), List.of(selected, alternates),
                "anyone can re-run it from the published seed, rule and input");

        assertEquals(List.of("reason"), ORGANISER.post(path, Json.createObjectBuilder().add("seed", 42).build()).errorFields(),
                "every run after the first says why");
        JsonObject numeric = ORGANISER.post(path, Json.createObjectBuilder().add("seed", 42).add("reason", "试一个数字种子").build())
                .expect(200).json();
        assertEquals("42", numeric.getString("seed"));
        ORGANISER.post(path, Json.createObjectBuilder().add("seed", "20260801-浦锦").add("reason", "回到当众确定的种子").build()).expect(200);

        JsonObject published = ORGANISER.post(path + "/publish").expect(200).json();
        assertTrue(published.getBoolean("published"));
        Api.Response gongshi = Api.anonymous().get(path).expect(200);
        assertFalse(gongshi.body().contains(enterprise.phone()), "phone numbers are never public");
        assertTrue(gongshi.body().contains("企**表"), gongshi.body());
        assertEquals("20260801-浦锦", gongshi.json().getString("seed"));
        assertEquals(1, gongshi.json().getJsonObject("rule").getJsonObject("minimums").getInt("ENTERPRISE"));
        ORGANISER.post(path, Json.createObjectBuilder().add("seed", "another").build()).problem(409, "SELECTION_PUBLISHED");
        assertEquals(first.getJsonArray("selected").size(),
                ORGANISER.post(path, Json.createObjectBuilder().add("seed", "20260801-浦锦").build()).expect(200).json()
                        .getJsonArray("selected").size());
        ORGANISER.put(rulePath, Json.createObjectBuilder().add("seats", 2).build()).problem(409, "SELECTION_LOCKED");
        assertEquals(List.of("首次运行", "试一个数字种子", "回到当众确定的种子"), gongshi.json().getJsonArray("runs").stream()
                .map(r -> r.asJsonObject().containsKey("reason") ? r.asJsonObject().getString("reason") : "首次运行").toList(),
                "every run before publication is listed with its reason");

        assertTrue(Mailbox.calendarPart(Mailbox.await(enterprise.email(), "入选列席代表")).contains("METHOD:REQUEST"));
        long replaced = selected.get(0);
        Api.Citizen holder = residents.stream().filter(r -> !r.api().get("/api/v1/me/registrations").items().stream()
                .filter(x -> x.asJsonObject().getJsonNumber("id").longValue() == replaced).toList().isEmpty())
                .findFirst().orElse(enterprise);
        holder.api().post("/api/v1/registrations/" + replaced + "/cancel").expect(200);
        JsonObject after = Api.anonymous().get(path).json();
        JsonObject firstAlternate = after.getJsonArray("alternates").getJsonObject(0);
        assertEquals(alternates.get(0).longValue(), firstAlternate.getJsonNumber("registrationId").longValue());
        assertEquals("CONFIRMED", firstAlternate.getString("status"), "the first alternate replaces a cancelled representative");
        assertEquals("CANCELLED", after.getJsonArray("selected").getJsonObject(0).getString("status"));
        assertEquals(1, after.getJsonArray("alternates").stream()
                .filter(a -> "WAITLISTED".equals(a.asJsonObject().getString("status"))).count());
    }

    @Test
    void onlyMeetingsSelect() {
        long openDay = id(Fixtures.published(openDay(unique("开放日"), 12)));
        ORGANISER.post("/api/v1/events/" + openDay + "/selection", Json.createObjectBuilder().add("seed", "x").build())
                .problem(409, "NOT_A_MEETING");
        long meetingId = meeting(2);
        ORGANISER.post("/api/v1/events/" + meetingId + "/selection", Json.createObjectBuilder().add("seed", "x").build())
                .problem(409, "NO_APPROVED_APPLICATIONS");
        ORGANISER.post("/api/v1/events/" + meetingId + "/selection/publish").problem(409, "NO_SELECTION");
        Api.as("citizen1").post("/api/v1/events/" + meetingId + "/selection", Json.createObjectBuilder().add("seed", "x").build())
                .problem(403, "FORBIDDEN");
    }

    /** The documented algorithm, written again independently of the server's code. */
    static List<List<Long>> rerun(String seed, List<Long> approved, Map<Long, String> categories, int seats,
                                  Map<String, Integer> minimums, boolean stakeholdersFirst, int alternates) throws Exception {
        List<Long> order = approved.stream().sorted(Comparator.comparing((Long id) -> sha256(seed + ":" + id)).thenComparing(id -> id)).toList();
        List<Long> selected = new ArrayList<>();
        for (String category : List.of("RESIDENT", "STAKEHOLDER", "ENTERPRISE", "EXPERT", "OTHER")) {
            int need = minimums.getOrDefault(category, 0);
            for (Long id : order) {
                if (need == 0 || selected.size() == seats) {
                    break;
                }
                if (categories.get(id).equals(category) && !selected.contains(id)) {
                    selected.add(id);
                    need--;
                }
            }
        }
        List<Long> rest = new ArrayList<>(order.stream().filter(id -> !selected.contains(id)).toList());
        if (stakeholdersFirst) {
            rest.sort(Comparator.comparingInt(id -> categories.get(id).equals("STAKEHOLDER") ? 0 : 1));
        }
        while (selected.size() < seats && !rest.isEmpty()) {
            selected.add(rest.remove(0));
        }
        return List.of(selected, rest.subList(0, Math.min(alternates, rest.size())));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
