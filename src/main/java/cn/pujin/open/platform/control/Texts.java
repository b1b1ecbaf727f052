package cn.pujin.open.platform.control;

/** What every feature does with text people type. */
public final class Texts {

    private Texts() {}

    /** The text without surrounding white space, or null when nothing is left. */
    public static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Characters as people count them (a Chinese character or an emoji is one). */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
