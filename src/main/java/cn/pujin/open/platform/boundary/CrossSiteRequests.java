package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;

/**
 * CSRF protection for API calls that a browser authenticates with the session cookie (the station page, the
 * exports). Pages are protected by JSF's view state; scripts authenticate with a header that another site cannot
 * make a browser send. So a state-changing call ({@code POST/PUT/PATCH/DELETE}) that did not sign in by its own
 * {@code Authorization} header (merely carrying one is not enough) and carries a session cookie must come from this site: its {@code Origin} (or, when a browser sends
 * none, its {@code Referer}) must name the host the request was sent to. Otherwise 403 {@code CROSS_SITE_REQUEST}.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class CrossSiteRequests extends HttpFilter {

    /**
     * Request attribute the authentication mechanism sets when the request signed in by its own {@code Authorization}
     * header (HTTP Basic or a station key): not a browser's cookie-borne request, so the check does not apply.
     */
    public static final String BY_HEADER = "pujin.authenticatedByHeader";

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || Boolean.TRUE.equals(request.getAttribute(BY_HEADER))
                || request.getRequestedSessionId() == null || sameSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponses.send(request, response, Problem.forbidden(ProblemCode.CROSS_SITE_REQUEST, "problem.crossSite"));
    }

    static boolean sameSite(HttpServletRequest request) {
        String host = request.getHeader("Host");
        String origin = request.getHeader("Origin");
        String from = origin != null && !origin.equals("null") ? origin : request.getHeader("Referer");
        if (host == null || from == null) {
            return false;
        }
        try {
            URI uri = URI.create(from.strip());
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host.strip())
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
