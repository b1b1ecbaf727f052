package cn.pujin.open.it;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two organisers at two doors, in real browsers: a USB scanner (keyboard input + Enter) admits a pass at
 * the first; the second's live counter follows within 2 seconds; the same pass at the second door is a
 * duplicate. The station page also verifies passes offline with WebCrypto Ed25519.
 */
class CheckInStationJourneyIT {

    @Test
    void scannerAdmitsThenDuplicateAndCountersFollowLive() {
        String title = unique("签到点浏览器测试");
        long eventId = Fixtures.id(Fixtures.published(Fixtures.startingSoon(title).add("capacity", 3)));
        CheckInIT.Attendee a = CheckInIT.attendee(eventId, "扫码欧阳娜");
        CheckInIT.attendee(eventId, "未到者");
        CheckInIT.Attendee c = CheckInIT.attendee(eventId, "离线者");
        PassesIT.register(Api.newCitizen("候补宋"), eventId);
        CheckInIT.station(eventId, "东门");
        String page = "/organiser/checkin/station.xhtml?event=" + eventId;
        try (Browser east = new Browser(1280, 900); Browser west = new Browser(390, 844)) {
            east.journey("checkin-east", () -> {
                east.signIn("organiser", Api.PASSWORD);
                east.open(page);
                east.waitForText(title);
                west.signIn("organiser", Api.PASSWORD);
                west.open(page);
                WebDriverWait westWait = new WebDriverWait(west.driver, Duration.ofSeconds(10));
                westWait.until(ExpectedConditions.textToBe(By.id("expected"), "3"));
                assertEquals("0", west.find(By.id("checked-in")).getText());

                // choose the station 东门 at the east door, then "scan" with a keyboard-wedge scanner
                east.find(By.xpath("//select[@id='station-select']/option[.='东门']")).click();
                east.find(By.id("scan-input")).sendKeys(a.token() + Keys.ENTER);
                east.waitForText("签到成功");
                assertTrue(east.find(By.id("verdict")).getText().contains("扫***娜"), east.find(By.id("verdict")).getText());
                assertTrue(east.find(By.id("recent")).getText().contains("签到成功"));
                assertTrue(east.driver.switchTo().activeElement().getAttribute("id").equals("scan-input"), "the field keeps focus");
                east.screenshot("checkin-1-admitted");

                long admittedAt = System.nanoTime();
                new WebDriverWait(west.driver, Duration.ofSeconds(2)).until(ExpectedConditions.textToBe(By.id("checked-in"), "1"));
                long followedMillis = (System.nanoTime() - admittedAt) / 1_000_000;
                assertTrue(followedMillis <= 2000, "live counter followed in " + followedMillis + " ms");

                west.find(By.id("scan-input")).sendKeys(a.token() + Keys.ENTER);
                west.waitForText("已签到过");
                assertTrue(west.find(By.id("verdict")).getText().contains("东门"), "shows where the first scan was");
                west.screenshot("checkin-2-duplicate-phone");

                // manual search finds the other person by a character of the masked name
                west.find(By.id("manual-q")).sendKeys("未" + Keys.ENTER);
                west.waitForText("确认入场");
                west.click(By.xpath("//ul[@id='manual-results']//button"));
                west.waitForText("签到成功");
                new WebDriverWait(east.driver, Duration.ofSeconds(2)).until(ExpectedConditions.textToBe(By.id("checked-in"), "2"));

                // a waitlisted person is found and the page says why they cannot come in
                west.find(By.id("manual-q")).clear();
                west.find(By.id("manual-q")).sendKeys("宋" + Keys.ENTER);
                west.waitForText("候补中 · 不能入场");
                assertTrue(west.driver.findElements(By.xpath("//ul[@id='manual-results']//button")).isEmpty(), "no admit button");
                west.screenshot("checkin-2b-waitlisted-found-phone");

                // offline verification in the browser: the real pass verifies, a tampered one does not
                char[] chars = a.token().toCharArray();
                chars[60] = chars[60] == 'A' ? 'B' : 'A';
                Object ok = verifyOffline(east, a.token());
                Object bad = verifyOffline(east, new String(chars));
                assertEquals("ALREADY_CHECKED_IN", ((Map<?, ?>) ok).get("verdict"), "signature valid, already admitted here");
                assertEquals("INVALID_SIGNATURE", ((Map<?, ?>) bad).get("verdict"));

                // the network drops: the phone verifies the third pass itself and queues the scan
                ((ChromiumDriver) west.driver).setNetworkConditions(offlineConditions());
                west.find(By.id("scan-input")).sendKeys(c.token() + Keys.ENTER);
                west.waitForText("离线校验");
                assertTrue(west.find(By.id("verdict")).getText().contains("签到成功"), west.find(By.id("verdict")).getText());
                west.waitForText("待上传 1 条");
                west.screenshot("checkin-3-offline-phone");
                JsonObject before = Api.as("organiser").get("/api/v1/events/" + eventId + "/checkins/summary").json();
                assertEquals(2, before.getInt("checkedIn"), "not uploaded yet");
                // back online: the queue goes up as a batch
                ((ChromiumDriver) west.driver).deleteNetworkConditions();
                ((JavascriptExecutor) west.driver).executeScript("window.pujinStation.flush();");
                new WebDriverWait(west.driver, Duration.ofSeconds(10)).until(d ->
                        Api.as("organiser").get("/api/v1/events/" + eventId + "/checkins/summary").json().getInt("checkedIn") == 3);

                // an old pass after a re-issue: the summary says why in words, and the repeat scan is no failure
                c.citizen().api().post("/api/v1/registrations/" + c.registrationId() + "/pass/reissue",
                        JsonValue.EMPTY_JSON_OBJECT).expect(200);
                east.find(By.id("scan-input")).sendKeys(c.token() + Keys.ENTER);
                east.waitForText("凭证已失效");
                east.open("/organiser/checkin/summary.xhtml?event=" + eventId);
                east.waitForText("凭证已重新生成，旧凭证作废");
                assertFalse(east.text().contains("REISSUED"), east.text());
                assertTrue(east.text().contains("重复扫码"), east.text());
                east.screenshot("checkin-4-summary");
            });
        }
    }

    private static ChromiumNetworkConditions offlineConditions() {
        var conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }

    private static Object verifyOffline(Browser b, String token) {
        return ((JavascriptExecutor) b.driver).executeAsyncScript(
                "var done = arguments[arguments.length - 1]; window.pujinStation.verifyOffline(arguments[0]).then(done);", token);
    }
}
