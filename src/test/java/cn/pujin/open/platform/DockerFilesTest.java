package cn.pujin.open.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No container engine runs here, so the docker/ files are checked against the application instead: the services
 * and their ports, every variable the app containers get is one the app (or the entrypoint) reads and the READMEs
 * document, nginx sends to exactly the app services on the port they serve, the proxy is the trusted one, and the
 * health checks ask the app's health endpoint.
 */
class DockerFilesTest {

    static final Path DOCKER = Path.of("docker");

    @SuppressWarnings("unchecked")
    static Map<String, Object> compose() throws IOException {
        return new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> service(String name) throws IOException {
        return (Map<String, Object>) ((Map<String, Object>) compose().get("services")).get(name);
    }

    /** Every configuration name the application reads: MicroProfile Config properties, MPCONFIG references, getenv. */
    static Set<String> readByTheApp() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern read = Pattern.compile("ConfigProperty\\(name = \"([A-Z_]+)\"|MPCONFIG=([A-Z_]+)|(?:getenv|getOptionalValue|getValue)\\(\"([A-Z_]+)\"");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = read.matcher(Files.readString(f));
                while (m.find()) {
                    names.add(m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3));
                }
            }
        }
        Matcher entry = Pattern.compile("\\$\\{?([A-Z_]+)").matcher(Files.readString(DOCKER.resolve("entrypoint.sh")));
        while (entry.find()) {
            names.add(entry.group(1));
        }
        return names;
    }

    @Test
    void servicesArePostgres16TwoAppsAndAProxy() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> services = (Map<String, Object>) compose().get("services");
        assertEquals(Set.of("db", "app1", "app2", "proxy"), services.keySet());
        assertEquals("postgres:16", service("db").get("image"));
        assertTrue(((Map<?, ?>) service("db").get("healthcheck")).get("test").toString().contains("pg_isready"));
        assertTrue(((List<?>) service("db").get("volumes")).get(0).toString().startsWith("pgdata:"));
        assertEquals(List.of("8080:80"), service("proxy").get("ports"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVariableOfTheAppsIsReadByTheAppAndDocumented() throws IOException {
        Set<String> read = readByTheApp();
        String docs = Files.readString(Path.of("README.md")) + Files.readString(DOCKER.resolve("README.md"));
        for (String app : List.of("app1", "app2")) {
            Map<String, Object> env = (Map<String, Object>) service(app).get("environment");
            assertTrue(env.keySet().containsAll(List.of("DB_URL", "DB_USER", "DB_PASSWORD", "PII_KEY", "PASS_KEY_SECRET", "PUBLIC_URL",
                    "TRUSTED_PROXIES", "CLUSTER_SECRET", "CLUSTER_INTERFACE", "CLUSTER_MEMBERS")), app + ": " + env.keySet());
            for (String name : env.keySet()) {
                assertTrue(read.contains(name), app + " sets " + name + ", which nothing reads");
                assertTrue(docs.contains("`" + name + "`") || docs.contains(name + "`"), name + " is not documented");
            }
            assertTrue(env.get("DB_URL").toString().startsWith("jdbc:postgresql://db:5432/"), "the app talks to the db service");
            assertTrue(((Map<?, ?>) service(app).get("healthcheck")).get("test").toString().contains("/health/ready"));
            String members = env.get("CLUSTER_MEMBERS").toString();
            assertEquals("app1:6900,app2:6900", members, "both instances are members");
            assertTrue(env.get("CLUSTER_SECRET").toString().startsWith("${CLUSTER_SECRET:?"), "the secret is required, with no default");
            assertEquals("172.28.0.*", env.get("CLUSTER_INTERFACE"), "the data grid listens on the compose network only");
            assertEquals(null, service(app).get("ports"), app + " publishes no port: only the proxy is reachable from outside");
        }
        // the proxy's fixed address is the one the apps trust
        Map<String, Object> networks = (Map<String, Object>) service("proxy").get("networks");
        String address = ((Map<String, Object>) networks.get("pujin")).get("ipv4_address").toString();
        assertEquals(address, ((Map<String, Object>) service("app1").get("environment")).get("TRUSTED_PROXIES"));
    }

    @Test
    void nginxSendsToBothAppsOnTheirPortWithTheHeadersTheAppExpects() throws IOException {
        String nginx = Files.readString(DOCKER.resolve("nginx.conf"));
        Matcher server = Pattern.compile("server (\\w+):(\\d+)").matcher(nginx);
        Set<String> upstream = new TreeSet<>();
        while (server.find()) {
            upstream.add(server.group(1) + ":" + server.group(2));
        }
        assertEquals(Set.of("app1:8080", "app2:8080"), upstream);
        assertTrue(!Pattern.compile("(?m)^\\s*(ip_hash|sticky|hash)\\b").matcher(nginx).find(), "no sticky sessions");
        for (String header : List.of("proxy_set_header Host $http_host", "X-Forwarded-For $proxy_add_x_forwarded_for",
                "X-Forwarded-Proto $scheme")) {
            assertTrue(nginx.contains(header), header);
        }
        assertTrue(nginx.contains("client_max_body_size 6m"), "uploads of 5 MiB pass the proxy");
        String entrypoint = Files.readString(DOCKER.resolve("entrypoint.sh"));
        assertTrue(entrypoint.contains("--port 8080") && entrypoint.contains("config/payara/pre-boot-commands.asadmin"));
        assertTrue(Files.exists(Path.of("config/payara/pre-boot-commands.asadmin")));
        String dockerfile = Files.readString(DOCKER.resolve("Dockerfile"));
        assertTrue(dockerfile.contains("EXPOSE 8080") && dockerfile.contains("/health/ready") && dockerfile.contains("eclipse-temurin:17"));
        assertTrue(!dockerfile.contains("6900"), "the data grid's port is not exposed");
    }

    @Test
    void aSingleInstanceRunsNoDataGridAndAClusteredOneBindsToItsInterfaceWithTheSecret() throws IOException {
        String entrypoint = Files.readString(DOCKER.resolve("entrypoint.sh"));
        assertTrue(entrypoint.contains("set -- --nohazelcast"), "alone: no data grid");
        assertTrue(entrypoint.contains("-Dhazelcast.socket.bind.any=false") && entrypoint.contains("--interfaces \"$CLUSTER_INTERFACE\""),
                "clustered: the grid binds to the configured interface only");
        assertTrue(!entrypoint.contains("--clustername"), "the secret is never on the command line");
        for (String file : List.of("post-boot-commands.asadmin", "post-boot-cluster.asadmin", "logging.properties")) {
            assertTrue(entrypoint.contains("config/payara/" + file) && Files.exists(Path.of("config/payara", file)), file);
        }
        assertTrue(Files.readString(Path.of("config/payara/pre-boot-commands.asadmin"))
                .contains("cluster-group-name=${ENV=CLUSTER_SECRET}"), "the cluster name is the secret, from the environment");
    }
}
