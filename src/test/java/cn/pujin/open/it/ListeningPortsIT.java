package cn.pujin.open.it;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing listens but what must. README's run command, started as pom.xml defines it (no data grid), opens exactly one
 * TCP port, the HTTP port it was given; a Hazelcast client — the data grid Payara ships — finds nobody to connect to.
 * (With only {@code --nocluster}, as before, the same JVM also listened on *:6900 with the cluster name
 * {@code development}, and a client could read and write the web sessions.)
 */
class ListeningPortsIT {

    /** The data grid's usual ports: Hazelcast's own default, Payara Server's and Payara Micro's start ports. */
    static final List<Integer> GRID_PORTS = List.of(5701, 5900, 6900);

    @Test
    void theRunCommandListensOnItsHttpPortOnlyAndNoDataGridClientCanConnect() throws Exception {
        Path dir = Path.of(System.getProperty("it.workdir", "target/it"), "ports-" + System.nanoTime());
        Files.createDirectories(dir);
        int port = Integer.getInteger("it.port", 18080) + 2;
        var env = new HashMap<>(TestApp.h2Environment(dir));
        // as in production: the public address is https, so the session cookie is Secure and redirects go there
        env.put("PUBLIC_URL", "https://open.pujin.example.cn");
        Process app = RunCommand.start(port, env, "run-command-ports");
        try {
            TestApp.awaitReady("http://localhost:" + port, app, TestApp.logOf("run-command-ports"));
            List<ListeningSockets.Socket> sockets = ListeningSockets.of(app.pid());
            assertEquals(1, sockets.size(), "exactly one listening TCP port: " + sockets);
            assertEquals(port, sockets.get(0).port(), "the HTTP port given to the run command: " + sockets);

            var http = HttpClient.newHttpClient();
            var login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login.xhtml")).build(),
                    HttpResponse.BodyHandlers.discarding());
            String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID")).findFirst().orElse("");
            assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly"), "PUBLIC_URL is https: " + cookie);
            var me = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/me/")).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertTrue(me.headers().firstValue("Location").orElse("").startsWith("https://open.pujin.example.cn/login.xhtml"),
                    "redirects go to PUBLIC_URL: " + me.headers().map());

            for (String cluster : List.of("development", "dev", "pujin-open")) {
                assertThrows(IllegalStateException.class, () -> connect(cluster, "127.0.0.1", GRID_PORTS),
                        "a Hazelcast client connected to the run command's JVM as cluster " + cluster);
            }
        } finally {
            app.destroy();
            if (!app.waitFor(30, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    /**
     * A Hazelcast client of the cluster {@code name} on the given ports of {@code host}; it gives up after three seconds
     * with {@link IllegalStateException}. On success it is shut down at once and the method returns.
     */
    static void connect(String name, String host, List<Integer> ports) {
        ClientConfig config = new ClientConfig();
        config.setClusterName(name);
        config.setProperty("hazelcast.logging.type", "none");
        ports.forEach(p -> config.getNetworkConfig().addAddress(host + ":" + p));
        config.getConnectionStrategyConfig().getConnectionRetryConfig().setClusterConnectTimeoutMillis(3_000);
        var client = HazelcastClient.newHazelcastClient(config);
        assertTrue(client.getLifecycleService().isRunning());
        client.shutdown();
    }
}
