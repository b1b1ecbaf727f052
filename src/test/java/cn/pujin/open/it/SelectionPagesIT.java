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
        List<String> names = List.of("申请人赵甲", "申请人钱乙", "申请人孙丙", "申请人李丁");
        // two browsers for the whole story (starting one costs more than a page): staff at a desk, people on a phone
        try (Browser organiser = new Browser(1280, 900); Browser phone = new Browser(390, 844)) {
            organiser.journey("selection-commit", () -> {
                organiser.signIn("organiser", Api.PASSWORD);
                organiser.open("/organiser/selection.xhtml?event=" + meeting);
                organiser.type("rule:seats_input", "2");
                organiser.type("rule:alternates_input", "1");
                organiser.click(By.id("rule:addBalance"));
                organiser.find(By.cssSelector(".balance-line input[type=text]")).sendKeys("浦锦一居委");
                organiser.click(By.xpath("//label[contains(., '秘密种子（先公布其 SHA-256 承诺）')]"));
                organiser.type("rule:secretSeed", secret);
                organiser.click(By.id("rule:saveRule"));
                organiser.waitForText("已保存");
                organiser.screenshot("selection-commitment");
            });
            assertEquals(sha256(secret), organiser.find(By.id("commitment")).getText(), "only the SHA-256 of the secret seed is kept and shown");
            assertFalse(organiser.text().contains(secret), "the secret seed itself is never shown");
            JsonObject rule = Api.as("organiser").get("/api/v1/events/" + meeting + "/selection-rule").expect(200).json();
            assertEquals("浦锦一居委", rule.getJsonArray("balance").getJsonObject(0).getString("value"), "the balance line is kept");
            Api.as("organiser").post("/api/v1/events/" + meeting + "/submit").expect(200);
            Api.as("reviewer").post("/api/v1/events/" + meeting + "/approve").expect(200);

            Api.Citizen viaDialog = Api.newCitizen("申请人周戊");
            phone.journey("selection-apply-declared", () -> {
                phone.signIn(viaDialog.phone(), "secret-pass-1");
                phone.open("/events/detail.xhtml?id=" + meeting);
                phone.click(By.id("registration:apply"));
                phone.select("applyForm:category", "居民");
                phone.type("applyForm:statement", "我是附近小区的居民，希望就会议议题发表意见并列席旁听。");
                phone.click(By.cssSelector("#applyForm details.declared summary"));
                phone.type("applyForm:community", "浦锦三居委");
                phone.click(By.id("applyForm:submitApplication"));
                phone.waitForText("申请已提交");
                phone.signOut();
            });
            long late = id(viaDialog.api().get("/api/v1/me/registrations").items().getJsonObject(0));
            Api.Citizen objector = null;
            for (int i = 0; i < names.size(); i++) {
                Api.Citizen c = Api.newCitizen(names.get(i));
                objector = objector == null ? c : objector;
                long application = id(c.api().post("/api/v1/events/" + meeting + "/registrations", Json.createObjectBuilder()
                        .add("category", "RESIDENT").add("community", i % 2 == 0 ? "浦锦一居委" : "浦锦二居委")
                        .add("statement", "我是附近小区的居民，希望就会议议题发表意见并列席旁听。").build()).expect(201).json());
                Api.as("organiser").post("/api/v1/registrations/" + application + "/approve").expect(200);
            }

            organiser.journey("selection-publish", () -> {
                organiser.open("/organiser/selection.xhtml?event=" + meeting);
                organiser.find(By.id("lockedNotice"));
                assertTrue(organiser.driver.findElements(By.id("rule:saveRule")).isEmpty(), "the rule cannot be saved once applications opened");
                organiser.type("run:seed", "猜一个别的种子");
                organiser.click(By.id("run:runSelection"));
                organiser.waitForText("不一致");
                organiser.type("run:seed", secret);
                organiser.click(By.id("run:runSelection"));
                organiser.waitForText("遴选完成");
                Api.as("organiser").post("/api/v1/registrations/" + late + "/approve").expect(200);
                organiser.click(By.id("run:runSelection"));
                organiser.waitForText("重新运行遴选须说明原因");
                organiser.type("run:runReason", "补充审核通过一份申请");
                organiser.click(By.id("run:runSelection"));
                organiser.waitForText("补充审核通过一份申请");
                organiser.click(By.id("run:publish"));
                organiser.click(By.cssSelector(".ui-confirmdialog-yes"));
                organiser.find(By.cssSelector("a[href*='/events/selection.xhtml?id=" + meeting + "']"));
                organiser.screenshot("selection-published-organiser");
            });

            phone.journey("selection-verify", () -> {
                phone.open("/events/detail.xhtml?id=" + meeting);
                phone.click(By.cssSelector("a[href*='/events/selection.xhtml?id=" + meeting + "']"));
                phone.waitForText(secret);
                String page = phone.text();
                for (String name : names) {
                    assertFalse(page.contains(name), "no full name on the public 公示: " + name);
                }
                assertTrue(page.contains("首次运行") && page.contains("补充审核通过一份申请"), "both runs are listed with the reason");
                phone.click(By.cssSelector("details.input-list summary"));
                phone.waitForText("浦锦三居委");
                phone.screenshot("selection-public-phone");
                phone.click(By.id("verifyLink"));
                assertEquals("结果一致", verdict(phone));
                phone.screenshot("selection-verify-match-phone");
                WebElement firstId = phone.find(By.cssSelector("#inputRows .input-id"));
                firstId.clear();
                firstId.sendKeys("999999");
                phone.click(By.id("verifyAgain"));
                phone.waitUntil(() -> "mismatch".equals(phone.find(By.id("verdict")).getAttribute("data-result")));
                assertEquals("结果不一致", phone.find(By.id("verdict")).getText());
                phone.driver.navigate().refresh();
                assertEquals("结果一致", verdict(phone), "the published data itself still verifies");
            });

            Api.Citizen citizen = objector;
            phone.journey("selection-object", () -> {
                phone.signIn(citizen.phone(), "secret-pass-1");
                phone.open("/events/selection.xhtml?id=" + meeting);
                phone.type("objection:text", "入选代表之一并不在本街道居住，请核实其资格。");
                phone.click(By.id("objection:submitObjection"));
                phone.waitForText("异议已提交");
                phone.screenshot("selection-objection-sent-phone");
                phone.signOut();
            });

            organiser.journey("selection-objection-answer", () -> {
                organiser.open("/organiser/selection.xhtml?event=" + meeting);
                var section = organiser.find(By.cssSelector("#objections section.objection"));
                section.findElement(By.xpath(".//button[contains(., '答复')]")).click();
                organiser.waitForText("请为异议");
                section = organiser.find(By.cssSelector("#objections section.objection"));
                new Select(section.findElements(By.tagName("select")).get(0)).selectByIndex(1);
                new Select(section.findElements(By.tagName("select")).get(1)).selectByValue("ADOPTED");
                section.findElement(By.tagName("textarea")).sendKeys("经核实，该代表已迁出本街道，不符合列席条件，取消其入选资格。");
                section.findElement(By.xpath(".//button[contains(., '答复')]")).click();
                organiser.waitForText("已答复，待审查公开");
                organiser.signOut();
            });
            organiser.journey("selection-objection-review", () -> {
                organiser.signIn("reviewer", Api.PASSWORD);
                organiser.open("/review/objections.xhtml");
                organiser.click(By.xpath("//article[contains(., '请核实其资格')]//button[contains(., '通过')]"));
                organiser.click(By.cssSelector(".ui-confirmdialog-yes"));
                organiser.waitForText("没有待审查的异议答复");
                organiser.signOut();
            });
            JsonObject before = Api.anonymous().get("/api/v1/events/" + meeting + "/selection").expect(200).json();
            organiser.journey("selection-revise", () -> {
                organiser.signIn("organiser", Api.PASSWORD);
                organiser.open("/organiser/selection.xhtml?event=" + meeting);
                organiser.click(By.xpath("//button[contains(., '据此调整结果')]"));
                organiser.click(By.cssSelector(".ui-confirmdialog-yes"));
                organiser.waitForText("遴选结果已调整并重新公示");
                organiser.screenshot("selection-revised-organiser");
            });
            JsonObject after = Api.anonymous().get("/api/v1/events/" + meeting + "/selection").expect(200).json();
            assertEquals(1, after.getInt("revision"));
            JsonObject revision = after.getJsonArray("revisions").getJsonObject(0);
            assertEquals(before.getJsonArray("alternates").getJsonObject(0).getJsonNumber("registrationId").longValue(),
                    revision.getJsonNumber("promotedId").longValue(), "the first alternate moves up");

            phone.journey("selection-revised-public", () -> {
                phone.open("/events/selection.xhtml?id=" + meeting);
                phone.waitForText("结果调整记录");
                phone.waitForText("经核实，该代表已迁出本街道");
                phone.waitForText("异议成立，已取消");
                phone.screenshot("selection-revised-public-phone");
                phone.click(By.id("verifyLink"));
                assertEquals("结果一致", verdict(phone), "the recorded change is part of what is verified");
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
