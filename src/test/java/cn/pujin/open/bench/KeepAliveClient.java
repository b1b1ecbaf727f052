package cn.pujin.open.bench;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A load generator's HTTP/1.1 client that stays out of the way of what it measures: a few persistent connections, one
 * blocking thread each, requests written as bytes and responses read into a reused buffer. The JDK's
 * {@code HttpClient} allocated about 360 KB per request here, so the generator paused for its own garbage collection
 * every two seconds on the two cores it shares with the server, and those pauses were counted as the server's latency.
 *
 * <p>Requests wait in one queue for a free connection; a connection the server closes (keep-alive limit) is opened
 * again and the unanswered request sent again. Only what a benchmark needs: GET, and POST with a small body;
 * Content-Length or chunked responses.
 */
final class KeepAliveClient implements AutoCloseable {

    /** What the caller learns of an answer, on the connection's thread (the body's buffer is reused afterwards). */
    interface Answer {
        void accept(int status, Reply reply);
    }

    /** A response body as read: its length, and its text when the caller wants it. */
    record Reply(byte[] buffer, int length) {
        String text() {
            return new String(buffer, 0, length, StandardCharsets.UTF_8);
        }

        static Reply failed(Exception e) {
            byte[] text = e.toString().getBytes(StandardCharsets.UTF_8);
            return new Reply(text, text.length);
        }
    }

    /** Sends request {@code i} of an open loop with this client, the answer to go to {@code answer}. */
    interface Sender {
        void send(int i, Answer answer);
    }

    /** An answer of an open loop, with the milliseconds since its request was due. */
    interface Timed {
        void accept(double millisSinceDue, int status, Reply reply);
    }

    /**
     * Open loop: request {@code i} leaves when it is due ({@code rate} per second) whatever the answers do, and its
     * latency counts from then, so a stalled server cannot hide behind fewer requests. Returns when all are answered.
     */
    static void openLoop(int rate, int total, Sender sender, Timed timed) throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(total);
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            sender.send(i, (status, reply) -> {
                try {
                    timed.accept((System.nanoTime() - due) / 1e6, status, reply);
                } finally {
                    answered.countDown();
                }
            });
        }
        answered.await();
    }

    private record Job(byte[] request, Answer answer) {}

    private static final Job STOP = new Job(null, null);

    private final InetSocketAddress address;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private final String host;

    KeepAliveClient(URI base, int connections) {
        this.address = new InetSocketAddress(base.getHost(), base.getPort());
        this.host = base.getHost() + ":" + base.getPort();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(this::work, "load-" + i);
            t.setDaemon(true);
            t.start();
            workers.add(t);
        }
    }

    /** Queues a POST of a JSON body; {@code answer} runs on a connection's thread when the response is read. */
    void post(String path, String authorization, String json, Answer answer) {
        send("POST", path, Map.of("Authorization", authorization, "Content-Type", "application/json", "Accept", "application/json"),
                json.getBytes(StandardCharsets.UTF_8), answer);
    }

    /** Queues a GET with the given headers (e.g. If-None-Match). */
    void get(String pathAndQuery, Map<String, String> headers, Answer answer) {
        send("GET", pathAndQuery, headers, new byte[0], answer);
    }

    private void send(String method, String path, Map<String, String> headers, byte[] body, Answer answer) {
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: ").append(host).append("\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        byte[] headBytes = head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(body, 0, request, headBytes.length, body.length);
        queue.add(new Job(request, answer));
    }

    private void work() {
        Connection connection = null;
        try {
            while (true) {
                Job job = queue.take();
                if (job == STOP) {
                    return;
                }
                int status = -1;
                Reply reply = null;
                for (int attempt = 0; reply == null; attempt++) {
                    try {
                        if (connection == null) {
                            connection = new Connection(address);
                        }
                        status = connection.send(job);
                        reply = connection.reply();
                        if (connection.closeAfter) {
                            connection.close();
                            connection = null;
                        }
                    } catch (IOException | RuntimeException e) {
                        // a lost connection, or an answer this client cannot read: a fresh connection, at most three tries
                        if (connection != null) {
                            connection.close();
                            connection = null;
                        }
                        if (attempt == 2) {
                            status = -1;
                            reply = Reply.failed(e);
                        }
                    }
                }
                try {
                    job.answer().accept(status, reply);
                } catch (RuntimeException e) {
                    // the caller's bug: say so, and keep this connection serving the others
                    e.printStackTrace();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    @Override
    public void close() {
        workers.forEach(w -> queue.add(STOP));
    }

    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final byte[] line = new byte[8192];
        private byte[] body = new byte[8192];
        boolean closeAfter;

        Connection(InetSocketAddress address) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(address, 5000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16384);
        }

        private int size;

        /** Sends the request and reads the answer; returns its status, the body is {@link #reply()}. */
        int send(Job job) throws IOException {
            out.write(job.request());
            out.flush();
            String statusLine = readLine();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            for (String header = readLine(); !header.isEmpty(); header = readLine()) {
                int colon = header.indexOf(':');
                String name = header.substring(0, colon).trim();
                String value = header.substring(colon + 1).trim();
                if (name.equalsIgnoreCase("Content-Length")) {
                    length = Integer.parseInt(value);
                } else if (name.equalsIgnoreCase("Transfer-Encoding") && value.equalsIgnoreCase("chunked")) {
                    chunked = true;
                } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                    closeAfter = true;
                }
            }
            int size = 0;
            if (status / 100 == 1 || status == 204 || status == 304) {
                // no body, whatever the headers say
                size = 0;
            } else if (chunked) {
                for (int chunk = Integer.parseInt(readLine().split(";")[0].trim(), 16); chunk > 0;
                     chunk = Integer.parseInt(readLine().split(";")[0].trim(), 16)) {
                    readBody(size, chunk);
                    size += chunk;
                    readLine();
                }
                while (!readLine().isEmpty()) {
                    // trailers
                }
            } else if (length >= 0) {
                readBody(0, length);
                size = length;
            } else {
                closeAfter = true;
                for (int n; (n = in.read(grow(size + 4096), size, 4096)) > 0; ) {
                    size += n;
                }
            }
            this.size = size;
            return status;
        }

        Reply reply() {
            return new Reply(body, size);
        }

        private byte[] grow(int needed) {
            if (needed > body.length) {
                body = Arrays.copyOf(body, Math.max(needed, body.length * 2));
            }
            return body;
        }

        private void readBody(int offset, int length) throws IOException {
            grow(offset + length);
            for (int read = 0; read < length; ) {
                int n = in.read(body, offset + read, length - read);
                if (n < 0) {
                    throw new EOFException("response body cut short");
                }
                read += n;
            }
        }

        private String readLine() throws IOException {
            int n = 0;
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new EOFException("connection closed");
                }
                if (b != '\r' && n < line.length) {
                    line[n++] = (byte) b;
                }
            }
            return new String(line, 0, n, StandardCharsets.ISO_8859_1);
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
