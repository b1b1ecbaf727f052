package cn.pujin.open.suggestion.control;

import java.util.Optional;

/** What a file really is, judged by its first bytes: PNG, JPEG, WebP or PDF; anything else is refused. */
public final class Attachments {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_PER_SUGGESTION = 3;

    private Attachments() {}

    public static Optional<String> sniff(byte[] b) {
        if (starts(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(b, 'R', 'I', 'F', 'F') && b.length > 12 && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

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

    private static boolean starts(byte[] b, int... magic) {
        if (b.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((b[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
