package cn.pujin.open.bench;

import java.util.function.Consumer;
import cn.pujin.open.it.Api;
import cn.pujin.open.it.Fixtures;
import cn.pujin.open.it.TestApp;
import jakarta.json.Json;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registration rush, read as people feel it. The app (over HTTP, on PostgreSQL with {@code fsync} and
 * {@code synchronous_commit} on) against a raw JDBC baseline doing the least a registration can do — a conditional seat
 * UPDATE, an INSERT, one commit — with the same number of clients and the app's pool size (32), in the same run:
 * <ol>
 *   <li>burst: N citizens (default 500) register for one hot event (capacity N/10, waitlist) at the same moment; five
 *       rounds each after warm-up, app and baseline taking turns, the outbox drained before each round; median and
 *       min–max of registrations/s, and the ratio of the medians; while the app's rush runs, an anonymous visitor opens
 *       the event's public detail (API and page) 20 times a second;</li>
 *   <li>mail: from the start of each app round until GreenMail holds all N confirmation mails;</li>
 *   <li>per registration: SQL statements and commits (PostgreSQL's pg_stat_statements and pg_stat_database) on the
 *       request path — one more rush with this instance's mail sending held — and in the background work that sends
 *       the mails, and CPU of app, PostgreSQL and client;</li>
 *   <li>sustained: open-loop arrivals at rising rates ({@code bench.stepSeconds}, default 30 s per step) for app and
 *       baseline; the highest rate held with p99 &lt; 250 ms and no errors, and the ratio;</li>
 *   <li>with INSTANCES=2, the same burst split across two clustered instances on the same database.</li>
 * </ol>
 * {@code bench/registration-rush [N] [INSTANCES]}.
 */
public final class RegistrationRush {

    static final int POOL = 32;
    static final double P99_LIMIT_MS = 250;

    record Result(String name, int requests, double seconds, List<Double> latenciesMs, int confirmed, int capacity, int errors) {
        double perSecond() {
            return requests / seconds;
        }

        double percentile(double p) {
            return RegistrationRush.percentile(latenciesMs, p);
        }

        int overbooked() {
            return Math.max(0, confirmed - capacity);
        }
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
        int rounds = Integer.getInteger("bench.rounds", 5);
        int warmups = Integer.getInteger("bench.warmups", 5);
        TestApp app = TestApp.get();
        System.out.println("app on " + app.baseUrl + ", database " + app.jdbcUrl);
        System.out.println("PostgreSQL: fsync=" + setting(app, "fsync") + ", synchronous_commit=" + setting(app, "synchronous_commit")
                + ", full_page_writes=" + setting(app, "full_page_writes") + " (production durability: on, on, on)");
        boolean statements = statementsAvailable(app);
        List<Api.Citizen> citizens = citizens(n);
        // warm-up, not measured: the same citizens rush other events, so the JIT has compiled the request
        // path and the client holds its connections open, as a server that has been up a while would
        // On two cores the JIT compiler was still taking a third of the app's CPU after a dozen rushes, so warming
        // up lasts at least bench.warmupSeconds (default 120 s) of rushes, and at least bench.warmups (5) of them
        long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.warmupSeconds", 120));
        int warmed = 0;
        while (warmed < warmups || System.nanoTime() < warmUntil) {
            // the visitor too: the first page request compiles the pages and starts PrimeFaces, which is not a rush
            appRush(citizens, "warm-up", i -> app.baseUrl, null, Collections.synchronizedList(new ArrayList<>()),
                    Collections.synchronizedList(new ArrayList<>()));
            drained(app);
            jdbcRush(app, n, "warm-up");
            warmed++;
        }
        System.out.println("warmed up with " + warmed + " rushes each");

        // 1. burst, app and baseline taking turns
        List<Result> web = new ArrayList<>();
        List<Result> jdbc = new ArrayList<>();
        List<Double> mailSeconds = new ArrayList<>();
        List<Double> detailApi = Collections.synchronizedList(new ArrayList<>());
        List<Double> detailPage = Collections.synchronizedList(new ArrayList<>());
        for (int round = 1; round <= rounds; round++) {
            drained(app);
            app.mail.purgeEmailFromAllMailboxes();
            boolean jfr = round == 1 && Boolean.getBoolean("bench.jfr");
            if (jfr) {
                // a flight recording of the app during the first measured rush: target/bench/rush.jfr
                jcmd(app, "JFR.start", "name=rush", "settings=" + System.getProperty("bench.jfc", "profile"),
                        "filename=" + Path.of("target/bench/rush.jfr").toAbsolutePath());
            }
            long start = System.nanoTime();
            List<Double> roundApi = Collections.synchronizedList(new ArrayList<>());
            List<Double> roundPage = Collections.synchronizedList(new ArrayList<>());
            Result r = appRush(citizens, "app #" + round, i -> app.baseUrl, List.of(app.pid()), roundApi, roundPage);
            detailApi.addAll(roundApi);
            detailPage.addAll(roundPage);
            if (jfr) {
                jcmd(app, "JFR.stop", "name=rush");
            }
            web.add(r);
            print(r);
            System.out.printf("  public detail meanwhile: API p95 %.1f ms, page p95 %.1f ms (%d + %d requests)%n",
                    percentile(roundApi, 0.95), percentile(roundPage, 0.95), roundApi.size(), roundPage.size());
            mailSeconds.add(mailsDelivered(app, n, start));
            drained(app);
            Result b = jdbcRush(app, n, "baseline #" + round);
            jdbc.add(b);
            print(b);
        }
        double appMedian = median(web.stream().map(Result::perSecond).toList());
        double jdbcMedian = median(jdbc.stream().map(Result::perSecond).toList());
        System.out.println();
        System.out.printf("burst of %d, %d rounds: app %s registrations/s, baseline %s registrations/s%n", n, rounds,
                spread(web.stream().map(Result::perSecond).toList()), spread(jdbc.stream().map(Result::perSecond).toList()));
        System.out.printf("burst ratio app/baseline (medians): %.2f   target >= 0.4%n", appMedian / jdbcMedian);
        System.out.printf("app p50 %s ms, p99 %s ms (p99 of a burst is about N / throughput)%n",
                spread(web.stream().map(r -> r.percentile(0.5)).toList()), spread(web.stream().map(r -> r.percentile(0.99)).toList()));
        System.out.printf("overbooked: app %d, baseline %d (target 0); errors: app %d, baseline %d (target 0)%n",
                web.stream().mapToInt(Result::overbooked).sum(), jdbc.stream().mapToInt(Result::overbooked).sum(),
                web.stream().mapToInt(Result::errors).sum(), jdbc.stream().mapToInt(Result::errors).sum());
        System.out.printf("all %d confirmation mails delivered (GreenMail) after %s s from the start of the rush   target <= 60%n",
                n, spread(mailSeconds));
        System.out.printf("public event detail while the rush runs: API p95 %.1f ms (p50 %.1f), page p95 %.1f ms (p50 %.1f), %d + %d requests   target p95 < 50%n",
                percentile(detailApi, 0.95), percentile(detailApi, 0.5), percentile(detailPage, 0.95), percentile(detailPage, 0.5),
                detailApi.size(), detailPage.size());

        // what the HTTP layer alone costs a registration: the same flood, refused before the desk (no such event)
        flood(app, citizens);

        // 2. statements and CPU per registration
        if (statements && !"false".equals(System.getProperty("bench.statements"))) {
            System.out.println();
            statementsPerRegistration(app, citizens);
        }

        // 3. sustained
        if (Integer.getInteger("bench.stepSeconds", 30) > 0) {
            System.out.println();
            sustained(app, citizens);
        }

        // 4. two instances
        if (Integer.getInteger("bench.instances", 1) >= 2) {
            System.out.println();
            twoInstances(app, citizens, warmups, appMedian);
        }
        System.exit(0);
    }

    // ---- burst ----

    static Result appRush(List<Api.Citizen> citizens, String name) throws Exception {
        return appRush(citizens, name, i -> TestApp.get().baseUrl, List.of(TestApp.get().pid()), null, null);
    }

    /**
     * The rush's clients: one persistent connection per concurrent client to each instance, kept from the warm-up
     * rounds to the measured one as a server that has been up a while would see them (see {@link KeepAliveClient}).
     */
    private static final Map<String, KeepAliveClient> LOAD = new ConcurrentHashMap<>();
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Z_]+)\"");

    static KeepAliveClient load(String base, int connections) {
        return LOAD.computeIfAbsent(base, b -> new KeepAliveClient(URI.create(b), connections));
    }

    /**
     * Citizen i talks to {@code instance.apply(i)}; the CPU of the {@code servers} processes is reported. With
     * {@code detailApi} given, an anonymous visitor reads the event's public detail meanwhile.
     */
    static Result appRush(List<Api.Citizen> citizens, String name, IntFunction<String> instance, List<Long> servers,
                          List<Double> detailApi, List<Double> detailPage) throws Exception {
        int n = citizens.size();
        int capacity = Math.max(1, n / 10);
        long eventId = hotEvent(capacity);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(n);
        Cpu cpu = new Cpu(servers == null ? List.of() : servers);
        AtomicBoolean rushing = new AtomicBoolean(true);
        Thread visitor = detailApi == null ? null : visitor(instance.apply(0), eventId, rushing, detailApi, detailPage);
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            load(instance.apply(i), n).post("/api/v1/events/" + eventId + "/registrations", citizens.get(i).api().authorization(), "{}",
                    (status, reply) -> {
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
        rushing.set(false);
        if (visitor != null) {
            visitor.join();
        }
        if (!name.equals("warm-up") && servers != null) {
            System.out.println("  CPU per registration: " + cpu.perRegistration(n));
        }
        int stored = count(TestApp.get(), "select count(*) from registration where event_id = " + eventId + " and status = 'CONFIRMED'");
        return new Result(name, n, seconds, latencies, Math.max(stored, confirmed.get()), capacity, errors.get());
    }

    static long hotEvent(int capacity) {
        return Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("压测"), 20).add("capacity", capacity).add("waitlist", true)));
    }

    /** An anonymous visitor opening the event's public detail, API and page in turn, 20 times a second while the rush runs. */
    static Thread visitor(String base, long eventId, AtomicBoolean rushing, List<Double> api, List<Double> page) {
        KeepAliveClient client = load(base + "#visitor", 4);
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; rushing.get(); i++) {
                    long t0 = System.nanoTime();
                    boolean json = i % 2 == 0;
                    List<Double> into = json ? api : page;
                    client.get(json ? "/api/v1/events/" + eventId : "/events/detail.xhtml?id=" + eventId,
                            Map.of("Accept", json ? "application/json" : "text/html", "Accept-Language", "zh-CN"),
                            (status, reply) -> into.add(status == 200 ? (System.nanoTime() - t0) / 1e6 : 60_000.0));
                    TimeUnit.MILLISECONDS.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "visitor");
        t.start();
        return t;
    }

    static Result jdbcRush(TestApp app, int n, String name) throws Exception {
        int capacity = Math.max(1, n / 10);
        baselineTables(app, 1, capacity);
        BlockingQueue<Connection> pool = jdbcPool(app);
        ExecutorService clients = Executors.newFixedThreadPool(n);
        CountDownLatch go = new CountDownLatch(1);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long account = i;
            running.add(clients.submit(() -> {
                go.await();
                long t = System.nanoTime();
                if (!baselineRegistration(pool, 1, account)) {
                    errors.incrementAndGet();
                }
                latencies.add((System.nanoTime() - t) / 1e6);
                return null;
            }));
        }
        Cpu cpu = new Cpu(List.of());
        long start = System.nanoTime();
        go.countDown();
        for (Future<?> f : running) {
            f.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!name.equals("warm-up")) {
            System.out.println("  CPU per registration: " + cpu.perRegistration(n));
        }
        clients.shutdown();
        closeAll(pool);
        return new Result(name, n, seconds, latencies, count(app, "select confirmed_count from bench_event where id = 1"), capacity, errors.get());
    }

    /** The baseline's tables: events 1..events with the capacity, no registrations. */
    static void baselineTables(TestApp app, int events, int capacity) throws SQLException {
        try (Connection c = app.db(); Statement s = c.createStatement()) {
            s.execute("create table if not exists bench_event (id bigint primary key, capacity int not null, confirmed_count int not null)");
            s.execute("create table if not exists bench_registration (id bigserial primary key, event_id bigint not null, "
                    + "account_id bigint not null, status varchar(20) not null, created_at timestamp with time zone not null, "
                    + "unique (event_id, account_id))");
            s.execute("truncate bench_registration");
            s.execute("delete from bench_event");
            s.execute("insert into bench_event select g, " + capacity + ", 0 from generate_series(1, " + events + ") g");
        }
    }

    static BlockingQueue<Connection> jdbcPool(TestApp app) throws SQLException {
        BlockingQueue<Connection> pool = new ArrayBlockingQueue<>(POOL);
        for (int i = 0; i < POOL; i++) {
            Connection c = app.db();
            c.setAutoCommit(false);
            pool.add(c);
        }
        return pool;
    }

    static void closeAll(BlockingQueue<Connection> pool) throws SQLException {
        for (Connection c : pool) {
            c.close();
        }
    }

    /** What the least a registration can be: a conditional seat update and an insert, one commit. */
    static boolean baselineRegistration(BlockingQueue<Connection> pool, long event, long account) throws InterruptedException {
        Connection c = pool.take();
        try (PreparedStatement seat = c.prepareStatement(
                "update bench_event set confirmed_count = confirmed_count + 1 where id = ? and confirmed_count < capacity");
             PreparedStatement insert = c.prepareStatement(
                     "insert into bench_registration (event_id, account_id, status, created_at) values (?, ?, ?, now())")) {
            seat.setLong(1, event);
            boolean got = seat.executeUpdate() == 1;
            insert.setLong(1, event);
            insert.setLong(2, account);
            insert.setString(3, got ? "CONFIRMED" : "WAITLISTED");
            insert.executeUpdate();
            c.commit();
            return true;
        } catch (SQLException e) {
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // the connection is gone; the error is counted
            }
            return false;
        } finally {
            pool.put(c);
        }
    }

    /**
     * The same 500 simultaneous POSTs with an event id that is not a number: answered 404 by the resource before the
     * desk, so what is measured is what every registration costs up to the desk (HTTP, filters, authentication,
     * JAX-RS, the JSON body) plus a small problem answer — the work a visitor's request waits behind in a burst.
     */
    static void flood(TestApp app, List<Api.Citizen> citizens) throws Exception {
        int n = citizens.size();
        List<Double> seconds = new ArrayList<>();
        List<Double> cpuMs = new ArrayList<>();
        // -Dbench.jfrFlood=true: 20 rounds under a flight recording, target/bench/flood.jfr (what the 0.9 ms is made of)
        boolean jfr = Boolean.getBoolean("bench.jfrFlood");
        if (jfr) {
            jcmd(app, "JFR.start", "name=flood", "settings=profile", "filename=" + Path.of("target/bench/flood.jfr").toAbsolutePath());
        }
        for (int round = 0; round < (jfr ? 20 : 5); round++) {
            CountDownLatch answered = new CountDownLatch(n);
            AtomicInteger wrong = new AtomicInteger();
            Duration before = cpu(app.pid());
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                load(app.baseUrl, n).post("/api/v1/events/none/registrations", citizens.get(i).api().authorization(), "{}",
                        (status, reply) -> {
                            if (status != 404) {
                                wrong.incrementAndGet();
                            }
                            answered.countDown();
                        });
            }
            answered.await();
            seconds.add((System.nanoTime() - start) / 1e9 * 1000);
            cpuMs.add(cpu(app.pid()).minus(before).toNanos() / 1e6 / n);
            if (wrong.get() > 0) {
                throw new IllegalStateException(wrong.get() + " flood requests were not answered 404");
            }
        }
        if (jfr) {
            jcmd(app, "JFR.stop", "name=flood");
        }
        System.out.printf("the HTTP layer alone (%d POSTs refused before the desk, " + cpuMs.size() + " rounds): app CPU %s ms per request, "
                + "all answered after %s ms%n", n, spread(cpuMs), spread(seconds));
    }

    // ---- mail ----

    /** Seconds from {@code startNanos} until GreenMail holds {@code n} mails (at most 180 s; -1 when they never came). */
    static double mailsDelivered(TestApp app, int n, long startNanos) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (app.mail.getReceivedMessages().length >= n) {
                return (System.nanoTime() - startNanos) / 1e9;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return -1;
    }

    /** Waits until the outbox owes nothing (no mail pending), so one round's mail work does not run in the next. */
    static void drained(TestApp app) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (count(app, "select count(*) from notification where email_state = 'PENDING'") > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the outbox did not drain in 180 s");
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    // ---- statements ----

    static boolean statementsAvailable(TestApp app) {
        try (Connection c = app.db(); Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.executeQuery("select count(*) from pg_stat_statements").close();
            return true;
        } catch (SQLException e) {
            System.out.println("pg_stat_statements unavailable (" + e.getMessage().lines().findFirst().orElse("") + "): no statement counts;"
                    + " the embedded server loads it, a DB_URL server needs shared_preload_libraries = 'pg_stat_statements'");
            return false;
        }
    }

    record Counts(long statements, long commits, Map<String, Long> byQuery) {
        Counts minus(Counts before) {
            Map<String, Long> diff = new LinkedHashMap<>();
            byQuery.forEach((q, calls) -> {
                long d = calls - before.byQuery.getOrDefault(q, 0L);
                if (d > 0) {
                    diff.put(q, d);
                }
            });
            return new Counts(statements - before.statements, commits - before.commits, diff);
        }
    }

    /** Statements of the application's database (the bench's own reads excluded) and its commits, as PostgreSQL counts them. */
    static Counts counts(TestApp app) throws SQLException {
        Map<String, Long> byQuery = new LinkedHashMap<>();
        long total = 0;
        try (Connection c = app.db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     select query, sum(calls) from pg_stat_statements s join pg_database d on d.oid = s.dbid
                     where d.datname = current_database() and toplevel and query not like '%pg_stat%' and query not like '%bench_%'
                     and query not like '%email_state = ''PENDING''%' and query not like '%BENCH%'
                     group by query order by 2 desc""")) {
            while (rs.next()) {
                String q = rs.getString(1).replaceAll("\\s+", " ");
                byQuery.put(q, rs.getLong(2));
                // BEGIN and COMMIT are the transaction's brackets (sent with the first statement and as the commit,
                // counted as commits below), not statements of their own
                if (!q.matches("(?i)(BEGIN|COMMIT|ROLLBACK)")) {
                    total += rs.getLong(2);
                }
            }
        }
        try (Connection c = app.db(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select xact_commit from pg_stat_database where datname = current_database()")) {
            rs.next();
            return new Counts(total, rs.getLong(1), byQuery);
        }
    }

    /**
     * One more rush with this instance's mail sending held: what PostgreSQL counted until the last answer is the request
     * path; what it counts from resuming the outbox until it owes nothing is the background work.
     */
    static void statementsPerRegistration(TestApp app, List<Api.Citizen> citizens) throws Exception {
        int n = citizens.size();
        Api organiser = Api.as("organiser");
        drained(app);
        long eventId = hotEvent(Math.max(1, n / 10));
        organiser.put("/api/v1/platform/outbox", Json.createObjectBuilder().add("paused", true).build()).expect(200);
        TimeUnit.MILLISECONDS.sleep(500);
        settleStatistics();
        Counts before = counts(app);
        Cpu cpu = new Cpu(List.of(app.pid()));
        CountDownLatch answered = new CountDownLatch(n);
        AtomicInteger errors = new AtomicInteger();
        for (int i = 0; i < n; i++) {
            load(app.baseUrl, n).post("/api/v1/events/" + eventId + "/registrations", citizens.get(i).api().authorization(), "{}",
                    (status, reply) -> {
                        if (status != 201) {
                            errors.incrementAndGet();
                        }
                        answered.countDown();
                    });
        }
        answered.await();
        String requestCpu = cpu.perRegistration(n);
        settleStatistics();
        Counts request = counts(app).minus(before);
        Cpu background = new Cpu(List.of(app.pid()));
        long resumed = System.nanoTime();
        Counts mid = counts(app);
        app.mail.purgeEmailFromAllMailboxes();
        organiser.put("/api/v1/platform/outbox", Json.createObjectBuilder().add("paused", false).build()).expect(200);
        double mailSeconds = mailsDelivered(app, n, resumed);
        drained(app);
        String backgroundCpu = background.perRegistration(n);
        settleStatistics();
        Counts work = counts(app).minus(mid);
        System.out.printf("per registration, request path (%d registrations, %d errors, mail sending held): %.2f statements (BEGIN/COMMIT "
                + "aside), %.2f commits (pg_stat_database.xact_commit, read-only ones included)   target <= 8 statements, 1 commit%n", n, errors.get(), request.statements() / (double) n, request.commits() / (double) n);
        System.out.println("  CPU per registration: " + requestCpu);
        request.byQuery().forEach((q, calls) -> System.out.printf("  %7.3f  %s%n", calls / (double) n, abbreviate(q)));
        System.out.printf("per registration, background (sending the %d mails, %.1f s): %.2f statements, %.2f commits%n",
                n, mailSeconds, work.statements() / (double) n, work.commits() / (double) n);
        System.out.println("  CPU per registration: " + backgroundCpu);
        work.byQuery().forEach((q, calls) -> System.out.printf("  %7.3f  %s%n", calls / (double) n, abbreviate(q)));
    }

    /** pg_stat_database is updated by each backend at most every half second (PGSTAT_MIN_INTERVAL). */
    static void settleStatistics() throws InterruptedException {
        TimeUnit.MILLISECONDS.sleep(1200);
    }

    static String abbreviate(String q) {
        return q.length() <= 150 ? q : q.substring(0, 147) + "...";
    }

    // ---- sustained ----

    /** One step of an open loop: how many were sent, the latencies from when each was due, errors, and whether it kept up. */
    record Step(int rate, List<Double> latencies, int errors, boolean gaveUp) {
        boolean held() {
            return !gaveUp && errors == 0 && percentile(latencies, 0.99) < P99_LIMIT_MS;
        }

        String line(String who) {
            return String.format("  %-8s %5d/s  p50 %7.1f ms  p99 %8.1f ms  errors %d%s  %s", who, rate, percentile(latencies, 0.5),
                    percentile(latencies, 0.99), errors, gaveUp ? "  (fell behind by more than 1 s: stopped)" : "", held() ? "held" : "not held");
        }
    }

    interface Arrival {
        /** Sends registration {@code i} (event i / N, citizen i % N); {@code done} receives whether it worked. */
        void send(int i, Consumer<Boolean> done) throws Exception;
    }

    /**
     * Open loop: registration i is due at start + i / rate and its latency counts from then. When more than a second's
     * arrivals are unanswered the step has failed: sending stops and the step is reported as not held.
     */
    static Step openLoop(int rate, int seconds, Arrival arrival) throws Exception {
        int total = rate * seconds;
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>(total));
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger outstanding = new AtomicInteger();
        long interval = 1_000_000_000L / rate;
        long start = System.nanoTime();
        boolean gaveUp = false;
        int sent = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            if (outstanding.get() > Math.max(rate, 50)) {
                gaveUp = true;
                break;
            }
            outstanding.incrementAndGet();
            sent++;
            arrival.send(i, ok -> {
                latencies.add((System.nanoTime() - due) / 1e6);
                if (!ok) {
                    errors.incrementAndGet();
                }
                outstanding.decrementAndGet();
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (latencies.size() < sent && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return new Step(rate, new ArrayList<>(latencies), errors.get() + (sent - latencies.size()), gaveUp);
    }

    /**
     * Rising rates, first doubling from {@code bench.stepRate} (default 50/s) until a step is not held, then halving the
     * gap down to the step size; the highest rate held is the figure.
     */
    static int highestHeld(String who, int stepRate, StepRunner runner) throws Exception {
        int held = 0;
        int rate = stepRate;
        int failed = -1;
        while (failed < 0) {
            Step s = runner.run(rate);
            System.out.println(s.line(who));
            if (s.held()) {
                held = rate;
                rate *= 2;
            } else {
                failed = rate;
            }
            if (rate > 6400) {
                return held;
            }
        }
        while (failed - held > stepRate) {
            int mid = Math.max(held + stepRate, (held + failed) / 2 / stepRate * stepRate);
            Step s = runner.run(mid);
            System.out.println(s.line(who));
            if (s.held()) {
                held = mid;
            } else {
                failed = mid;
            }
        }
        return held;
    }

    interface StepRunner {
        Step run(int rate) throws Exception;
    }

    static void sustained(TestApp app, List<Api.Citizen> citizens) throws Exception {
        int n = citizens.size();
        int seconds = Integer.getInteger("bench.stepSeconds", 30);
        int stepRate = Integer.getInteger("bench.stepRate", 50);
        int capacity = Math.max(1, n / 10);
        System.out.printf("sustained: open-loop arrivals, %d s per step, each event (capacity %d) takes %d registrations%n", seconds, capacity, n);
        int appHeld = highestHeld("app", stepRate, rate -> {
            drained(app);
            int events = (rate * seconds + n - 1) / n;
            List<Long> ids = new ArrayList<>();
            for (int e = 0; e < events; e++) {
                ids.add(hotEvent(capacity));
            }
            KeepAliveClient client = load(app.baseUrl, n);
            return openLoop(rate, seconds, (i, done) -> client.post("/api/v1/events/" + ids.get(i / n) + "/registrations",
                    citizens.get(i % n).api().authorization(), "{}", (status, reply) -> done.accept(status == 201)));
        });
        int jdbcHeld = highestHeld("baseline", stepRate, rate -> {
            drained(app);
            int events = (rate * seconds + n - 1) / n;
            baselineTables(app, events, capacity);
            BlockingQueue<Connection> pool = jdbcPool(app);
            ExecutorService clients = Executors.newFixedThreadPool(n);
            try {
                return openLoop(rate, seconds, (i, done) -> clients.execute(() -> {
                    try {
                        done.accept(baselineRegistration(pool, 1 + i / n, i % n));
                    } catch (InterruptedException e) {
                        done.accept(false);
                    }
                }));
            } finally {
                clients.shutdown();
                clients.awaitTermination(2, TimeUnit.MINUTES);
                closeAll(pool);
            }
        });
        System.out.printf("sustained: highest rate held with p99 < %.0f ms and no errors: app %d/s, baseline %d/s, ratio %.2f   target >= 0.4%n",
                P99_LIMIT_MS, appHeld, jdbcHeld, jdbcHeld == 0 ? 0 : appHeld / (double) jdbcHeld);
    }

    // ---- two instances ----

    /**
     * The same rush split across two Payara Micro instances clustered with each other (Payara's data grid over TCP on
     * loopback) on the same database, against the one-instance median of this run.
     */
    static void twoInstances(TestApp app, List<Api.Citizen> citizens, int warmups, double oneMedian) throws Exception {
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
            // fresh JVMs: warmed as long as the single one was (each gets half of every rush)
            long warmUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(Integer.getInteger("bench.warmupSeconds", 120));
            for (int i = 0; i < 2 * warmups || System.nanoTime() < warmUntil; i++) {
                appRush(citizens, "warm-up", split, null, null, null);
                drained(app);
            }
            List<Result> two = new ArrayList<>();
            for (int round = 1; round <= Integer.getInteger("bench.rounds", 5); round++) {
                drained(app);
                Result r = appRush(citizens, "2 instances #" + round, split, List.of(first.pid(), second.pid()), null, null);
                print(r);
                two.add(r);
            }
            double median = median(two.stream().map(Result::perSecond).toList());
            System.out.printf("two instances: %s registrations/s; ratio two/one (medians) %.2f on %d cores   overbooked %d (target 0), errors %d%n",
                    spread(two.stream().map(Result::perSecond).toList()), median / oneMedian, Runtime.getRuntime().availableProcessors(),
                    two.stream().mapToInt(Result::overbooked).sum(), two.stream().mapToInt(Result::errors).sum());
        } finally {
            first.destroyForcibly();
            second.destroyForcibly();
        }
    }

    // ---- helpers ----

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
        System.out.printf("%-14s %5d requests in %6.2f s = %7.1f registrations/s   p50 %7.1f ms   p99 %7.1f ms   "
                        + "confirmed %d of %d seats   overbooked %d   errors %d%n",
                r.name(), r.requests(), r.seconds(), r.perSecond(), r.percentile(0.5), r.percentile(0.99), r.confirmed(),
                r.capacity(), r.overbooked(), r.errors());
    }

    static double percentile(List<Double> values, double p) {
        List<Double> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, Math.max(0, (int) Math.ceil(p * sorted.size()) - 1)));
    }

    static double median(List<Double> values) {
        return percentile(values, 0.5);
    }

    /** "median (min–max)". */
    static String spread(List<Double> values) {
        return String.format("%.1f (%.1f–%.1f)", median(values), Collections.min(values), Collections.max(values));
    }

    /** CPU time of the app processes, PostgreSQL's processes and this JVM (client and GreenMail) since construction. */
    static final class Cpu {
        private final List<Long> servers;
        private final Duration app;
        private final Duration postgres;
        private final Duration client;

        Cpu(List<Long> servers) {
            this.servers = servers;
            this.app = cpu(servers);
            this.postgres = postgresCpu();
            this.client = cpu(ProcessHandle.current().pid());
        }

        String perRegistration(int n) {
            return String.format("app %.2f ms, PostgreSQL %.2f ms, client+GreenMail %.2f ms",
                    cpu(servers).minus(app).toNanos() / 1e6 / n, postgresCpu().minus(postgres).toNanos() / 1e6 / n,
                    cpu(ProcessHandle.current().pid()).minus(client).toNanos() / 1e6 / n);
        }
    }

    /** PostgreSQL's processes (postmaster and backends) on this machine. */
    static Duration postgresCpu() {
        return ProcessHandle.allProcesses().filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO)).reduce(Duration.ZERO, Duration::plus);
    }

    static void jcmd(TestApp app, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of("jcmd", String.valueOf(app.pid())));
        line.addAll(List.of(command));
        new ProcessBuilder(line).inheritIO().start().waitFor();
    }

    /** Three thread dumps of the app, 1 s apart, while the rush runs (target/bench/threads-N.txt). */
    static void threadDumps() throws Exception {
        for (int i = 1; i <= 3; i++) {
            Thread.sleep(1000);
            new ProcessBuilder("jcmd", String.valueOf(TestApp.get().pid()), "Thread.print")
                    .redirectOutput(Path.of("target/bench/threads-" + i + ".txt").toFile()).start().waitFor();
        }
    }

    static Duration cpu(List<Long> pids) {
        return pids.stream().map(RegistrationRush::cpu).reduce(Duration.ZERO, Duration::plus);
    }

    static Duration cpu(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().totalCpuDuration()).orElse(Duration.ZERO);
    }

    static String setting(TestApp app, String name) throws SQLException {
        try (Connection c = app.db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("show " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static int count(TestApp app, String sql) throws SQLException {
        try (Connection c = app.db(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private RegistrationRush() {}
}
