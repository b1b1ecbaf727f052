package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Problem;
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
 * make a browser send. So a state-changing call ({@code POST/PUT/PATCH/DELETE}) without an {@code Authorization}
 * header that carries a session cookie must come from this site: its {@code Origin} (or, when a browser sends
 * none, its {@code Referer}) must name the host the request was sent to. Otherwise 403 {@code CROSS_SITE_REQUEST}.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class CrossSiteRequests extends HttpFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (SAFE.contains(request.getMethod()) || request.getHeader("Authorization") != null
                || request.getRequestedSessionId() == null || sameSite(request)) {
            chain.doFilter(request, response);
            return;
        }
        ProblemResponses.send(request, response, Problem.forbidden("CROSS_SITE_REQUEST", "problem.crossSite"));
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
