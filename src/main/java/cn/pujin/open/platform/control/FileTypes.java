package cn.pujin.open.platform.control;

import java.util.Optional;

/** What an uploaded file really is, judged by its first bytes, never by the name or the type the client claims. */
public final class FileTypes {

    /** The largest file anyone may upload (attachments, photos, meeting materials). */
    public static final int MAX_FILE_BYTES = 5 * 1024 * 1024;


    private FileTypes() {}

    /** {@code image/png}, {@code image/jpeg}, {@code image/webp} or {@code application/pdf}; empty for anything else. */
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
