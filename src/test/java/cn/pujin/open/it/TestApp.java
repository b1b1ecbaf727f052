package cn.pujin.open.it;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The application under test, started once per test JVM: the built WAR on Payara Micro (a real
 * {@code java -jar payara-micro.jar} process) against real PostgreSQL — zonky's embedded server, or the
 * database in {@code DB_URL}/{@code DB_USER}/{@code DB_PASSWORD} when set.
 */
public final class TestApp {

    private static TestApp instance;

    public final String baseUrl;
    public final String jdbcUrl;
    public final String dbUser;
    public final String dbPassword;
    /** The SMTP server the app sends to: GreenMail, in this JVM. */
    public final GreenMail mail;
    /** The operator's SMS centre the app sends verification codes to, over SMPP. */
    public SmsCenter sms;
    private volatile Process process;
    private final EmbeddedPostgres postgres;
    private Map<String, String> env;
    private int port;

    private TestApp(String baseUrl, String jdbcUrl, String dbUser, String dbPassword, Process process, EmbeddedPostgres postgres,
                    GreenMail mail) {
        this.baseUrl = baseUrl;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
        this.process = process;
        this.postgres = postgres;
        this.mail = mail;
    }

    public static synchronized TestApp get() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    /** The Payara Micro process id (benchmarks take thread dumps of it). */
    public long pid() {
        return process.pid();
    }

    /** The HTTP port of the application under test. */
    public int port() {
        return port;
    }

    /** The environment the application under test runs with (database, mail, clock control, trusted proxies). */
    public Map<String, String> environment() {
        return Map.copyOf(env);
    }

    /** {@code kill -9} of the application: no shutdown hook, no flush, no goodbye. */
    public void crash() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Starts the application again on the same database, mail server and port; returns once it is ready. */
    public void restart(String logName) throws IOException {
        Process again = launch(port, env, logName);
        awaitReady(baseUrl, again, logOf(logName));
        process = again;
    }

