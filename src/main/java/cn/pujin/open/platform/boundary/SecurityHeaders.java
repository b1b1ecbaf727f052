package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.ClientAddress;
import cn.pujin.open.platform.control.Links;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;

/**
 * Security headers on every response: no MIME sniffing, no framing (clickjacking), a strict referrer policy, no
 * plugins, forms only to this site, camera only for the check-in page's own origin, and HSTS when the request came
 * over TLS (directly or through a trusted proxy that says so). Scripts are restricted by the second CSP header that
 * PrimeFaces writes on pages ({@code primefaces.CSP} in web.xml): {@code script-src 'self' 'nonce-…'}, a fresh nonce
 * per response; browsers enforce both headers.
 *
 * <p>Applied by {@link SecurityHeadersFilter} to what the application answers, and also where the container answers
 * before or instead of it: the authentication mechanism (its redirects to the login page and its 401s, which run
 * before any filter), the error page, and the redirects of folders to their index ({@link FolderRedirects}).
 *
 * <p>Locations of redirects are made absolute from {@code PUBLIC_URL}, never from the request's {@code Host} header:
 * the container would otherwise send a visitor wherever a forged {@code Host} pointed.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'";

    @Inject
    ClientAddress address;

    @Inject
    Links links;

    public void apply(HttpServletRequest request, HttpServletResponse response) {
        if (response.isCommitted() || response.containsHeader("X-Frame-Options")) {
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        response.setHeader("Content-Security-Policy", CSP);
        response.setHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()");
        if (address.viaTls(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
    }

    /** The absolute address of a redirect's location on this site, from {@code PUBLIC_URL}. */
    public String absolute(HttpServletRequest request, String location) {
        URI target = URI.create(location);
        if (target.isAbsolute() || location.startsWith("//")) {
            return location;
        }
        if (location.startsWith("/")) {
            return links.to(location);
        }
        return URI.create(links.to(request.getRequestURI())).resolve(target).toString();
    }
}
