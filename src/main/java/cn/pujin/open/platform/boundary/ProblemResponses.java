package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;

import static cn.pujin.open.platform.control.JsonCodec.JSON;
import static cn.pujin.open.platform.control.JsonCodec.JSONB;

/** Builds every {@code application/problem+json} document of the API (RFC 9457 plus a stable code). */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {}

    public record FieldMessage(String field, String message) {}

    /** Writes the problem straight to a servlet response, for filters and the authentication mechanism. */
    public static void send(HttpServletRequest request, HttpServletResponse response,
                            Problem problem) throws IOException {
        Response built = of(problem, locale(request));
        response.setStatus(built.getStatus());
        built.getStringHeaders().forEach((name, values) -> values.forEach(v -> {
            if (!name.equalsIgnoreCase("Content-Type")) {
                response.addHeader(name, v);
            }
        }));
        response.setContentType(MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(built.getEntity().toString());
    }

    public static Response of(Problem problem, Locale locale) {
        List<FieldMessage> errors = problem.errors().stream()
                .map(e -> new FieldMessage(e.field(), Messages.validation(locale, e.messageKey(), e.args())))
                .toList();
        String detail = errors.isEmpty()
                ? Messages.get(locale, problem.messageKey(), problem.args())
                : joined(errors);
        Response response = build(problem.status(), problem.code(), detail, errors, problem.extension(), locale);
        if (problem.extension() instanceof Problem.RetryAfter retry) {
            return Response.fromResponse(response).header("Retry-After", retry.retryAfterSeconds()).build();
        }
        return response;
    }

    public static Response build(int status, ProblemCode code, String detail, List<FieldMessage> errors,
                                 Object extension, Locale locale) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", Messages.get(locale, "problem.title." + status))
                .add("status", status)
                .add("code", code.name())
                .add("detail", detail == null ? "" : detail);
        if (errors != null && !errors.isEmpty()) {
            JsonArrayBuilder list = JSON.createArrayBuilder();
            errors.forEach(e -> list.add(JSON.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        if (extension != null) {
            JsonObject extra = JSON.createReader(new StringReader(JSONB.toJson(extension))).readObject();
            for (var member : extra.entrySet()) {
                if (!member.getValue().equals(JsonValue.NULL)) {
                    json.add(member.getKey(), member.getValue());
                }
            }
        }
        return Response.status(status).type(MEDIA_TYPE).entity(json.build().toString()).build();
    }

    public static String joined(List<FieldMessage> errors) {
        return String.join("; ", errors.stream().map(e -> e.field() + ": " + e.message()).toList());
    }

    /** The same rule for code that writes problems outside JAX-RS (filters, the authentication mechanism). */
    public static Locale locale(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Messages.CHINESE : Messages.supported(request.getLocale());
    }

    /** The language of the API's human-readable texts: Accept-Language, Chinese by default. */
    public static Locale locale(HttpHeaders headers) {
        if (headers == null) {
            return Messages.CHINESE;
        }
        try {
            List<Locale> acceptable = headers.getAcceptableLanguages();
            return acceptable.isEmpty() ? Messages.CHINESE : Messages.supported(acceptable.get(0));
        } catch (RuntimeException malformedHeader) {
            return Messages.CHINESE;
        }
    }
}
