package cn.pujin.open.platform.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Set-up of what the container would otherwise decide from the request alone:
 * <ul>
 *   <li>a folder asked for without its slash ({@code /admin}) is redirected by this servlet — mapped to each folder of
 *       the site — instead of by the container, whose redirect took its address from the request's {@code Host} header
 *       and carried none of the security headers;</li>
 *   <li>the session cookie is {@code Secure} when {@code PUBLIC_URL} is https, whatever a client claims in
 *       {@code X-Forwarded-Proto} (the container no longer maps that header to the scheme).</li>
 * </ul>
 */
@WebListener
public class FolderRedirects implements ServletContextListener {

    @Inject
    @ConfigProperty(name = "PUBLIC_URL")
    String publicUrl;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        context.getSessionCookieConfig().setSecure(publicUrl.strip().toLowerCase(Locale.ROOT).startsWith("https:"));
        List<String> folders = new ArrayList<>();
        collect(context, "/", folders);
        if (!folders.isEmpty()) {
            context.addServlet("folder-redirects", new Redirect()).addMapping(folders.toArray(String[]::new));
        }
        // folders people type in that have no index page of their own
        LANDINGS.forEach((folder, page) -> context.addServlet("landing" + folder.replace('/', '-'), new Landing(page))
                .addMapping(folder + "/"));
    }

    /** The admin area opens on its first tab. */
    static final Map<String, String> LANDINGS = Map.of("/admin", "/admin/accounts.xhtml");

    /** {@code /admin/} → its landing page, through the filters. */
    static class Landing extends HttpServlet {
        private final String page;

        Landing(String page) {
            this.page = page;
        }

        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.sendRedirect(request.getContextPath() + page);
        }
    }

    /** Every folder of the site below {@code path}, without its trailing slash; WEB-INF and META-INF are not served. */
    private static void collect(ServletContext context, String path, List<String> folders) {
        Set<String> entries = context.getResourcePaths(path);
        if (entries == null) {
            return;
        }
        for (String entry : entries) {
            if (entry.endsWith("/") && !entry.equals("/WEB-INF/") && !entry.equals("/META-INF/")) {
                folders.add(entry.substring(0, entry.length() - 1));
                collect(context, entry, folders);
            }
        }
    }

    /** {@code /admin?x} → {@code /admin/?x}, through the filters (so with the security headers and PUBLIC_URL). */
    static class Redirect extends HttpServlet {
        @Override
        protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
            String query = request.getQueryString();
            response.sendRedirect(request.getRequestURI() + "/" + (query == null ? "" : "?" + query));
        }
    }
}
