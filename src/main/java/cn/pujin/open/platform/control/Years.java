package cn.pujin.open.platform.control;

/** Years as people ask for them in a query ({@code ?year=2026}): 2000 to 2100. */
public final class Years {

    public static final int FIRST = 2000;
    public static final int LAST = 2100;

    private Years() {
    }

    /** A year between 2000 and 2100, or 400 naming {@code year}; blank means the default. */
    public static int param(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String v = value.strip();
        if (v.matches("\\d{4}")) {
            int y = Integer.parseInt(v);
            if (y >= FIRST && y <= LAST) {
                return y;
            }
        }
        throw Problem.invalid("year", "validation.range", FIRST, LAST);
    }
}
