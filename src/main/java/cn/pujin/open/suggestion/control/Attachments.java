package cn.pujin.open.suggestion.control;

import cn.pujin.open.platform.control.FileTypes;

/** Limits and safe names for suggestion attachments; their type is judged by content ({@link cn.pujin.open.platform.control.FileTypes}). */
public final class Attachments {

    public static final int MAX_BYTES = FileTypes.MAX_FILE_BYTES;
    public static final int MAX_PER_SUGGESTION = 3;

    private Attachments() {}

    /** A file name safe to store and to send back in Content-Disposition: no path, no control characters. */
    public static String safeName(String name, String mediaType) {
        String base = name == null ? "" : name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>:*?|]", "").strip();
        if (base.isEmpty() || base.startsWith(".")) {
            base = "attachment" + extension(mediaType);
        }
        return base.length() > 120 ? base.substring(base.length() - 120) : base;
    }

    private static String extension(String mediaType) {
        return switch (mediaType) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/webp" -> ".webp";
            default -> ".pdf";
        };
    }
}
