package cn.pujin.open.platform.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/**
 * {@code /lang?to=en&back=/events/} and {@code /care?to=on&back=…} (关怀模式, {@link CareMode}) remember the choice for a
 * year and go back (same site only).
 */
@WebServlet({"/lang", "/care"})
public class LanguageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean care = "/care".equals(request.getServletPath());
        String to = care ? ("on".equals(request.getParameter("to")) ? "on" : "off")
                : "en".equals(request.getParameter("to")) ? "en" : "zh";
        Cookie cookie = new Cookie(care ? CareMode.COOKIE : Language.COOKIE, to);
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        response.sendRedirect(request.getContextPath() + localPath(request.getParameter("back")));
    }

    /** Only a path on this site; anything else (another host, scheme, //evil) goes home. */
    static String localPath(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "/";
        }
        try {
            URI uri = URI.create(back);
            return uri.getScheme() == null && uri.getHost() == null ? back : "/";
        } catch (IllegalArgumentException e) {
            return "/";
        }
    }
}
