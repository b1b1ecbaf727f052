package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.FileTypes;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * JSON bodies of the API are small; anything over 1 MiB is refused with 413 before it is parsed, whether
 * the client announces its length or streams it chunked. File uploads (attachments, photos) may be 5 MiB.
 */
@WebFilter(urlPatterns = "/api/*", asyncSupported = true)
public class RequestBodyLimit extends HttpFilter {

    public static final long MAX_BYTES = 1024 * 1024;
    /**
     * Clients that do not wait for "100 Continue" (most HTTP libraries) are still sending the body when we
     * refuse it; reading and discarding up to this much lets them receive the 413 instead of a reset.
     * Anything bigger gets the 413 and a closed connection.
     */
    static final long DRAIN_LIMIT = 32L * 1024 * 1024;

    /** Thrown while reading past the limit; the problem mapper turns it into 413. */
    public static class TooLarge extends IOException {
        private final long limit;

        TooLarge(long limit) {
            super("request body larger than " + limit + " bytes");
            this.limit = limit;
        }

        public long limit() {
            return limit;
        }
    }

    static Problem tooLarge(long limit) {
        return new Problem(413, ProblemCode.PAYLOAD_TOO_LARGE, "problem.tooLarge", null, null,
                String.valueOf(limit / 1024));
    }

    /**
     * The largest body this request may carry: a file (any type but JSON, text or a form — the endpoints that take
     * files declare their types, every other one answers 415) up to {@link FileTypes#MAX_FILE_BYTES}, anything else 1 MiB.
     */
    static long limitFor(HttpServletRequest request) {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        boolean file = !type.isEmpty() && !type.contains("json") && !type.startsWith("text/") && !type.contains("form");
        return file ? FileTypes.MAX_FILE_BYTES : MAX_BYTES;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        long limit = limitFor(request);
        if (request.getContentLengthLong() > limit) {
            if (request.getContentLengthLong() <= DRAIN_LIMIT) {
                drain(request.getInputStream(), DRAIN_LIMIT);
            } else {
                response.setHeader("Connection", "close");
            }
            ProblemResponses.send(request, response, tooLarge(limit));
            return;
        }
        Limited[] limited = new Limited[1];
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletInputStream getInputStream() throws IOException {
                if (limited[0] == null) {
                    limited[0] = new Limited(super.getInputStream(), limit);
                }
                return limited[0];
            }
        }, response);
        if (limited[0] != null && limited[0].exceeded) {
            drain(request.getInputStream(), DRAIN_LIMIT);
        }
    }

    private static void drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer)) > 0) {
            total += n;
        }
    }

    private static final class Limited extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private long read;
        private boolean exceeded;

        Limited(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                exceeded = true;
                throw new TooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
