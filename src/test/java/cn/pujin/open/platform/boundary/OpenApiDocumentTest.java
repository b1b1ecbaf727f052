package cn.pujin.open.platform.boundary;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code /openapi} serves the hand-written META-INF/openapi.yaml (scanning is off, see
 * microprofile-config.properties). This test fails when a JAX-RS endpoint is missing from the document
 * or the document describes one that no longer exists.
 */
class OpenApiDocumentTest {

    /** Payara silently serves an empty document when the file does not parse. */
    @Test
    void theDocumentIsValidYaml() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            Map<String, Object> doc = new Yaml().load(in);
            assertEquals("3.0.3", doc.get("openapi"));
            assertEquals(endpointsInDocument().stream().map(e -> e.substring(e.indexOf(' ') + 1)).distinct().count(),
                    ((Map<?, ?>) doc.get("paths")).size());
        }
    }

    @Test
    void everyEndpointIsDocumentedAndNothingElse() throws Exception {
        assertEquals(normalised(endpointsInCode()), normalised(endpointsInDocument()));
    }

    /** {@code /events/{eventId}/x} and {@code /events/{id}/x} are the same endpoint. */
    static Set<String> normalised(Set<String> endpoints) {
        Set<String> out = new TreeSet<>();
        endpoints.forEach(e -> out.add(e.replaceAll("\\{[^}]+}", "{}")));
        return out;
    }

    static Set<String> endpointsInDocument() throws IOException {
        String yaml;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> found = new TreeSet<>();
        String path = null;
        Matcher pathLine = Pattern.compile("^  (/\\S*):\\s*$").matcher("");
        Matcher methodLine = Pattern.compile("^    (get|post|put|delete|patch):").matcher("");
        for (String line : yaml.split("\n")) {
            if (line.startsWith("components:")) {
                break;
            }
            if (pathLine.reset(line).matches()) {
                path = pathLine.group(1);
            } else if (path != null && methodLine.reset(line).find()) {
                found.add(methodLine.group(1).toUpperCase() + " " + path);
            }
        }
        return found;
    }

    static Set<String> endpointsInCode() throws Exception {
        Set<String> found = new TreeSet<>();
        java.nio.file.Path classes = java.nio.file.Path.of("target/classes");
        try (Stream<java.nio.file.Path> files = Files.walk(classes)) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith("Resource.class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name);
                Path root = type.getAnnotation(Path.class);
                if (root == null) {
                    continue;
                }
                for (Method m : type.getDeclaredMethods()) {
                    String verb = m.isAnnotationPresent(GET.class) ? "GET" : m.isAnnotationPresent(POST.class) ? "POST"
                            : m.isAnnotationPresent(PUT.class) ? "PUT" : m.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                    if (verb == null) {
                        continue;
                    }
                    Path sub = m.getAnnotation(Path.class);
                    String full = "/" + root.value().replaceAll("^/|/$", "") + (sub == null ? "" : "/" + sub.value().replaceAll("^/", ""));
                    String path = full.replaceAll("/+$", "").replaceAll("//+", "/");
                    // a template that names its choices ({format: png|pdf}) is one documented path per choice
                    Matcher choice = Pattern.compile("\\{\\w+: ?([\\w|]+)}").matcher(path);
                    if (choice.find()) {
                        for (String c : choice.group(1).split("\\|")) {
                            found.add(verb + " " + path.substring(0, choice.start()) + c + path.substring(choice.end()));
                        }
                    } else {
                        found.add(verb + " " + path);
                    }
                }
            }
        }
        return found;
    }
}
