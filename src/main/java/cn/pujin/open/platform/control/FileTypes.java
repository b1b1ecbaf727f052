package cn.pujin.open.platform.control;

import java.util.zip.ZipFile;
import java.nio.file.Path;
import java.nio.file.Files;
import java.io.IOException;
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

    public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /**
     * What {@link #sniff} knows, and Word and Excel documents: a ZIP whose central directory names
     * {@code [Content_Types].xml} and {@code word/document.xml} or {@code xl/workbook.xml}. Only the directory is read,
     * nothing is inflated (a ZIP bomb costs nothing here).
     */
    public static Optional<String> sniffDocument(byte[] b) {
        Optional<String> simple = sniff(b);
        if (simple.isPresent() || !starts(b, 'P', 'K', 3, 4)) {
            return simple;
        }
        Path tmp = null;
        try {
            tmp = Files.createTempFile("upload", ".zip");
            Files.write(tmp, b);
            try (ZipFile zip = new ZipFile(tmp.toFile())) {
                if (zip.getEntry("[Content_Types].xml") == null) {
                    return Optional.empty();
                }
                if (zip.getEntry("word/document.xml") != null) {
                    return Optional.of(DOCX);
                }
                if (zip.getEntry("xl/workbook.xml") != null) {
                    return Optional.of(XLSX);
                }
                return Optional.empty();
            }
        } catch (IOException notAZip) {
            return Optional.empty();
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a temporary file left behind is removed with the JVM's temp directory
                }
            }
        }
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
            case DOCX -> ".docx";
            case XLSX -> ".xlsx";
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
