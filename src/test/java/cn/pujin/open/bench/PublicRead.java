package cn.pujin.open.bench;

import cn.pujin.open.it.Api;
import cn.pujin.open.it.Fixtures;
import cn.pujin.open.it.RunCommand;
import cn.pujin.open.it.TestApp;
import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Public reads on the day the open month is announced: with 1,000 published events, the API event list, an event's
 * detail and the calendar feed at a steady 300 requests/s (target p95 < 50 ms), and the home, list and detail pages
 * at rising rates (the highest rate each holds at p95 < 100 ms). Each figure is printed beside a static file of about
 * the same size served by the same server in the same run. Then: how long an edit takes to show (target ≤ 5 s), that
 * calendar apps get 304 while nothing changed, the start time of the app, and its heap under a registration rush.
 *
 * <p>{@code bench/public-read [events] [seconds]} runs it (default 1000 events, 15 s per step).
 */
public final class PublicRead {

    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Result(int sent, double p50, double p95, double p99, int errors, long bytes) {}

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 1000, args.length > 1 ? Integer.parseInt(args[1]) : 15);
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * The run command's start ({@code mvn -Prun}: its JVM options, the embedded H2 default, demo data): from {@code java}
     * to the health check and the API answering, on a new database (migrations and demo data) and on the same again.
     */
    static void runCommandStart() throws Exception {
        Path dir = Path.of("target", "bench", "h2-start-" + System.nanoTime()).toAbsolutePath();
        Files.createDirectories(dir);
        int port = Integer.getInteger("it.port", 19080) + 2;
        Map<String, String> env = TestApp.h2Environment(dir);
        for (String start : List.of("new database", "existing database")) {
            long t = System.nanoTime();
            Process p = RunCommand.start(port, env, "run-command");
            try {
                TestApp.awaitReady("http://localhost:" + port, p, TestApp.logOf("run-command"));
                System.out.printf("the run command started and answered in %.1f s (%s; target <= 20 s)%n", (System.nanoTime() - t) / 1e9, start);
            } finally {
                p.destroy();
                p.waitFor();
            }
        }
    }

    static void run(int events, int seconds) throws Exception {
        runCommandStart();
        long t0 = System.nanoTime();
        TestApp app = TestApp.get();
        System.out.printf("the benchmark's app (full JIT, -Xmx512m) with its embedded PostgreSQL started in %.1f s%n",
                (System.nanoTime() - t0) / 1e9);
        List<Long> ids = publish(events);
        String base = app.baseUrl;
        // warm-up: every path a few hundred times, so the JIT has seen them
        for (String path : List.of("/api/v1/events?size=20", "/api/v1/events/" + ids.get(0), "/api/v1/calendar.ics", "/", "/events/",
                "/events/detail.xhtml?id=" + ids.get(0))) {
            load(() -> get(base + path, null), 50, 6);
        }

        System.out.println("\n-- API and feed at 300 requests/s for " + seconds + " s (target p95 < 50 ms) --");
        Supplier<HttpRequest> list = () -> get(base + "/api/v1/events?size=20&page=" + ThreadLocalRandom.current().nextInt(events / 20), null);
        Supplier<HttpRequest> detail = () -> get(base + "/api/v1/events/" + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), null);
        String etag = CLIENT.send(get(base + "/api/v1/calendar.ics", null), HttpResponse.BodyHandlers.discarding())
                .headers().firstValue("ETag").orElseThrow();
        Supplier<HttpRequest> feedPolling = () -> get(base + "/api/v1/calendar.ics", etag);
        Supplier<HttpRequest> feedFull = () -> get(base + "/api/v1/calendar.ics", null);
        report("API event list", load(list, 300, seconds), base);
        report("API event detail", load(detail, 300, seconds), base);
        report("calendar.ics, apps polling (If-None-Match)", load(feedPolling, 300, seconds), base);
        report("calendar.ics, full download", load(feedFull, 300, seconds), base);

        System.out.println("\n-- pages: highest rate held at p95 < 100 ms (" + seconds + " s per step) --");
        for (var page : Map.of("home /", (Supplier<HttpRequest>) () -> get(base + "/", null),
                "event list /events/", (Supplier<HttpRequest>) () -> get(base + "/events/", null),
                "event detail", (Supplier<HttpRequest>) () -> get(base + "/events/detail.xhtml?id="
                        + ids.get(ThreadLocalRandom.current().nextInt(ids.size())), null)).entrySet()) {
            int held = 0;
            Result at = null;
            for (int rate : new int[]{25, 50, 100, 150, 200, 300, 400}) {
                Result r = load(page.getValue(), rate, seconds);
                if (r.p95() >= 100 || r.errors() > 0) {
                    break;
                }
                held = rate;
                at = r;
            }
            System.out.printf("%-22s holds %3d requests/s at p95 < 100 ms%s%n", page.getKey(), held,
                    at == null ? "" : String.format(" (p50 %.1f ms, p95 %.1f ms, %d bytes)", at.p50(), at.p95(), at.bytes() / Math.max(1, at.sent())));
        }

        System.out.println("\n-- caching stays correct --");
        long event = ids.get(7);
        String title = Fixtures.unique("改期通知");
        long edited = System.nanoTime();
        Api organiser = Api.as("organiser");
        var current = organiser.get("/api/v1/events/" + event).json();
        organiser.put("/api/v1/events/" + event, Fixtures.openDay(title, 30).add("version", current.getInt("version")).build()).expect(200);
        organiser.post("/api/v1/events/" + event + "/submit").expect(200);
        Api.as("reviewer").post("/api/v1/events/" + event + "/approve").expect(200);
        double apiShows = until(() -> Api.anonymous().get("/api/v1/events/" + event).body().contains(title), edited);
        double pageShows = until(() -> Api.anonymous().get("/events/detail.xhtml?id=" + event).body().contains(title), edited);
        double feedShows = until(() -> Api.anonymous().get("/api/v1/calendar.ics").body().contains(title), edited);
        int notModified = CLIENT.send(get(base + "/api/v1/calendar.ics", etag), HttpResponse.BodyHandlers.discarding()).statusCode();
        System.out.printf("an approved edit shows in the API after %.1f s, on the page after %.1f s, in the feed after %.1f s (target <= 5 s);%n"
                + "the feed answers the old ETag with %d now (a changed feed is sent again), the new one with %d%n", apiShows, pageShows, feedShows,
                notModified, CLIENT.send(get(base + "/api/v1/calendar.ics", CLIENT.send(get(base + "/api/v1/calendar.ics", null),
                        HttpResponse.BodyHandlers.discarding()).headers().firstValue("ETag").orElseThrow()), HttpResponse.BodyHandlers.discarding()).statusCode());

        System.out.println("\n-- heap under a registration rush of 500 --");
        heapUnderRush(app);
    }

    static List<Long> publish(int events) throws Exception {
        long t = System.nanoTime();
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        ExecutorService setup = Executors.newFixedThreadPool(8);
        for (int i = 0; i < events; i++) {
            int k = i;
            setup.submit(() -> ids.add(Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("开放活动" + k), 1 + k % 300)))));
        }
        setup.shutdown();
        setup.awaitTermination(30, TimeUnit.MINUTES);
        System.out.printf("%d events published in %.1f s%n", ids.size(), (System.nanoTime() - t) / 1e9);
        return new ArrayList<>(ids);
    }

    static HttpRequest get(String url, String ifNoneMatch) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (ifNoneMatch != null) {
            b.header("If-None-Match", ifNoneMatch);
        }
        return b.build();
    }

    /**
     * Waits (at most 60 s) until the app has been nearly idle for a second — under a tenth of a core: what the JIT
     * compiles after a warm-up, or the outbox sends after a burst of publications, is not part of the step measured.
     */
    static void settle() throws InterruptedException {
        long pid = TestApp.get().pid();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            long before = cpuNanos(pid);
            Thread.sleep(1000);
            if (cpuNanos(pid) - before < 100_000_000L) {
                return;
            }
        }
    }

    static long cpuNanos(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    /**
     * The load's connections per server: more than the requests in flight at 300/s while answers stay fast; when they
     * do not, requests wait for a connection and that wait counts, as latency is measured from when a request was due.
     */
    static final int CONNECTIONS = 64;
    private static final Map<String, KeepAliveClient> LOAD = new ConcurrentHashMap<>();

    /**
     * Open loop: requests leave at the given rate whatever the answers do; latency counts from when each was due. Sent by
     * {@link KeepAliveClient}, so the generator's own CPU and garbage collection stay small on the cores it shares with
     * the server (the requests built here only describe the URL and the If-None-Match header).
     */
    static Result load(Supplier<HttpRequest> request, int rate, int seconds) throws Exception {
        settle();
        int total = rate * seconds;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(total));
        AtomicInteger errors = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        KeepAliveClient.openLoop(rate, total, (i, answer) -> {
            HttpRequest r = request.get();
            URI uri = r.uri();
            KeepAliveClient client = LOAD.computeIfAbsent(uri.getScheme() + "://" + uri.getAuthority(),
                    base -> new KeepAliveClient(URI.create(base), CONNECTIONS));
            Map<String, String> headers = r.headers().firstValue("If-None-Match").map(tag -> Map.of("If-None-Match", tag)).orElse(Map.of());
            client.get(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), headers, answer);
        }, (millis, status, reply) -> {
            latencies.add(millis);
            if (status != 200 && status != 304) {
                errors.incrementAndGet();
            } else {
                bytes.addAndGet(reply.length());
            }
        });
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(total, pct(sorted, 0.5), pct(sorted, 0.95), pct(sorted, 0.99), errors.get(), bytes.get());
    }

    static double pct(List<Double> sorted, double p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    /** The same rate for a static file of the same size from the same server, for the ratio. */
    static void report(String name, Result r, String base) throws Exception {
        long size = r.bytes() / Math.max(1, r.sent());
        String file = staticFileOfSize(base, size);
        Result baseline = load(() -> get(base + file, null), 300, 10);
        System.out.printf("%-42s p50 %6.1f ms  p95 %6.1f ms  p99 %6.1f ms  errors %d  %7d bytes | static %s (%d bytes) p95 %5.1f ms | ratio p95 %.1f%n",
                name, r.p50(), r.p95(), r.p99(), r.errors(), size, file, baseline.bytes() / Math.max(1, baseline.sent()), baseline.p95(),
                r.p95() / Math.max(0.1, baseline.p95()));
    }

    /** Of the static files the app serves, the one closest in size. */
    static String staticFileOfSize(String base, long size) throws Exception {
        String best = null;
        long bestDiff = Long.MAX_VALUE;
        for (String f : List.of("/resources/img/logo.svg", "/resources/js/export.js", "/resources/js/station.js", "/resources/css/app.css",
                "/webjars/html5-qrcode/2.2.1/html5-qrcode.min.js")) {
            HttpResponse<byte[]> r = CLIENT.send(get(base + f, null), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200 && Math.abs(r.body().length - size) < bestDiff) {
                bestDiff = Math.abs(r.body().length - size);
                best = f;
            }
        }
        return best;
    }

    static double until(BooleanSupplier shows, long since) throws InterruptedException {
        while (!shows.getAsBoolean()) {
            if (System.nanoTime() - since > 60_000_000_000L) {
                return Double.POSITIVE_INFINITY;
            }
            Thread.sleep(100);
        }
        return (System.nanoTime() - since) / 1e9;
    }

    /** Peak heap of the app (sampled every 200 ms with jcmd) while 500 citizens register at once. */
    static void heapUnderRush(TestApp app) throws Exception {
        List<Api.Citizen> citizens = Collections.synchronizedList(new ArrayList<>());
        ExecutorService setup = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 500; i++) {
            int k = i;
            setup.submit(() -> citizens.add(Api.newCitizen("堆" + k)));
        }
        setup.shutdown();
        setup.awaitTermination(10, TimeUnit.MINUTES);
        long event = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("堆测"), 20).add("capacity", 50)));
        AtomicLong peak = new AtomicLong();
        AtomicBoolean done = new AtomicBoolean();
        Thread sampler = new Thread(() -> {
            while (!done.get()) {
                peak.accumulateAndGet(heapUsed(app.pid()), Math::max);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();
        ExecutorService clients = Executors.newFixedThreadPool(500);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (Api.Citizen c : citizens) {
            running.add(clients.submit(() -> {
                go.await();
                return c.api().post("/api/v1/events/" + event + "/registrations", Json.createObjectBuilder().build()).status();
            }));
        }
        go.countDown();
        for (var f : running) {
            f.get();
        }
        Thread.sleep(1000);
        done.set(true);
        sampler.join();
        clients.shutdown();
        System.out.printf("peak heap used during the rush: %d MiB (the app runs with -Xmx512m; target <= 512 MiB)%n", peak.get() / 1024 / 1024);
    }

    /** Heap in use from {@code jcmd PID GC.heap_info} ("used NNNNK"). */
    static long heapUsed(long pid) {
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            Matcher m = Pattern.compile("used (\\d+)K").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) * 1024 : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private PublicRead() {}
}
