package cn.pujin.open.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every response carries the security headers — pages, API, and what the container answers itself (redirects to the
 * login page, 403 on WEB-INF, folder redirects, error pages); HSTS only when the request came over TLS through a trusted
 * proxy; redirects point to PUBLIC_URL whatever Host the request named; X-Forwarded-* from anyone else is ignored.
 */
class SecurityHeadersIT {

    /** What a raw HTTP/1.1 exchange answered: status line code, headers (lower-case names, first value). */
    record Raw(int status, Map<String, List<String>> headers) {
        String first(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    /**
     * One GET over a socket bound to {@code from} (127.0.0.2 is loopback but not a trusted proxy of the test app), with
     * the given headers, {@code Host} included: what a client that is not the reverse proxy can send.
     */
    static Raw get(String from, String path, Map<String, String> headers) throws IOException {
        URI base = URI.create(TestApp.get().baseUrl);
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", base.getPort()), 5000);
            socket.setSoTimeout(10_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\n");
            if (!headers.containsKey("Host")) {
                request.append("Host: localhost:").append(base.getPort()).append("\r\n");
            }
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            request.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            Map<String, List<String>> parsed = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    parsed.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .add(lines[i].substring(colon + 1).strip());
                }
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), parsed);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }

    static void assertHeaders(Raw r, String what) {
        assertEquals("nosniff", r.first("X-Content-Type-Options"), what);
        assertEquals("DENY", r.first("X-Frame-Options"), what);
        assertEquals("strict-origin-when-cross-origin", r.first("Referrer-Policy"), what);
        assertTrue(r.headers().getOrDefault("content-security-policy", List.of()).stream().anyMatch(v -> v.contains("frame-ancestors 'none'")),
                what + ": " + r.headers());
    }

    @Test
    void pagesAndApiCarryTheHeaders() {
        for (String path : List.of("/", "/open/stats.xhtml", "/api/v1/events", "/api/v1/no-such-thing")) {
            Api.Response r = Api.anonymous().get(path);
            assertEquals("nosniff", r.headers().firstValue("X-Content-Type-Options").orElse(null), path);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(null), path);
            assertEquals("strict-origin-when-cross-origin", r.headers().firstValue("Referrer-Policy").orElse(null), path);
            assertTrue(r.headers().firstValue("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), path);
            assertFalse(r.headers().firstValue("Strict-Transport-Security").isPresent(), "plain HTTP here: " + path);
        }
        assertTrue(Api.anonymous().get("/", "X-Forwarded-Proto", "https").headers().firstValue("Strict-Transport-Security")
                .orElse("").startsWith("max-age="), "behind a TLS proxy");
    }

    @Test
    void whatTheContainerAnswersItselfCarriesTheHeadersToo() throws Exception {
        String site = TestApp.get().baseUrl;
        Raw login = get("127.0.0.1", "/me/", Map.of());
        assertEquals(302, login.status());
        assertHeaders(login, "redirect to the login page");
        Raw folder = get("127.0.0.1", "/events", Map.of());
        assertTrue(folder.status() == 301 || folder.status() == 302, "folder redirect: " + folder.status());
        assertEquals(site + "/events/", folder.first("Location"));
        assertHeaders(folder, "folder redirect");
        Raw webInf = get("127.0.0.1", "/WEB-INF/web.xml", Map.of());
        assertTrue(webInf.status() == 302 || webInf.status() == 403 || webInf.status() == 404, "WEB-INF: " + webInf.status());
        assertHeaders(webInf, "WEB-INF");
        Raw notFound = get("127.0.0.1", "/no/such/page.xhtml", Map.of());
        assertEquals(404, notFound.status());
        assertHeaders(notFound, "error page");
        Raw api = get("127.0.0.1", "/api/v1/me", Map.of());
        assertEquals(401, api.status());
        assertHeaders(api, "401 of the authentication mechanism");
    }

    @Test
    void redirectsGoToPublicUrlWhateverHostTheRequestNamed() throws Exception {
        String site = TestApp.get().baseUrl;
        for (String from : List.of("127.0.0.1", "127.0.0.2")) {
            Raw login = get(from, "/me/", Map.of("Host", "evil.example", "X-Forwarded-Host", "evil.example"));
            assertEquals(302, login.status());
            assertTrue(login.first("Location").startsWith(site + "/login.xhtml?next="), from + ": " + login.first("Location"));
            Raw folder = get(from, "/open", Map.of("Host", "evil.example"));
            assertEquals(site + "/open/", folder.first("Location"), from);
        }
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        Raw r = get("127.0.0.2", "/login.xhtml", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"));
        assertEquals(200, r.status());
        assertEquals(null, r.first("Strict-Transport-Security"), "not over TLS, whatever the header says");
        String cookie = r.headers().getOrDefault("set-cookie", List.of()).stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertFalse(cookie.isEmpty(), r.headers().toString());
        assertFalse(cookie.contains("Secure"), "PUBLIC_URL is http here: " + cookie);
        Raw trusted = get("127.0.0.1", "/login.xhtml", Map.of("X-Forwarded-Proto", "https"));
        assertTrue(trusted.first("Strict-Transport-Security").startsWith("max-age="), "the trusted proxy says TLS");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String cookie = Api.anonymous().get("/login.xhtml").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(Locale.ROOT).contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "PUBLIC_URL is plain http here (H2DefaultIT starts one with https): " + cookie);
    }
}
