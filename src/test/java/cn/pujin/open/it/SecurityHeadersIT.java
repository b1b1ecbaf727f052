package cn.pujin.open.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Every response carries the security headers, pages and API alike; HSTS only when the request came over TLS. */
class SecurityHeadersIT {

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
    void theSessionCookieIsHttpOnlyAndSameSite() {
        String cookie = Api.anonymous().get("/login.xhtml").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: " + cookie);
        String behindTls = Api.anonymous().get("/login.xhtml", "X-Forwarded-Proto", "https").headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
        assertTrue(behindTls.contains("Secure") && behindTls.contains("HttpOnly"), "behind a TLS proxy: " + behindTls);
    }
}
