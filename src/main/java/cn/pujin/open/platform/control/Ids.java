package cn.pujin.open.platform.control;

/** Path ids arrive as text so that {@code /events/abc} or {@code /events/..%2F} is a 404, not a 500. */
public final class Ids {

    private Ids() {}

    public static Long parse(String id) {
        if (id == null || id.isEmpty() || id.length() > 18) {
            throw Problem.notFound();
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) < '0' || id.charAt(i) > '9') {
                throw Problem.notFound();
            }
        }
        return Long.valueOf(id);
    }

    /** An optional id in a query parameter: null when absent, 400 naming the field when not a number. */
    public static Long optional(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!v.matches("\\d{1,18}")) {
            throw Problem.invalid(field, "validation.id");
        }
        return Long.valueOf(v);
    }
}
