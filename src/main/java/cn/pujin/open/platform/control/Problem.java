package cn.pujin.open.platform.control;

import java.util.List;
import java.util.Map;

/**
 * A failure the client can act on: an HTTP status, a stable {@code code} that scripts rely on, a message
 * key for the human-readable detail and, for validation failures, the fields at fault.
 * Mapped to {@code application/problem+json} in exactly one place ({@code ProblemMapper}).
 */
public class Problem extends RuntimeException {

    public record FieldError(String field, String messageKey, Object... args) {}

    /** Extension of a 429: also sent as the {@code Retry-After} header. */
    public record RetryAfter(long retryAfterSeconds) {}

    private final int status;
    private final ProblemCode code;
    private final String messageKey;
    private final transient Object[] args;
    private final transient List<FieldError> errors;
    private final transient Object extension;

    public Problem(int status, ProblemCode code, String messageKey, List<FieldError> errors, Object extension, Object... args) {
        super(code + " " + messageKey, null, false, false);
        this.status = status;
        this.code = code;
        this.messageKey = messageKey;
        this.args = args;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.extension = extension;
    }

    public static Problem notFound() {
        return new Problem(404, ProblemCode.NOT_FOUND, "problem.notFound", null, null);
    }

    public static Problem unauthenticated() {
        return new Problem(401, ProblemCode.UNAUTHENTICATED, "problem.unauthenticated", null, null);
    }

    public static Problem forbidden() {
        return new Problem(403, ProblemCode.FORBIDDEN, "problem.forbidden", null, null);
    }

    public static Problem forbidden(ProblemCode code, String messageKey, Object... args) {
        return new Problem(403, code, messageKey, null, null, args);
    }

    public static Problem conflict(ProblemCode code, String messageKey, Object... args) {
        return new Problem(409, code, messageKey, null, null, args);
    }

    /**
     * The caller's copy is stale ({@code version} is what it read, {@code current} what there is now): 409 with
     * {@code currentVersion}. Nothing when they are the same.
     */
    public static void requireVersion(long version, long current) {
        if (version != current) {
            throw new Problem(409, ProblemCode.VERSION_CONFLICT, "problem.versionConflict", null,
                    Map.of("currentVersion", current));
        }
    }

    /** 409 INVALID_TRANSITION (with {@code messageKey}: "{1} does not allow {0}") unless the state allows the action. */
    public static void requireTransition(boolean allowed, String messageKey, String action, Object state) {
        if (!allowed) {
            throw conflict(ProblemCode.INVALID_TRANSITION, messageKey, action, state);
        }
    }

    /** 先审查后公开: 403 SELF_REVIEW when the reviewer is one of those who wrote or submitted what they review. */
    public static void requireOtherReviewer(Long reviewer, String messageKey, Long... writers) {
        for (Long writer : writers) {
            if (reviewer.equals(writer)) {
                throw forbidden(ProblemCode.SELF_REVIEW, messageKey);
            }
        }
    }

    public static Problem invalid(String field, String messageKey, Object... args) {
        return new Problem(400, ProblemCode.VALIDATION_FAILED, "problem.validation",
                List.of(new FieldError(field, messageKey, args)), null);
    }

    public static Problem invalid(List<FieldError> errors) {
        return new Problem(400, ProblemCode.VALIDATION_FAILED, "problem.validation", errors, null);
    }

    public static Problem badRequest(ProblemCode code, String messageKey, Object... args) {
        return new Problem(400, code, messageKey, null, null, args);
    }

    public int status() { return status; }
    public ProblemCode code() { return code; }
    public String messageKey() { return messageKey; }
    public Object[] args() { return args; }
    public List<FieldError> errors() { return errors; }
    /** Extra members merged into the problem document (e.g. the current version on a conflict). */
    public Object extension() { return extension; }
}
