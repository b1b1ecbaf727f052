package cn.pujin.open.platform.boundary;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;

/** {@code /lang?to=en&back=/events/} remembers the choice for a year and goes back (same site only). */
@WebServlet("/lang")
public class LanguageServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String to = "en".equals(request.getParameter("to")) ? "en" : "zh";
        Cookie cookie = new Cookie(Language.COOKIE, to);
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
