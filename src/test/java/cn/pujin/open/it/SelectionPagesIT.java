package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A selection anyone can check, through its pages: the organiser commits to a secret seed while the meeting is a
 * draft (/organiser/selection.xhtml shows only its SHA-256), draws with it once applications are in (a wrong seed is
 * refused) and publishes the 公示; anyone finds it from the meeting's page, reads masked names and the input list, and
 * on the 核验 page sees "结果一致" — and "结果不一致" once they change one input; a citizen objects on the 公示, the
 * organiser answers, a reviewer publishes the answer, the organiser turns it into a revision (the alternate moves up)
 * and the re-published 公示 still verifies.
 */
class SelectionPagesIT {

    static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSelectionIsCommittedDrawnPublishedVerifiedObjectedToAndRevisedOnItsPages() throws Exception {
        long meeting = id(Api.as("organiser").post("/api/v1/events", Fixtures.openDay(unique("公示页面会议"), 25)
                .add("kind", "DECISION_MEETING").add("capacity", 5).build()).expect(201).json());
        String secret = "浦锦-" + unique("秘密");
        try (Browser organiser = new Browser(1280, 900)) {
            organiser.journey("selection-commit", () -> {
                organiser.signIn("organiser", Api.PASSWORD);
                organiser.open("/organiser/selection.xhtml?event=" + meeting);
                organiser.type("rule:seats_input", "2");
                organiser.type("rule:alternates_input", "1");
                organiser.click(By.xpath("//label[contains(., '秘密种子（先公布其 SHA-256 承诺）')]"));
                organiser.type("rule:secretSeed", secret);
                organiser.click(By.id("rule:saveRule"));
                organiser.waitForText("已保存");
                organiser.screenshot("selection-commitment");
            });
            String commitment = organiser.find(By.id("commitment")).getText();
            assertEquals(sha256(secret), commitment, "only the SHA-256 of the secret seed is kept and shown");
            assertFalse(organiser.text().contains(secret), "the secret seed itself is never shown");
        }
        Api.as("organiser").post("/api/v1/events/" + meeting + "/submit").expect(200);
        Api.as("reviewer").post("/api/v1/events/" + meeting + "/approve").expect(200);
        List<String> names = List.of("申请人赵甲", "申请人钱乙", "申请人孙丙", "申请人李丁");
        Api.Citizen objector = null;
        for (int i = 0; i < names.size(); i++) {
            Api.Citizen c = Api.newCitizen(names.get(i));
            objector = objector == null ? c : objector;
            long application = id(c.api().post("/api/v1/events/" + meeting + "/registrations", Json.createObjectBuilder()
                    .add("category", "RESIDENT").add("community", i % 2 == 0 ? "浦锦一居委" : "浦锦二居委")
                    .add("statement", "我是附近小区的居民，希望就会议议题发表意见并列席旁听。").build()).expect(201).json());
            Api.as("organiser").post("/api/v1/registrations/" + application + "/approve").expect(200);
        }
        try (Browser organiser = new Browser(1280, 900)) {
            organiser.journey("selection-publish", () -> {
                organiser.signIn("organiser", Api.PASSWORD);
                organiser.open("/organiser/selection.xhtml?event=" + meeting);
                organiser.find(By.id("lockedNotice"));
                assertTrue(organiser.driver.findElements(By.id("rule:saveRule")).isEmpty(), "the rule cannot be saved once applications opened");
                organiser.type("run:seed", "猜一个别的种子");
                organiser.click(By.id("run:runSelection"));
                organiser.waitForText("不一致");
                organiser.type("run:seed", secret);
                organiser.click(By.id("run:runSelection"));
                organiser.waitForText("遴选完成");
                organiser.click(By.id("run:publish"));
                organiser.click(By.cssSelector(".ui-confirmdialog-yes"));
                organiser.find(By.cssSelector("a[href*='/events/selection.xhtml?id=" + meeting + "']"));
                organiser.screenshot("selection-published-organiser");
            });
        }
        try (Browser anyone = new Browser(390, 844)) {
            anyone.journey("selection-verify", () -> {
                anyone.open("/events/detail.xhtml?id=" + meeting);
                anyone.click(By.cssSelector("a[href*='/events/selection.xhtml?id=" + meeting + "']"));
                anyone.waitForText(secret);
                String page = anyone.text();
                for (String name : names) {
                    assertFalse(page.contains(name), "no full name on the public 公示: " + name);
                }
                assertTrue(page.contains("首次运行"), "the run is listed");
                anyone.screenshot("selection-public-phone");
                anyone.click(By.id("verifyLink"));
                assertEquals("结果一致", verdict(anyone));
                anyone.screenshot("selection-verify-match-phone");
                WebElement firstId = anyone.find(By.cssSelector("#inputRows .input-id"));
                firstId.clear();
                firstId.sendKeys("999999");
                anyone.click(By.id("verifyAgain"));
                anyone.waitUntil(() -> "mismatch".equals(anyone.find(By.id("verdict")).getAttribute("data-result")));
                assertEquals("结果不一致", anyone.find(By.id("verdict")).getText());
                anyone.screenshot("selection-verify-tampered-phone");
            });
        }
        Api.Citizen citizen = objector;
        try (Browser b = new Browser(390, 844)) {
            b.journey("selection-object", () -> {
                b.signIn(citizen.phone(), "secret-pass-1");
                b.open("/events/selection.xhtml?id=" + meeting);
                b.type("objection:text", "入选代表之一并不在本街道居住，请核实其资格。");
                b.click(By.id("objection:submitObjection"));
                b.waitForText("异议已提交");
                b.screenshot("selection-objection-sent-phone");
            });
        }
        try (Browser organiser = new Browser(1280, 900)) {
            organiser.journey("selection-objection-answer", () -> {
                organiser.signIn("organiser", Api.PASSWORD);
                organiser.open("/organiser/selection.xhtml?event=" + meeting);
                WebElement section = organiser.find(By.cssSelector("#objections section.objection"));
                new Select(section.findElements(By.tagName("select")).get(1)).selectByValue("ADOPTED");
                section.findElement(By.tagName("textarea")).sendKeys("经核实，该代表已迁出本街道，不符合列席条件，取消其入选资格。");
                section.findElement(By.xpath(".//button[contains(., '答复')]")).click();
                organiser.waitForText("已答复，待审查公开");
            });
        }
        try (Browser reviewer = new Browser(1280, 900)) {
            reviewer.journey("selection-objection-review", () -> {
                reviewer.signIn("reviewer", Api.PASSWORD);
                reviewer.open("/review/objections.xhtml");
                reviewer.click(By.xpath("//article[contains(., '请核实其资格')]//button[contains(., '" + "通过" + "')]"));
                reviewer.click(By.cssSelector(".ui-confirmdialog-yes"));
                reviewer.waitForText("没有待审查的异议答复");
            });
        }
        JsonObject before = Api.anonymous().get("/api/v1/events/" + meeting + "/selection").expect(200).json();
        try (Browser organiser = new Browser(1280, 900)) {
            organiser.journey("selection-revise", () -> {
                organiser.signIn("organiser", Api.PASSWORD);
                organiser.open("/organiser/selection.xhtml?event=" + meeting);
                organiser.click(By.xpath("//button[contains(., '据此调整结果')]"));
                organiser.click(By.cssSelector(".ui-confirmdialog-yes"));
                organiser.waitForText("遴选结果已调整并重新公示");
                organiser.screenshot("selection-revised-organiser");
            });
        }
        JsonObject after = Api.anonymous().get("/api/v1/events/" + meeting + "/selection").expect(200).json();
        assertEquals(1, after.getInt("revision"));
        JsonObject revision = after.getJsonArray("revisions").getJsonObject(0);
        assertEquals(before.getJsonArray("alternates").getJsonObject(0).getJsonNumber("registrationId").longValue(),
                revision.getJsonNumber("promotedId").longValue(), "the first alternate moves up");
        try (Browser anyone = new Browser(1280, 900)) {
            anyone.journey("selection-revised-public", () -> {
                anyone.open("/events/selection.xhtml?id=" + meeting);
                anyone.waitForText("结果调整记录");
                anyone.waitForText("经核实，该代表已迁出本街道");
                anyone.screenshot("selection-revised-public");
                anyone.click(By.id("verifyLink"));
                assertEquals("结果一致", verdict(anyone), "the recorded change is part of what is verified");
                anyone.screenshot("selection-verify-revised");
            });
        }
    }

    /** The demo's meeting whose 公示 is published and in its objection period. */
    static long demoMeeting() {
        return Api.anonymous().get("/api/v1/events?size=100").items().stream().map(e -> e.asJsonObject())
                .filter(e -> e.getString("title").equals("街道主任办公会议：老旧小区加装电梯推进方案")).findFirst()
                .map(Fixtures::id).orElseThrow();
    }

    private static String verdict(Browser b) {
        b.waitUntil(() -> b.find(By.id("verdict")).getAttribute("data-result") != null);
        return b.find(By.id("verdict")).getText();
    }
}
