package cn.pujin.open.bench;

import java.util.stream.Stream;
import cn.pujin.open.it.Api;
import cn.pujin.open.it.Fixtures;
import cn.pujin.open.it.TestApp;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Check-in over HTTP at a steady rate (default 200 scans/s for 60 s) against the app on PostgreSQL, as at a door:
 * every measured scan is a pass's first (one pass per scan: rate x seconds attendees, registered on their behalf by
 * staff so the set-up needs no password hashing), one station key, and three organisers' live counters
 * (/checkins/stream) connected and reading throughout. A warm-up (60 s unless -Dbench.warmup=N, long enough for the
 * JIT to settle) scans passes of its own, repeatedly. Latency counts from the moment a scan was due, so a stalled
 * server cannot hide behind fewer requests. Target: p99 < 20 ms.
 * Usage: bench/checkin-rate [scans per second] [seconds]
 */
public final class CheckInRate {

    public static void main(String[] args) {
        try {
            run(args);
        } catch (Throwable e) {
            // exec:java would wait for GreenMail's threads before reporting; fail loudly instead
            e.printStackTrace();
            System.exit(1);
        }
    }

    static void run(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int people = rate * seconds;
        int warmPeople = Math.min(1000, people);
        TestApp app = TestApp.get();
        System.out.println("app on " + app.baseUrl + ", database " + app.jdbcUrl);
        long eventId = Fixtures.id(Fixtures.published(Fixtures.startingSoon(Fixtures.unique("签到压测")).add("capacity", people + warmPeople)));
        List<String> tokens = passes(eventId, people + warmPeople);
        String key = Api.as("organiser").post("/api/v1/events/" + eventId + "/stations",
                Json.createObjectBuilder().add("name", "压测门").build()).expect(201).json().getString("key");

        // the confirmation mails of the set-up go out first, so the measured minute only has scans
        RegistrationRush.drained(app);
        List<Listener> listeners = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            listeners.add(new Listener(app.baseUrl + "/api/v1/events/" + eventId + "/checkins/stream"));
        }
        // warm-up (not measured): the JIT compiles the scan path
        run(app.baseUrl, key, tokens.subList(0, warmPeople), rate, Integer.getInteger("bench.warmup", 60));
        long before = listeners.stream().mapToLong(l -> l.events.get()).sum();
        Duration appCpu = ProcessHandle.of(app.pid()).orElseThrow().info().totalCpuDuration().orElseThrow();
        Duration clientCpu = ProcessHandle.current().info().totalCpuDuration().orElseThrow();
        long startMillis = System.currentTimeMillis();
        Result r = run(app.baseUrl, key, tokens.subList(warmPeople, tokens.size()), rate, seconds);
        Thread.sleep(2000);
        System.out.printf("live counters: %d listeners connected throughout, %d updates received during the measured run%n",
                listeners.stream().filter(l -> l.open.get()).count(), listeners.stream().mapToLong(l -> l.events.get()).sum() - before);
        System.out.printf("measured window %d..%d%n", startMillis, System.currentTimeMillis());
        int scans = rate * seconds;
        System.out.printf("CPU per scan: app %.2f ms, client %.2f ms (2 cores shared with PostgreSQL)%n",
                ProcessHandle.of(app.pid()).orElseThrow().info().totalCpuDuration().orElseThrow().minus(appCpu).toNanos() / 1e6 / scans,
                ProcessHandle.current().info().totalCpuDuration().orElseThrow().minus(clientCpu).toNanos() / 1e6 / scans);
        System.out.printf("check-in over HTTP: %d scans in %d s at %d/s (achieved %.1f/s)   p50 %.1f ms   p99 %.1f ms   max %.1f ms   "
                        + "errors %d   verdicts %s%n", r.latencies.size(), seconds, rate, r.achieved, r.percentile(0.5),
                r.percentile(0.99), r.percentile(1.0), r.errors, r.verdicts);
        System.out.printf("p99 %.1f ms, target < 20 ms%n", r.percentile(0.99));
        System.exit(0);
    }

    record Result(List<Double> latencies, double achieved, int errors, Map<String, Integer> verdicts) {
        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
    }

    /** Passes of people registered on their behalf by staff (代为报名): no accounts of their own, no password hashing. */
    static List<String> passes(long eventId, int people) throws Exception {
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<Future<String>> made = new ArrayList<>();
        Api organiser = Api.as("organiser");
        for (int i = 0; i < people; i++) {
            int k = i;
            made.add(setup.submit(() -> {
                long registration = Fixtures.id(organiser.post("/api/v1/events/" + eventId + "/registrations/on-behalf",
                        Json.createObjectBuilder().add("name", "签到压测" + k).add("phone", Api.randomPhone()).add("category", "RESIDENT")
                                .add("source", "PROXY").add("consent", true).build()).expect(201).json());
                return organiser.get("/api/v1/registrations/" + registration + "/pass").expect(200).json().getString("token");
            }));
        }
        List<String> tokens = new ArrayList<>();
        for (Future<String> f : made) {
            tokens.add(f.get());
        }
        setup.shutdown();
        return tokens;
    }

    /** An organiser's live counter: the check-in stream, read line by line on a thread of its own. */
    static final class Listener {
        final AtomicLong events = new AtomicLong();
        final AtomicBoolean open = new AtomicBoolean(true);

        Listener(String url) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", Api.as("organiser").authorization())
                    .header("Accept", "text/event-stream").build();
            Thread t = new Thread(() -> {
                try {
                    HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(request,
                            HttpResponse.BodyHandlers.ofLines());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("stream answered " + response.statusCode());
                    }
                    response.body().forEach(line -> {
                        if (line.startsWith("data:")) {
                            events.incrementAndGet();
                        }
                    });
                } catch (Exception e) {
                    System.out.println("live counter closed: " + e);
                } finally {
                    open.set(false);
                }
            }, "live-counter");
            t.setDaemon(true);
            t.start();
        }
    }

    private static final Pattern VERDICT = Pattern.compile("\"verdict\":\"([A-Z_]+)\"");

    /** Connections of the load client: far more than the scans in flight at 200/s, so none waits for a connection. */
    static final int CONNECTIONS = 32;

    static Result run(String baseUrl, String key, List<String> tokens, int rate, int seconds) throws Exception {
        int total = rate * seconds;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(total));
        Map<String, Integer> verdicts = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        long start = System.nanoTime();
        try (KeepAliveClient client = new KeepAliveClient(URI.create(baseUrl), CONNECTIONS)) {
            KeepAliveClient.openLoop(rate, total, (i, answer) -> client.post("/api/v1/checkins", "Bearer " + key,
                    "{\"token\":\"" + tokens.get(i % tokens.size()) + "\",\"nonce\":\"" + UUID.randomUUID() + "\"}", answer),
                    (millis, status, reply) -> {
                        latencies.add(millis);
                        Matcher m = VERDICT.matcher(reply.text());
                        if (status != 200 || !m.find()) {
                            errors.incrementAndGet();
                        } else {
                            verdicts.merge(m.group(1), 1, Integer::sum);
                        }
                    });
        }
        double achieved = total / ((System.nanoTime() - start) / 1e9);
        return new Result(latencies, achieved, errors.get(), verdicts);
    }

    private CheckInRate() {}
}
