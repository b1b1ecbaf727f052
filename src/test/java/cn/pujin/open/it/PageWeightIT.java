package cn.pujin.open.it;

import java.nio.charset.StandardCharsets;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Light pages for phones: the app gzips its text answers (pages, scripts, styles, JSON, problem+json, SVG, .ics) when
 * the browser accepts it, versioned resources are cached a year as immutable; and, in a real Chromium laid out as a
 * phone and measured through the DevTools protocol, the home page's first visit stays within 400 KB, a repeat visit
 * within 40 KB, and an event page is ready within 1.5 s on a "Fast 3G" network.
 */
class PageWeightIT {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final Pattern RESOURCE = Pattern.compile("/jakarta\\.faces\\.resource/[^\"]+");

    static HttpResponse<byte[]> get(String path, boolean gzip) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestApp.get().baseUrl + path));
        if (gzip) {
            request.header("Accept-Encoding", "gzip");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void textAnswersAreGzippedAndVersionedResourcesCachedAYear() throws Exception {
        long eventId = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("压缩"), 12)));
        HttpResponse<byte[]> home = get("/", true);
        assertEquals("gzip", home.headers().firstValue("Content-Encoding").orElse(null), "the home page is gzipped");
        String html = gunzip(home.body());
        assertTrue(html.contains("</html>"), "and unpacks to the page");
        assertNull(get("/", false).headers().firstValue("Content-Encoding").orElse(null), "not for a client that did not ask");

        // what is at least 1 KiB (smaller answers are sent as they are: gzip would save nothing)
        for (String path : new String[] {"/api/v1/events", "/api/v1/calendar.ics", "/events/detail.xhtml?id=" + eventId}) {
            assertTrue(get(path, false).body().length >= 1024, path + " is large enough to be worth it");
            HttpResponse<byte[]> r = get(path, true);
            assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null), path + " is gzipped");
            assertTrue(gunzip(r.body()).length() > 100, path + " unpacks");
        }

        Matcher resources = RESOURCE.matcher(html);
        int versioned = 0;
        boolean ours = false;
        while (resources.find()) {
            String path = resources.group().replace("&amp;", "&");
            HttpResponse<byte[]> r = get(path, true);
            assertEquals(200, r.statusCode(), path);
            assertTrue(path.contains("v="), path + " is linked with a version");
            assertEquals("public, max-age=31536000, immutable", r.headers().firstValue("Cache-Control").orElse(null), path);
            assertTrue(r.headers().firstValue("Expires").isEmpty(), path + " has no Expires of a week beside it");
            String type = r.headers().firstValue("Content-Type").orElse("");
            if (r.body().length > 1024 && (type.contains("css") || type.contains("javascript"))) {
                assertEquals("gzip", r.headers().firstValue("Content-Encoding").orElse(null), path + " is gzipped");
            }
            ours |= path.contains("css/app.css");
            versioned++;
        }
        assertTrue(versioned >= 6, "the page links its styles and scripts: " + versioned);
        assertTrue(ours, "the app's own stylesheet is among them, versioned by its content");
        HttpResponse<byte[]> unversioned = get("/jakarta.faces.resource/css/app.css.xhtml", true);
        assertEquals("no-cache", unversioned.headers().firstValue("Cache-Control").orElse(null), "without v= it is revalidated");
        Api.Response stream = Api.as("organiser").with("Accept-Encoding", "gzip").startOf("/api/v1/events/" + eventId + "/checkins/stream");
        assertEquals(200, stream.status());
        assertFalse("gzip".equals(stream.headers().firstValue("Content-Encoding").orElse(null)), "the live stream is never gzipped");
    }

    @Test
    void aPhoneVisitStaysWithinTheBudget() {
        long eventId = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("手机访问"), 9)));
        try (Browser b = PageWeight.phone()) {
            b.journey("page-weight", () -> {
                PageWeight.Visit first = PageWeight.visit(b, "/");
                assertTrue(first.bytes() <= 400 * 1024, "first visit of the home page: " + first + " (budget 400 KB)");
                PageWeight.Visit repeat = PageWeight.visit(b, "/");
                assertTrue(repeat.bytes() <= 40 * 1024, "repeat visit: " + repeat + " (budget 40 KB) " + repeat.urls());
                PageWeight.throttle(b, PageWeight.FAST_3G);
                PageWeight.Visit event = PageWeight.visit(b, "/events/detail.xhtml?id=" + eventId);
                PageWeight.throttle(b, null);
                assertTrue(event.readyMs() < 1500, "the event page on Fast 3G: " + event + " (budget 1.5 s) " + event.urls());
                b.waitForText("手机访问");
                System.out.printf("page weight: first visit %s; repeat %s; event page on Fast 3G %s %s%n", first, repeat, event, event.urls());
            });
        }
    }
}
