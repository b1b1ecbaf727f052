package cn.pujin.open.platform.control;

/** {@code page} from 0, {@code size} default 20, at most 100; anything else is a 400 naming the field. */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    public static Paging of(String page, String size) {
        int p = parse("page", page, 0, 0, 1_000_000);
        int s = parse("size", size, DEFAULT_SIZE, 1, MAX_SIZE);
        return new Paging(p, s);
    }

    public int first() {
        return page * size;
    }

    private static int parse(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                throw Problem.invalid(field, "validation.range", min, max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw Problem.invalid(field, "validation.range", min, max);
        }
    }
}