    public Connection db() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
    }

    private static TestApp start() {
        try {
            EmbeddedPostgres postgres = null;
            String url = System.getenv("DB_URL");
            String user = System.getenv().getOrDefault("DB_USER", "postgres");
            String password = System.getenv().getOrDefault("DB_PASSWORD", "postgres");
            if (url == null || url.isBlank()) {
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60));
                if (Boolean.getBoolean("it.durable")) {
                    // benchmarks: production durability (zonky starts the server with -F and synchronous_commit=off;
                    // a later -c wins) and PostgreSQL's own statement statistics
                    builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                            .setServerConfig("full_page_writes", "on")
                            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                            .setServerConfig("pg_stat_statements.track", "all")
                            .setServerConfig("pg_stat_statements.max", "10000");
                }
                postgres = builder.start();
                try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE pujin");
                }
                url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/pujin";
                user = "postgres";
                password = "postgres";
            }
            int port = Integer.getInteger("it.port", 18080);
            GreenMail mail = new GreenMail(new ServerSetup(port + 25, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            SmsCenter sms = new SmsCenter(port + 26);
            Map<String, String> env = new HashMap<>();
            env.put("SMPP_HOST", "127.0.0.1");
            env.put("SMPP_PORT", String.valueOf(port + 26));
            env.put("SMPP_SYSTEM_ID", SmsCenter.SYSTEM_ID);
            env.put("SMPP_PASSWORD", SmsCenter.PASSWORD);
            env.put("MAIL_HOST", "127.0.0.1");
            env.put("MAIL_PORT", String.valueOf(port + 25));
            env.put("DB_URL", url);
            env.put("DB_USER", user);
            env.put("DB_PASSWORD", password);
            env.put("DEMO_DATA", "true");
            // every API call of the suite signs in with HTTP Basic: a tenth of the production hashing cost (PBKDF2 with
            // 20,000 iterations, microprofile-config.properties) keeps thousands of them from costing a minute
            env.put("PASSWORD_ITERATIONS", "2000");
            env.put("CLOCK_CONTROL", "true");
            // CrashSafetyIT kills the app mid-send: mails it had claimed go out 20 s later instead of 2 minutes
            env.put("MAIL_CLAIM_SECONDS", "20");
            // the tests stand in for the reverse proxy: X-Forwarded-For from loopback is believed
            env.put("TRUSTED_PROXIES", "127.0.0.1,0:0:0:0:0:0:0:1");
            env.put("PUBLIC_URL", "http://localhost:" + port);
            env.put("CONFIG_DIR", Path.of("config").toAbsolutePath().toString());
            Process process = launch(port, env, "app");
            String base = "http://localhost:" + port;
            awaitReady(base, process, logOf("app"));
            TestApp app = new TestApp(base, url, user, password, process, postgres, mail);
            app.env = env;
            app.sms = sms;
            app.port = port;
            return app;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start the application under test", e);
        }
    }

    /** Starts the built WAR on Payara Micro alone (no data grid, as the run command); output goes to target/it/NAME.log. */
    public static Process launch(int port, Map<String, String> env, String name) throws IOException {
        return launch(port, env, name, List.of("--nohazelcast"));
    }

    /** The same with other Payara Micro options in place of {@code --nohazelcast}. */
    public static Process launch(int port, Map<String, String> env, String name, List<String> clusterArgs) throws IOException {
        return launch(port, env, name, clusterArgs, List.of("-Xmx512m", "-XX:+UseSerialGC"));
    }

    /**
     * JVM options of an instance that lives for one test only: the quick compiler alone and the serial collector — on two
     * cores the optimising compiler and a concurrent collector only take time from the tests running beside it.
     */
    public static final List<String> SHORT_LIVED = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /** The same with other JVM options. */
    public static Process launch(int port, Map<String, String> env, String name, List<String> clusterArgs,
                                 List<String> jvmOptions) throws IOException {
        Path war = Path.of(System.getProperty("it.war", "target/pujin-open.war"));
        Path payara = Path.of(System.getProperty("it.payara", "target/payara-micro.jar"));
        if (!Files.exists(war) || !Files.exists(payara)) {
            throw new IllegalStateException("build first: " + war + " and " + payara + " are needed (mvn verify does it)");
        }
        List<String> arguments = new ArrayList<>(List.of("-jar", payara.toString()));
        arguments.addAll(bootFiles(clusterArgs.contains("--clustermode")));
        arguments.addAll(List.of("--deploy", war.toString(), "--contextroot", "/", "--port", String.valueOf(port)));
        arguments.addAll(clusterArgs);
        List<String> jvm = new ArrayList<>(jvmOptions);
        String extra = System.getProperty("it.jvmArgs", "");
        if (!extra.isBlank()) {
            jvm.addAll(List.of(extra.trim().split("\\s+")));
        }
        return start(jvm, arguments, env, name);
    }

    /** Payara Micro's boot command files and logging, as the run command and docker/entrypoint.sh give them. */
    static List<String> bootFiles(boolean clustered) {
        Path payaraConfig = Path.of("config/payara").toAbsolutePath();
        return List.of("--prebootcommandfile", payaraConfig.resolve("pre-boot-commands.asadmin").toString(),
                "--postbootcommandfile", payaraConfig.resolve(clustered ? "post-boot-cluster.asadmin" : "post-boot-commands.asadmin").toString(),
                "--logproperties", payaraConfig.resolve("logging.properties").toString());
    }

    /**
     * Starts {@code java JVM-OPTIONS ARGUMENTS} (ARGUMENTS begin with {@code -jar payara-micro.jar}) with the given
     * environment; output goes to target/it/NAME.log.
     */
    public static Process start(List<String> jvmOptions, List<String> arguments, Map<String, String> env, String name)
            throws IOException {
        Path log = logOf(name);
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.addAll(arguments.subList(0, 2));
        // Payara Micro's runtime directory beside the log, emptied first: in /tmp (the default) every forced stop — the
        // crash tests kill -9 on purpose — left 150 MB behind, and a machine running the suite and the benchmarks
        // gathered 73 of them (9 GB); under target/ they go with the build
        Path root = log.resolveSibling("payara-" + name).toAbsolutePath();
        deleteTree(root);
        command.addAll(List.of("--rootdir", root.toString()));
        command.addAll(arguments.subList(2, arguments.size()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        return builder.start();
    }

    /**
     * One member of a cluster of instances on loopback over TCP, started as docker/entrypoint.sh starts one: the data
     * grid listens on {@code startPort} of 127.0.0.1 only, joins the members on {@code memberPorts}, and its cluster
     * name is the secret (port ranges are refused on this machine, so each port is listed).
     */
    public static Process launchClustered(int port, Map<String, String> env, String name, String secret, int startPort,
                                          int... memberPorts) throws IOException {
        String members = Arrays.stream(memberPorts).mapToObj(p -> "127.0.0.1:" + p)
                .collect(Collectors.joining(","));
        Map<String, String> clustered = new HashMap<>(env);
        clustered.put("CLUSTER_MEMBERS", members);
        if (secret != null) {
            clustered.put("CLUSTER_SECRET", secret);
        }
        return launch(port, clustered, name, List.of("--clustermode", "tcpip:" + members,
                        "--startport", String.valueOf(startPort), "--interfaces", "127.0.0.1"),
                java.util.stream.Stream.concat(SHORT_LIVED.stream(), java.util.stream.Stream.of("-Dhazelcast.socket.bind.any=false",
                        "-Dhazelcast.logging.details.enabled=false")).toList());
    }

    /**
     * The run command's zero-setup default pointed at a folder of its own: an H2 file database there, demo data,
     * the repository's config/, and mails written as .eml files to {@code dir/outbox}.
     */
    public static Map<String, String> h2Environment(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", "jdbc:h2:file:" + dir.toAbsolutePath().resolve("pujin") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH");
        env.put("DEMO_DATA", "true");
        env.put("CONFIG_DIR", Path.of("config").toAbsolutePath().toString());
        env.put("OUTBOX_DIR", dir.toAbsolutePath().resolve("outbox").toString());
        return env;
    }

    private static void deleteTree(Path root) throws IOException {
        if (Files.exists(root)) {
            try (var paths = Files.walk(root)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    public static Path logOf(String name) {
        return Path.of(System.getProperty("it.workdir", "target/it")).resolve(name + ".log");
    }

    /** Waits until {@code /health/ready} says UP; fails early with the log's tail when the process dies. */
    public static void awaitReady(String base, Process process, Path log) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Payara Micro exited during start-up:\n" + tail(log));
            }
            // a failed deployment leaves Payara running without the app: stop it now rather than after four minutes,
            // and never leave it holding the port for the next run
            if (Files.exists(log) && Files.readString(log).contains("Exception while loading the app")) {
                process.destroyForcibly();
                throw new IllegalStateException("the application failed to deploy:\n" + tail(log));
            }
            try {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    HttpResponse<String> api = client.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/events"))
                            .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                    if (api.statusCode() == 200) {
                        return;
                    }
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("the application did not become ready in time:\n" + tail(log));
    }

    public static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void stop() {
        mail.stop();
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the JVM is ending anyway
            }
        }
    }
}
