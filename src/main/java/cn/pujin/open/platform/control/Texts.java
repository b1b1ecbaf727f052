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

    /**
     * The reason a state change must give: stripped, 1 to {@code max} characters, else 400 naming {@code reason} with
     * {@code messageKey} (which says what is missing in the words of the action; {0} is {@code max}).
     */
    public static String reason(String reason, int max, String messageKey) {
        String why = strip(reason);
        if (why == null || why.length() > max) {
            throw Problem.invalid("reason", messageKey, max);
        }
        return why;
    }
}
