package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Talks to the deployed WAR over HTTP, as a script or app would: JSON, HTTP Basic, problem+json. */
public final class Api {

    public static final String PASSWORD = "Demo#2026";
    /** HTTP/1.1 as browsers speak to a plain-http site (the default would try an h2c upgrade). */
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String base;
    private final String authorization;
    private final Map<String, String> headers;

    private Api(String base, String authorization) {
        this(base, authorization, Map.of());
    }

    private Api(String base, String authorization, Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.headers = headers;
    }

    /** The same caller sending one more header on every request (e.g. a cookie, an origin, a proxy's X-Forwarded-For). */
    public Api with(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new Api(base, authorization, Map.copyOf(more));
    }

    /** The Authorization header this caller sends (for load clients that speak HTTP themselves). */
    public String authorization() {
        return authorization;
    }

    /** The same caller talking to another instance of the app (several instances on one database). */
    public Api on(String baseUrl) {
        return new Api(baseUrl, authorization, headers);
    }

    /** As if the request came through the site's reverse proxy from this client address. */
    public Api from(String address) {
        return with("X-Forwarded-For", address);
    }

    /** A random private address, so the rate limits of different test clients never meet. */
    public static String randomAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(254));
    }

    public static Api anonymous() {
        return new Api(TestApp.get().baseUrl, null);
    }

    public static Api as(String login) {
        return as(login, PASSWORD);
    }

    public static Api as(String login, String password) {
        String token = Base64.getEncoder().encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
        return new Api(TestApp.get().baseUrl, "Basic " + token);
    }

    /** A check-in station calling with its key. */
    public static Api bearer(String key) {
        return new Api(TestApp.get().baseUrl, "Bearer " + key);
    }

    /** A fresh citizen signed up through the API, with a random mainland mobile number and the code sent to it. */
    public static Citizen newCitizen(String name) {
        String phone = randomPhone();
        String email = phone + "@citizens.test";
        // each citizen signs up from their own address, as real ones do behind the proxy
        String address = randomAddress();
        Response r = anonymous().from(address).post("/api/v1/accounts", Json.createObjectBuilder()
                .add("phone", phone).add("code", signUpCode(phone, address)).add("displayName", name)
                .add("password", "secret-pass-1").add("consent", true).add("email", email).build());
        r.expect(201);
        return new Citizen(r.json().getJsonNumber("id").longValue(), phone, name, email, as(phone, "secret-pass-1"));
    }

    public record Citizen(long id, String phone, String name, String email, Api api) {}

    /** Asks for a sign-up code for {@code phone} from {@code address} and returns it as the SMS centre received it. */
    public static String signUpCode(String phone, String address) {
        return code(phone, "SIGN_UP", address);
    }

    /** The same for any purpose (SIGN_UP, PASSWORD_RESET). */
    public static String code(String phone, String purpose, String address) {
        int before = TestApp.get().sms.to(phone).size();
        anonymous().from(address).post("/api/v1/accounts/verification-codes", Json.createObjectBuilder()
                .add("phone", phone).add("purpose", purpose).build()).expect(202);
        return TestApp.get().sms.awaitCode(phone, before);
    }

    public static String randomPhone() {
        return "17" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
    }

    public record Response(int status, HttpHeaders headers, String body) {

        public JsonObject json() {
            return Json.createReader(new StringReader(body)).readObject();
        }

        public JsonArray jsonArray() {
            return Json.createReader(new StringReader(body)).readArray();
        }

        public JsonArray items() {
            return json().getJsonArray("items");
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public Response expect(int expected) {
            if (status != expected) {
                fail("expected HTTP " + expected + " but got " + status + ": " + body);
            }
            return this;
        }

        /** Asserts a problem+json answer with this status and code; returns the document. */
        public JsonObject problem(int expectedStatus, String code) {
            expect(expectedStatus);
            assertTrue(contentType().startsWith("application/problem+json"), "problem+json expected, got " + contentType());
            JsonObject p = json();
            assertEquals(code, p.getString("code"), body);
            assertEquals(expectedStatus, p.getInt("status"));
            return p;
        }

        /** The fields named by a VALIDATION_FAILED problem. */
        public List<String> errorFields() {
            JsonObject p = json();
            if (!p.containsKey("errors")) {
                return List.of();
            }
            return p.getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response get(String path, String header, String value) {
        return send(request(path).header(header, value).GET());
    }

    public Response post(String path, JsonValue body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response post(String path) {
        return send(request(path).POST(HttpRequest.BodyPublishers.noBody()));
    }

    public Response put(String path, JsonValue body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** Any method, raw bytes and content type: for bad-input tests. */
    public Response raw(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path).method(method, HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return send(b);
    }

    /** Only the status of a GET, without waiting for the body (event streams never end). */
    public int statusOf(String path) {
        return startOf(path).status();
    }

    /** The status and headers of a GET, without waiting for the body (event streams never end). */
    public Response startOf(String path) {
        try {
            HttpResponse<InputStream> r = CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return new Response(r.statusCode(), r.headers(), "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A binary download (exports, images, PDFs); fails unless 200. */
    public byte[] bytes(String path) {
        try {
            HttpResponse<byte[]> r = CLIENT.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                fail("expected 200 for " + path + " but got " + r.statusCode() + ": " + new String(r.body(), StandardCharsets.UTF_8));
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Without Content-Length: the body is streamed chunked. */
    public Response chunked(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder b = request(path).method(method,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        b.header("Content-Type", contentType);
        return send(b);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        return b;
    }

    private static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
