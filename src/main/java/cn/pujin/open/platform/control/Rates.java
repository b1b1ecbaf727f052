package cn.pujin.open.platform.control;

/** Shares shown to the public: percentages with one decimal. */
public final class Rates {

    private Rates() {}

    /** part / total as a percentage with one decimal; 0 when there is nothing to count. */
    public static double percent(long part, long total) {
        return total == 0 ? 0 : Math.round(part * 1000.0 / total) / 10.0;
    }
}
