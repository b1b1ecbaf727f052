package cn.pujin.open.it;

import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import java.nio.file.Files;
import java.time.Duration;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import jakarta.json.Json;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import static cn.pujin.open.it.Fixtures.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone as a citizen carries it: "my passes" opened once shows every pass with no network (QR, event, time, place)
 * and the site can be added to the home screen (Chrome finds no installability error); an event page carries its
 * share metadata, copies its link and offers an A4 poster (PDF and PNG) whose QR code opens the event's page.
 */
class PhoneAppIT {

    @Test
    void passesOpenedOnceShowWithoutNetworkAndTheSiteInstalls() {
        String title = Fixtures.unique("离线凭证");
        long event = id(Fixtures.published(Fixtures.openDay(title, 6).add("venue", "浦锦街道文化中心")));
        Api.Citizen citizen = Api.newCitizen("离线用户");
        citizen.api().post("/api/v1/events/" + event + "/registrations", Json.createObjectBuilder().build()).expect(201);
        try (Browser b = new Browser(1280, 900)) {
            b.phone(390, 844);
            b.journey("passes-offline", () -> {
                b.signIn(citizen.phone(), "secret-pass-1");
                b.open("/me/passes.xhtml");
                b.waitForText(title);
                JavascriptExecutor js = (JavascriptExecutor) b.driver;
                new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d ->
                        "true".equals(js.executeScript("return document.documentElement.getAttribute('data-passes-kept');")));
                b.open("/me/passes.xhtml"); // now under the service worker, which keeps this copy
                b.waitForText(title);
                new WebDriverWait(b.driver, Duration.ofSeconds(20)).until(d -> (Boolean) js.executeScript(
                        "return !!navigator.serviceWorker.controller;"));
                sleep(1000); // the copy is written after the answer
                Object kept = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "caches.open('pujin-passes-v1').then(c => c.keys()).then(k => done(k.map(r => r.url))).catch(e => done('error ' + e));");
                assertTrue(String.valueOf(kept).contains("/me/passes.xhtml"), "the page is kept: " + kept);

                @SuppressWarnings("unchecked")
                Map<String, Object> installable = b.cdp("Page.getInstallabilityErrors", Map.of());
                assertEquals(List.of(), installable.get("installabilityErrors"), "add to home screen");

                // no network (for the page and its service worker alike): only the kept copy can show the passes now
                ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
                offline.setOffline(true);
                ((ChromiumDriver) b.driver).setNetworkConditions(offline);
                try {
                    b.driver.navigate().refresh();
                    b.waitForText(title);
                    String text = b.text();
                    assertTrue(text.contains("浦锦街道文化中心"), "the place");
                    assertTrue(text.contains("09:30"), "the time");
                    assertTrue(b.find(By.id("passes-offline")).isDisplayed(), "the page says it is the kept copy");
                    Number width = (Number) js.executeScript("return document.querySelector('img.pass-qr').naturalWidth;");
                    assertTrue(width.intValue() > 100, "the QR image is there offline: " + width);
                    b.screenshot("phone-pass-offline");
                } finally {
                    ((ChromiumDriver) b.driver).deleteNetworkConditions();
                }
            });
        }
    }

    @Test
    void anEventPageSharesItsLinkAndOffersAPosterWhoseQrOpensIt() throws Exception {
        String title = Fixtures.unique("海报活动");
        long event = id(Fixtures.published(Fixtures.openDay(title, 12)));
        String url = TestApp.get().baseUrl + "/events/detail.xhtml?id=" + event;
        try (Browser b = new Browser(1280, 900)) {
            b.phone(390, 844);
            b.journey("share", () -> {
                b.open("/events/detail.xhtml?id=" + event);
                b.waitForText(title);
                JavascriptExecutor js = (JavascriptExecutor) b.driver;
                assertEquals(title, js.executeScript("return document.querySelector('meta[property=\"og:title\"]').content;"));
                assertEquals(url, js.executeScript("return document.querySelector('meta[property=\"og:url\"]').content;"));
                assertTrue(String.valueOf(js.executeScript("return document.querySelector('meta[property=\"og:image\"]').content;"))
                        .endsWith("/api/v1/events/" + event + "/poster.png"));
                b.cdp("Browser.grantPermissions", Map.of("permissions", List.of("clipboardReadWrite", "clipboardSanitizedWrite"),
                        "origin", TestApp.get().baseUrl));
                b.click(By.id("shareCopy"));
                b.waitForText("链接已复制");
                Object copied = js.executeAsyncScript("const done = arguments[arguments.length - 1]; navigator.clipboard.readText().then(done, e => done('error ' + e));");
                assertEquals(url, copied, "the link is on the clipboard");
                b.screenshot("phone-event-share");
            });
        }
        byte[] png = Api.anonymous().bytes("/api/v1/events/" + event + "/poster.png");
        BufferedImage poster = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(1240, poster.getWidth(), "A4 at 150 dpi");
        assertEquals(1754, poster.getHeight());
        String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(poster)))).getText();
        assertEquals(url, decoded, "the poster's QR code opens the event page");
        Files.createDirectories(Path.of("target", "screenshots"));
        Files.write(Path.of("target", "screenshots", "poster.png"), png);

        byte[] pdf = Api.anonymous().bytes("/api/v1/events/" + event + "/poster.pdf");
        Pdfs.Read read = Pdfs.read(pdf);
        assertTrue(read.text().contains(title), read.text());
        assertTrue(read.text().contains("扫码"), read.text());
        assertEquals(List.of(), read.undrawn(), "every Chinese character has a glyph");
        try (var doc = Loader.loadPDF(pdf)) {
            var box = doc.getPage(0).getMediaBox();
            assertEquals(595, Math.round(box.getWidth()), "A4");
            assertEquals(842, Math.round(box.getHeight()), "A4");
        }
        Api.anonymous().get("/api/v1/events/999999999/poster.pdf").expect(404);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
