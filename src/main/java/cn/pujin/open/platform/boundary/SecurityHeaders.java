package cn.pujin.open.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response: no MIME sniffing, no framing (clickjacking), a strict referrer policy, no
 * plugins, forms only to this site, camera only for the check-in page's own origin, and HSTS when the request came
 * over TLS (directly or through a trusted proxy that says so). Scripts are restricted by the second CSP header that
 * PrimeFaces writes on pages ({@code primefaces.CSP} in web.xml): {@code script-src 'self' 'nonce-…'}, a fresh nonce
 * per response; browsers enforce both headers.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    @jakarta.inject.Inject
    cn.pujin.open.platform.control.ClientAddress address;

    static final String CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        if (address.viaTls(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
