package cn.pujin.open.bench;

import cn.pujin.open.it.Api;
import cn.pujin.open.it.Fixtures;
import cn.pujin.open.it.TestApp;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registration rush: N clients register N distinct citizens for one hot event (capacity N/10) at the same
 * moment, over HTTP against the app on PostgreSQL; then a raw JDBC baseline does the same conditional seat
 * update + insert on the same database with the same number of client threads over a pool the size of
 * the app's (32). Prints throughput, p50/p99, overbooked count and the ratio app/baseline.
 *
 * <p>{@code bench/registration-rush [N]} runs it (default 500); {@code bench/registration-rush N 2} then runs the
 * same rush split across two clustered instances and prints the ratio two-instance/one-instance.
 */
public final class RegistrationRush {

    static final int POOL = 32;

    record Result(String name, int requests, double seconds, List<Double> latenciesMs, int confirmed, int capacity, int errors) {
        double perSecond() { return requests / seconds; }
        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(latenciesMs);
            Collections.sort(sorted);
            return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
        }
        int overbooked() { return Math.max(0, confirmed - capacity); }
    }

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
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int rounds = Integer.getInteger("bench.warmups", 3);
        TestApp app = TestApp.get();
        System.out.println("app on " + app.baseUrl + ", database " + app.jdbcUrl);
        List<Api.Citizen> citizens = citizens(n);
        // warm-up, not measured: the same citizens rush other events, so the JIT has compiled the request
        // path and the client holds its connections open, as a server that has been up a while would
        for (int i = 0; i < rounds; i++) {
            appRush(citizens, "warm-up");
            jdbcRush(app, n);
        }
        if (Boolean.getBoolean("bench.jfr")) {
            // a flight recording of the app during the measured rush: target/bench/rush.jfr
            new ProcessBuilder("jcmd", String.valueOf(app.pid()), "JFR.start", "name=rush", "settings=" + System.getProperty("bench.jfc", "profile"),
                    "filename=" + Path.of("target/bench/rush.jfr").toAbsolutePath()).inheritIO().start().waitFor();
        }
        Result web = appRush(citizens, "app (HTTP)");
        if (Boolean.getBoolean("bench.jfr")) {
            new ProcessBuilder("jcmd", String.valueOf(app.pid()), "JFR.stop", "name=rush").inheritIO().start().waitFor();
        }
        Result jdbc = jdbcRush(app, n);
        print(web);
        print(jdbc);
        System.out.printf("ratio app/baseline (registrations/s): %.2f   target >= 0.4%n", web.perSecond() / jdbc.perSecond());
        System.out.printf("app p99 %.1f ms (target < 250), overbooked %d (target 0)%n", web.percentile(0.99), web.overbooked());
        if (Integer.getInteger("bench.instances", 1) >= 2) {
            twoInstances(app, citizens, rounds, web);
        }
        System.exit(0);
    }

    /**
     * The same rush split across two Payara Micro instances clustered with each other (Payara's data grid over TCP on
     * loopback) on the same database, against the one-instance figure of this run.
     */
    static void twoInstances(TestApp app, List<Api.Citizen> citizens, int rounds, Result one) throws Exception {
        int a = app.port() + 300;
        int b = app.port() + 301;
        Map<String, String> env = new HashMap<>(app.environment());
        env.put("PUBLIC_URL", "http://localhost:" + a);
        String secret = "bench-" + UUID.randomUUID();
        Process first = TestApp.launchClustered(a, env, "bench-a", secret, 6920, 6920, 6921);
        Process second = TestApp.launchClustered(b, env, "bench-b", secret, 6921, 6920, 6921);
        try {
            TestApp.awaitReady("http://localhost:" + a, first, TestApp.logOf("bench-a"));
            TestApp.awaitReady("http://localhost:" + b, second, TestApp.logOf("bench-b"));
            IntFunction<String> split = i -> "http://localhost:" + (i % 2 == 0 ? a : b);
            // each instance gets half of every rush: twice the rounds warm each as much as the single one was
            for (int i = 0; i < 2 * rounds; i++) {
                appRush(citizens, "warm-up", split, null);
            }
            Result two = appRush(citizens, "2 instances", split, List.of(first.pid(), second.pid()));
            print(two);
            System.out.printf("ratio two instances/one instance (registrations/s): %.2f on %d cores   overbooked %d (target 0)%n",
                    two.perSecond() / one.perSecond(), Runtime.getRuntime().availableProcessors(), two.overbooked());
        } finally {
            first.destroyForcibly();
            second.destroyForcibly();
        }
    }

    static List<Api.Citizen> citizens(int n) throws Exception {
        ExecutorService setup = Executors.newFixedThreadPool(8);
        List<Future<Api.Citizen>> made = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            made.add(setup.submit(() -> {
                Api.Citizen c = Api.newCitizen("压测" + k);
                c.api().get("/api/v1/me").expect(200);
                return c;
            }));
        }
        List<Api.Citizen> citizens = new ArrayList<>();
        for (Future<Api.Citizen> f : made) {
            citizens.add(f.get());
        }
        setup.shutdown();
        return citizens;
    }

    static void print(Result r) {
        System.out.printf("%-12s %5d requests in %6.2f s = %7.1f registrations/s   p50 %7.1f ms   p99 %7.1f ms   "
                        + "confirmed %d of %d seats   overbooked %d   errors %d%n",
                r.name(), r.requests(), r.seconds(), r.perSecond(), r.percentile(0.5), r.percentile(0.99), r.confirmed(),
                r.capacity(), r.overbooked(), r.errors());
    }

    static Result appRush(List<Api.Citizen> citizens, String name) throws Exception {
        return appRush(citizens, name, i -> TestApp.get().baseUrl, List.of(TestApp.get().pid()));
    }

    /**
     * The rush's clients: one persistent connection per concurrent client to each instance, kept from the warm-up
     * rounds to the measured one as a server that has been up a while would see them (see {@link KeepAliveClient}).
     */
    private static final Map<String, KeepAliveClient> LOAD = new ConcurrentHashMap<>();
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    /** Citizen i talks to {@code instance.apply(i)}; the CPU of the {@code servers} processes is reported. */
    static Result appRush(List<Api.Citizen> citizens, String name, IntFunction<String> instance, List<Long> servers) throws Exception {
        int n = citizens.size();
        int capacity = Math.max(1, n / 10);
        long eventId = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("压测"), 20)
                .add("capacity", capacity).add("waitlist", true)));
        int connections = Integer.getInteger("bench.clients", n);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(n);
        List<Long> measured = servers == null ? List.of() : servers;
        Duration appCpu = cpu(measured);
        Duration clientCpu = cpu(ProcessHandle.current().pid());
        long startMillis = System.currentTimeMillis();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            KeepAliveClient client = LOAD.computeIfAbsent(instance.apply(i), base -> new KeepAliveClient(URI.create(base), connections));
            long t = System.nanoTime();
            client.post("/api/v1/events/" + eventId + "/registrations", citizens.get(i).api().authorization(), "{}", (status, reply) -> {
                latencies.add((System.nanoTime() - t) / 1e6);
                Matcher m = STATUS.matcher(reply.text());
                if (status != 201 || !m.find()) {
                    errors.incrementAndGet();
                } else if ("CONFIRMED".equals(m.group(1))) {
                    confirmed.incrementAndGet();
                }
                answered.countDown();
            });
        }
        if (Boolean.getBoolean("bench.threadDump") && !name.equals("warm-up")) {
            threadDumps();
        }
        answered.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!name.equals("warm-up")) {
            System.out.printf("CPU during the app rush (%d..%d): app %.1f ms/registration, client+GreenMail %.1f ms/registration%n",
                    startMillis, System.currentTimeMillis(),
                    cpu(measured).minus(appCpu).toNanos() / 1e6 / n,
                    cpu(ProcessHandle.current().pid()).minus(clientCpu).toNanos() / 1e6 / n);
        }
        int stored = count(TestApp.get(), "select count(*) from registration where event_id = " + eventId + " and status = 'CONFIRMED'");
        return new Result(name, n, seconds, latencies, Math.max(stored, confirmed.get()), capacity, errors.get());
    }

    static Result jdbcRush(TestApp app, int n) throws Exception {
        int capacity = Math.max(1, n / 10);
        try (Connection c = app.db(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_event (id bigint primary key, capacity int not null, confirmed_count int not null)");
            s.execute("create table if not exists bench_registration (id bigserial primary key, event_id bigint not null, "
                    + "account_id bigint not null, status varchar(20) not null, created_at timestamp with time zone not null, "
                    + "unique (event_id, account_id))");
            s.execute("delete from bench_registration");
            s.execute("delete from bench_event");
            s.execute("insert into bench_event values (1, " + capacity + ", 0)");
        }
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(POOL);
        for (int i = 0; i < POOL; i++) {
            Connection c = app.db();
            c.setAutoCommit(false);
            pool.add(c);
        }
        ExecutorService clients = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long account = i;
            running.add(clients.submit(() -> {
                go.await();
                long t = System.nanoTime();
                Connection c = pool.take();
                try (PreparedStatement seat = c.prepareStatement(
                        "update bench_event set confirmed_count = confirmed_count + 1 where id = 1 and confirmed_count < capacity");
                     PreparedStatement insert = c.prepareStatement(
                             "insert into bench_registration (event_id, account_id, status, created_at) values (1, ?, ?, now())")) {
                    boolean got = seat.executeUpdate() == 1;
                    insert.setLong(1, account);
                    insert.setString(2, got ? "CONFIRMED" : "WAITLISTED");
                    insert.executeUpdate();
                    c.commit();
                    if (got) {
                        confirmed.incrementAndGet();
                    }
                } catch (Exception e) {
                    c.rollback();
                    errors.incrementAndGet();
                } finally {
                    pool.put(c);
                }
                latencies.add((System.nanoTime() - t) / 1e6);
                return null;
            }));
        }
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        clients.shutdown();
        for (Connection c : pool) {
            c.close();
        }
        return new Result("baseline JDBC", n, seconds, latencies, count(app, "select confirmed_count from bench_event"), capacity, errors.get());
    }

    /** Three thread dumps of the app, 1 s apart, while the rush runs (target/bench/threads-N.txt). */
    static void threadDumps() throws Exception {
        for (int i = 1; i <= 3; i++) {
            Thread.sleep(1000);
            new ProcessBuilder("jcmd", String.valueOf(TestApp.get().pid()), "Thread.print")
                    .redirectOutput(Path.of("target/bench/threads-" + i + ".txt").toFile()).start().waitFor();
            new ProcessBuilder("jcmd", String.valueOf(ProcessHandle.current().pid()), "Thread.print")
                    .redirectOutput(Path.of("target/bench/client-threads-" + i + ".txt").toFile()).start().waitFor();
        }
    }

    static Duration cpu(List<Long> pids) {
        return pids.stream().map(RegistrationRush::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    static int count(TestApp app, String sql) throws Exception {
        try (Connection c = app.db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private RegistrationRush() {}
}
