package cn.pujin.open.it;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openqa.selenium.JavascriptExecutor;

/**
 * What a visit costs a phone, read from the DevTools protocol's network events of a real Chromium: bytes on the wire
 * (headers and bodies, as compressed; what the browser cache answered costs nothing) and the time until the page is
 * ready (its load event). Used by {@link PageWeightIT} (the budgets) and {@code bench/page-weight} (the figures).
 */
public final class PageWeight {

    /** Chrome DevTools' "Fast 3G" preset: 562.5 ms latency, 1.44 Mbit/s down, 675 kbit/s up. */
    public static final Map<String, Object> FAST_3G = Map.of("offline", false, "latency", 562.5,
            "downloadThroughput", 180_000, "uploadThroughput", 84_375);

    private static final Pattern FINISHED = Pattern.compile("\"method\":\"Network\\.loadingFinished\"");
    private static final Pattern LENGTH = Pattern.compile("\"encodedDataLength\":([0-9.]+)");
    private static final Pattern RESPONSE = Pattern.compile("\"method\":\"Network\\.responseReceived\"");
    private static final Pattern URL = Pattern.compile("\"response\":\\{.*?\"url\":\"([^\"]+)\"");
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");

    /** One visit: bytes transferred, requests that reached the network, and milliseconds until the load event ended. */
    public record Visit(long bytes, int requests, double readyMs, List<String> urls) {
        @Override
        public String toString() {
            return String.format("%,.1f KB in %d requests, ready after %,.0f ms", bytes / 1024.0, requests, readyMs);
        }
    }

    private PageWeight() {
    }

    /** A browser that records network events, laid out as a 390 px phone, its cache on. */
    public static Browser phone() {
        Browser b = new Browser(1280, 900, true);
        b.phone(390, 844);
        b.cdp("Network.enable", Map.of());
        b.cdp("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        return b;
    }

    /** Throttles the network as Chrome's "Fast 3G" does (or lifts it with {@code null}). */
    public static void throttle(Browser b, Map<String, Object> conditions) {
        b.cdp("Network.emulateNetworkConditions", conditions != null ? conditions
                : Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }

    /** Asks for uncompressed answers (what every visit cost before the app compressed them), or for what browsers ask. */
    public static void identity(Browser b, boolean identity) {
        b.cdp("Network.setExtraHTTPHeaders", Map.of("headers", identity ? Map.of("Accept-Encoding", "identity") : Map.of()));
    }

    /** Opens {@code path} as a person following a link would, waits until the page and what it loads are done. */
    public static Visit visit(Browser b, String path) {
        b.network(); // forget what came before
        b.open(path);
        return settle(b);
    }

    /** Waits for the load event and a quiet network, then counts. */
    public static Visit settle(Browser b) {
        JavascriptExecutor js = (JavascriptExecutor) b.driver;
        double ready = ((Number) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (function check() {
                  const nav = performance.getEntriesByType('navigation')[0];
                  if (nav && nav.loadEventEnd > 0) { setTimeout(() => done(nav.loadEventEnd), 800); } else { setTimeout(check, 50); }
                })();""")).doubleValue();
        // a request counts when bytes came over the network for it; what the memory or disk cache answered does not
        long bytes = 0;
        Map<String, String> urlOf = new HashMap<>();
        List<String> urls = new ArrayList<>();
        for (String event : b.network()) {
            Matcher id = REQUEST_ID.matcher(event);
            if (!id.find()) {
                continue;
            }
            if (RESPONSE.matcher(event).find()) {
                Matcher url = URL.matcher(event);
                urlOf.put(id.group(1), url.find() ? url.group(1) : "?");
            } else if (FINISHED.matcher(event).find()) {
                Matcher length = LENGTH.matcher(event);
                long n = length.find() ? (long) Double.parseDouble(length.group(1)) : 0;
                if (n > 0) {
                    bytes += n;
                    urls.add(urlOf.getOrDefault(id.group(1), "?"));
                }
            }
        }
        return new Visit(bytes, urls.size(), ready, urls);
    }
}
