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
import org.openqa.selenium.support.ui.WebDriverWait;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A door volunteer without an account (as pretix pairs devices): the organiser creates a station and gets a pairing QR
 * code and link; a phone that opens the link becomes that station, admits a pass, goes offline (DevTools network
 * emulation), reloads the page from its service worker, admits another pass offline, and uploads it when back online.
 * Revoking the station ends it on the phone within seconds; its key is then refused (401).
 */
class PairedStationIT {

    private static Object script(Browser b, String js, Object... args) {
        return ((JavascriptExecutor) b.driver).executeAsyncScript(js, args);
    }

    @Test
    void aPairedPhoneAdmitsGoesOfflineReloadsAdmitsAgainAndSyncs() {
        String title = unique("志愿者签到活动");
        long eventId = id(Fixtures.published(Fixtures.startingSoon(title)));
        CheckInIT.Attendee first = CheckInIT.attendee(eventId, "在线入场者");
        CheckInIT.Attendee second = CheckInIT.attendee(eventId, "离线入场者");
        String[] pairing = new String[1];
        try (Browser organiser = new Browser(1280, 900); Browser phone = new Browser(390, 844)) {
            organiser.journey("pairing-organiser", () -> {
                organiser.signIn("organiser", Api.PASSWORD);
                organiser.open("/organiser/checkin/summary.xhtml?event=" + eventId);
                organiser.type("stations:stationName", "志愿者北门");
                organiser.click(By.id("stations:createStation"));
                pairing[0] = organiser.find(By.id("pairing-link")).getDomAttribute("href");
                assertTrue(organiser.find(By.id("pairing-qr")).getDomAttribute("src").startsWith("data:image/png;base64,"));
                organiser.screenshot("pairing-page");
            });
            assertTrue(pairing[0].contains("/station/#k=st_"), pairing[0]);

            phone.journey("pairing-phone", () -> {
                phone.driver.get(pairing[0]);
                phone.waitForText("志愿者北门");
                assertTrue(!phone.driver.getCurrentUrl().contains("#k="), "the key leaves the address bar");
                Object ready = script(phone, "var done = arguments[arguments.length - 1];"
                        + "navigator.serviceWorker.ready.then(function () { return caches.match(location.pathname); })"
                        + ".then(function (r) { done(!!r); }).catch(function (e) { done(String(e)); });");
                assertEquals(Boolean.TRUE, ready, "the service worker keeps the station page");

                phone.find(By.id("scan-input")).sendKeys(first.token() + Keys.ENTER);
                phone.waitForText("签到成功");
                phone.screenshot("station-paired-phone");
                // the volunteer types the full name the person tells them; only the masked one is shown
                phone.find(By.id("manual-q")).sendKeys("离线入场者" + Keys.ENTER);
                phone.waitForText("离***者");

                // offline: the page comes from the service worker, the pass is verified on the phone and queued
                ((ChromiumDriver) phone.driver).setNetworkConditions(offline());
                phone.driver.navigate().refresh();
                phone.waitForText("志愿者北门");
                new WebDriverWait(phone.driver, Duration.ofSeconds(10)).until(d -> phone.text().contains("离线"));
                phone.find(By.id("scan-input")).sendKeys(second.token() + Keys.ENTER);
                phone.waitForText("离线校验");
                assertTrue(phone.find(By.id("verdict")).getText().contains("签到成功"), phone.find(By.id("verdict")).getText());
                phone.waitForText("待上传 1 条");
                phone.screenshot("station-paired-offline-phone");

                // the same check with the JavaScript Ed25519 (for browsers whose WebCrypto lacks it)
                char[] tampered = first.token().toCharArray();
                tampered[60] = tampered[60] == 'A' ? 'B' : 'A';
                Object valid = script(phone, "var done = arguments[arguments.length - 1];"
                        + "window.pujinStation.verifyOffline(arguments[0], true).then(done);", first.token());
                Object invalid = script(phone, "var done = arguments[arguments.length - 1];"
                        + "window.pujinStation.verifyOffline(arguments[0], true).then(done);", new String(tampered));
                assertEquals("ALREADY_CHECKED_IN", ((Map<?, ?>) valid).get("verdict"), "signature valid by @noble/ed25519");
                assertEquals("INVALID_SIGNATURE", ((Map<?, ?>) invalid).get("verdict"));

                ((ChromiumDriver) phone.driver).deleteNetworkConditions();
                ((JavascriptExecutor) phone.driver).executeScript("window.pujinStation.flush();");
                new WebDriverWait(phone.driver, Duration.ofSeconds(15)).until(d -> Api.as("organiser")
                        .get("/api/v1/events/" + eventId + "/checkins/summary").json().getInt("checkedIn") == 2);
            });

            long stationId = Api.as("organiser").get("/api/v1/events/" + eventId + "/stations").expect(200).jsonArray().stream()
                    .map(JsonValue::asJsonObject).filter(s -> "志愿者北门".equals(s.getString("name")))
                    .mapToLong(s -> s.getJsonNumber("id").longValue()).findFirst().orElseThrow();
            JsonObject summary = Api.as("organiser").get("/api/v1/events/" + eventId + "/checkins/summary").json();
            assertEquals(2, summary.getJsonObject("byStation").getInt("志愿者北门"), summary.toString());
            Api.as("organiser").post("/api/v1/events/" + eventId + "/stations/" + stationId + "/revoke").expect(200);
            phone.journey("pairing-revoked", () -> {
                new WebDriverWait(phone.driver, Duration.ofSeconds(10)).until(d -> phone.text().contains("本签到点已被撤销"));
                phone.screenshot("station-paired-revoked-phone");
            });
            String key = pairing[0].substring(pairing[0].indexOf("#k=") + 3);
            Api.bearer(key).get("/api/v1/stations/me").problem(401, "UNAUTHENTICATED");
        }
    }

    private static ChromiumNetworkConditions offline() {
        var conditions = new ChromiumNetworkConditions();
        conditions.setOffline(true);
        return conditions;
    }
}
