package cn.pujin.open.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No container engine runs here, so the docker files are checked against the app instead: every
 * variable compose passes to the app is a configuration key the app reads, and the image runs the WAR
 * and Payara Micro the build produces.
 */
class DockerFilesTest {

    private static Set<String> configKeys() throws IOException {
        Properties p = new Properties();
        try (InputStream in = DockerFilesTest.class.getResourceAsStream("/META-INF/microprofile-config.properties")) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Set<String> keys = new TreeSet<>(p.stringPropertyNames());
        keys.add("DEMO_DATA");
        keys.add("CONFIG_DIR");
        return keys;
    }

    @Test
    void composePassesOnlyKnownSettingsToTheApp() throws IOException {
        String compose = Files.readString(Path.of("docker/compose.yaml"));
        String app = compose.substring(compose.indexOf("\n  app:"));
        String environment = app.substring(app.indexOf("environment:"), app.indexOf("ports:"));
        Matcher m = Pattern.compile("\\n\\s{6}([A-Z_]+):").matcher(environment);
        Set<String> passed = new TreeSet<>();
        while (m.find()) {
            passed.add(m.group(1));
        }
        assertTrue(passed.containsAll(Set.of("DB_URL", "DB_USER", "DB_PASSWORD", "PII_KEY", "PUBLIC_URL")), passed.toString());
        Set<String> unknown = new TreeSet<>(passed);
        unknown.removeAll(configKeys());
        assertEquals(Set.of(), unknown, "variables the app does not read");
        assertTrue(environment.contains("jdbc:postgresql://db:5432/pujin"), "the app talks to the db service");
        assertTrue(compose.contains("image: postgres:16"));
        assertTrue(compose.contains("pg_isready"), "the database has a health check");
        assertTrue(app.contains("/health/ready"), "the app's health check uses MicroProfile Health");
    }

    @Test
    void imageRunsTheBuiltWarOnPayaraMicro() throws IOException {
        String dockerfile = Files.readString(Path.of("docker/Dockerfile"));
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<finalName>pujin-open</finalName>"));
        assertTrue(dockerfile.contains("target/pujin-open.war"));
        assertTrue(dockerfile.contains("target/payara-micro.jar"));
        assertTrue(dockerfile.contains("eclipse-temurin:17"), "JDK 17 runtime");
        assertTrue(dockerfile.contains("\"--contextroot\", \"/\"") && dockerfile.contains("\"--port\", \"8080\""));
        assertTrue(dockerfile.contains("DEMO_DATA=false"), "production images never create demo users");
    }
}
