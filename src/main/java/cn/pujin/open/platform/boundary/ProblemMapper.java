package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.annotation.Priority;
import jakarta.persistence.OptimisticLockException;
import jakarta.transaction.TransactionalException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where failures become {@code application/problem+json}. JAX-RS picks the most specific
 * mapper by type, so the nested classes only route their exception type here; the logic is in
 * {@link #toResponse(Throwable)}. Nothing unexpected leaks: a 500 carries an incident id, never a trace.
 */
@Provider
public class ProblemMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class.getName());
    private static final Pattern JSON_PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        Locale locale = ProblemResponses.locale(headers);
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Problem problem) {
                return ProblemResponses.of(problem, locale);
            }
            if (t instanceof ConstraintViolationException violations) {
                return validation(violations, locale);
            }
            if (t instanceof OptimisticLockException) {
                return ProblemResponses.of(Problem.conflict(ProblemCode.VERSION_CONFLICT, "problem.versionConflict"), locale);
            }
            if (t instanceof RequestBodyLimit.TooLarge) {
                return ProblemResponses.of(RequestBodyLimit.tooLarge(((RequestBodyLimit.TooLarge) t).limit()), locale);
            }
            if (isJsonParsing(t)) {
                return malformedJson(t, locale);
            }
        }
        if (failure instanceof WebApplicationException web) {
            return web(web, locale);
        }
        String incident = UUID.randomUUID().toString().substring(0, 8);
        LOG.log(Level.SEVERE, "incident " + incident, failure);
        return ProblemResponses.build(500, ProblemCode.INTERNAL_ERROR, Messages.get(locale, "problem.internal", incident),
                null, null, locale);
    }

    private static boolean isJsonParsing(Throwable t) {
        String name = t.getClass().getName();
        // Parsson refuses deep nesting with a bare RuntimeException ("Input is too deeply nested")
        if (t.getClass() == RuntimeException.class && t.getStackTrace().length > 0
                && t.getStackTrace()[0].getClassName().startsWith("org.eclipse.parsson.")) {
            return true;
        }
        return name.equals("jakarta.json.bind.JsonbException")
                || name.startsWith("jakarta.json.stream.JsonParsingException")
                || name.equals("jakarta.json.JsonException")
                || name.equals("jakarta.json.stream.JsonParsingException");
    }

    private static Response malformedJson(Throwable t, Locale locale) {
        String field = null;
        for (Throwable c = t; c != null && field == null; c = c.getCause()) {
            if (c.getMessage() != null) {
                Matcher m = JSON_PROPERTY.matcher(c.getMessage());
                if (m.find()) {
                    field = m.group(1);
                }
            }
        }
        if (field != null) {
            var errors = List.of(new ProblemResponses.FieldMessage(field, Messages.validation(locale, "validation.json.value")));
            return ProblemResponses.build(400, ProblemCode.MALFORMED_JSON, ProblemResponses.joined(errors), errors, null, locale);
        }
        return ProblemResponses.build(400, ProblemCode.MALFORMED_JSON, Messages.get(locale, "problem.malformedJson"), null, null, locale);
    }

    private static Response web(WebApplicationException web, Locale locale) {
        int status = web instanceof NotFoundException ? 404 : web instanceof NotAuthorizedException ? 401
                : web instanceof NotAllowedException ? 405 : web instanceof NotSupportedException ? 415
                : web instanceof NotAcceptableException ? 406
                : web.getResponse() == null ? 500 : web.getResponse().getStatus();
        if (status >= 500 || status < 400) {
            LOG.log(Level.SEVERE, "web application failure", web);
        }
        return ProblemResponses.of(forStatus(status), locale);
    }

    /**
     * The problem for a bare HTTP status, from JAX-RS or from the container's error page: the well-known ones by
     * name, any other 4xx as {@code BAD_REQUEST} with its own status, everything else as a 500 without detail.
     */
    static Problem forStatus(int status) {
        return switch (status) {
            case 404 -> Problem.notFound();
            case 401 -> Problem.unauthenticated();
            case 403 -> Problem.forbidden();
            case 405 -> new Problem(405, ProblemCode.METHOD_NOT_ALLOWED, "problem.methodNotAllowed", null, null);
            case 415 -> new Problem(415, ProblemCode.UNSUPPORTED_MEDIA_TYPE, "problem.unsupportedMediaType", null, null);
            case 406 -> new Problem(406, ProblemCode.NOT_ACCEPTABLE, "problem.notAcceptable", null, null);
            default -> status >= 400 && status < 500
                    ? new Problem(status, ProblemCode.BAD_REQUEST, "problem.badRequest", null, null)
                    : new Problem(500, ProblemCode.INTERNAL_ERROR, "problem.internal", null, null, "-");
        };
    }

    private static Response validation(ConstraintViolationException e, Locale locale) {
        List<ProblemResponses.FieldMessage> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new ProblemResponses.FieldMessage(field(v.getPropertyPath()), message(v, locale)));
        }
        errors.sort((a, b) -> a.field().compareTo(b.field()));
        return ProblemResponses.build(400, ProblemCode.VALIDATION_FAILED, ProblemResponses.joined(errors), errors, null, locale);
    }

    /** The last named node of {@code create.request.phone}: the JSON field name. */
    static String field(Path path) {
        String last = "body";
        for (Path.Node node : path) {
            if (node.getName() != null && node.getKind() != ElementKind.METHOD
                    && node.getKind() != ElementKind.PARAMETER) {
                last = node.getName();
            }
        }
        return last;
    }

    /** Messages in the caller's language: {@code {key}} templates are looked up, {@code {min}} style
     * placeholders are taken from the constraint's attributes. */
    static String message(ConstraintViolation<?> v, Locale locale) {
        String template = v.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            String key = template.substring(1, template.length() - 1);
            if (Messages.hasValidationKey(locale, key)) {
                String text = Messages.validation(locale, key);
                for (var attribute : v.getConstraintDescriptor().getAttributes().entrySet()) {
                    text = text.replace("{" + attribute.getKey() + "}", String.valueOf(attribute.getValue()));
                }
                return text;
            }
        }
        return v.getMessage();
    }

    /** Routes JSON-P/JSON-B parse failures (which arrive wrapped) to the same logic. */
    @Provider
    public static class Processing implements ExceptionMapper<ProcessingException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ProcessingException e) {
            ProblemMapper mapper = new ProblemMapper();
            mapper.headers = headers;
            return mapper.toResponse(e);
        }
    }

    /** A failure at commit (a constraint the database enforces): problem+json, not the container's error page. */
    @Provider
    @Priority(1)
    public static class Commit implements ExceptionMapper<TransactionalException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(TransactionalException e) {
            ProblemMapper mapper = new ProblemMapper();
            mapper.headers = headers;
            return mapper.toResponse(e);
        }
    }

    @Provider
    public static class Violations implements ExceptionMapper<ConstraintViolationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(ConstraintViolationException e) {
            return validation(e, ProblemResponses.locale(headers));
        }
    }

    @Provider
    public static class Domain implements ExceptionMapper<Problem> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(Problem e) {
            return ProblemResponses.of(e, ProblemResponses.locale(headers));
        }
    }

    @Provider
    public static class Web implements ExceptionMapper<WebApplicationException> {
        @Context
        HttpHeaders headers;

        @Override
        public Response toResponse(WebApplicationException e) {
            ProblemMapper mapper = new ProblemMapper();
            mapper.headers = headers;
            return mapper.toResponse(e);
        }
    }
}
