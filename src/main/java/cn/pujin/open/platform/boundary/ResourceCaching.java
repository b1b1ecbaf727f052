package cn.pujin.open.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * A page resource asked for by a versioned address ({@code v=}: PrimeFaces' own and ours, see {@link VersionedResources})
 * never changes at that address: browsers keep it a year without asking again. Unversioned ones are revalidated.
 */
@WebFilter(urlPatterns = "/jakarta.faces.resource/*", asyncSupported = true)
public class ResourceCaching extends HttpFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String query = request.getQueryString();
        boolean versioned = query != null && (query.startsWith("v=") || query.contains("&v="));
        String policy = versioned ? IMMUTABLE : "no-cache";
        response.setHeader("Cache-Control", policy);
        // Faces writes its own max-age of a week (and an Expires) when it serves the resource: ours stays
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setHeader(String name, String value) {
                if (!"Cache-Control".equalsIgnoreCase(name) && !"Expires".equalsIgnoreCase(name)) {
                    super.setHeader(name, value);
                }
            }

            @Override
            public void addHeader(String name, String value) {
                if (!"Cache-Control".equalsIgnoreCase(name) && !"Expires".equalsIgnoreCase(name)) {
                    super.addHeader(name, value);
                }
            }

            @Override
            public void setDateHeader(String name, long date) {
                if (!"Expires".equalsIgnoreCase(name)) {
                    super.setDateHeader(name, date);
                }
            }
        });
    }
}
