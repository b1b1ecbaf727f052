package cn.pujin.open.platform.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The container's error page (web.xml). Errors the container answers itself, before JAX-RS sees the request
 * (an encoded slash in a path, a failure at commit), still reach API clients as problem+json with a code;
 * people get the friendly error page. No exception text is ever written.
 */
@WebServlet(urlPatterns = "/error-page", asyncSupported = true)
public class ErrorDispatch extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        String path = uri == null ? "" : uri.toString().substring(Math.min(uri.toString().length(), request.getContextPath().length()));
        if (path.startsWith("/api/")) {
            response.resetBuffer();
            ProblemResponses.send(request, response, ProblemMapper.forStatus(status));
            return;
        }
        request.getRequestDispatcher("/error.xhtml").forward(request, response);
    }
}
