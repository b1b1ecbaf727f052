package cn.pujin.open.pass.boundary;

import cn.pujin.open.pass.control.PassArt;
import cn.pujin.open.platform.control.Problem;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Query parameters of the pass pictures, checked with clear messages, and how the files are sent. */
public final class PassParams {

    private PassParams() {}

    /** {@code size} in pixels, 128–1024, default 400. */
    public static int size(String size) {
        if (size == null || size.isBlank()) {
            return PassArt.DEFAULT_SIZE;
        }
        try {
            int value = Integer.parseInt(size.strip());
            if (value >= PassArt.MIN_SIZE && value <= PassArt.MAX_SIZE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problem.invalid("size", "validation.range", PassArt.MIN_SIZE, PassArt.MAX_SIZE);
    }

    /** {@code paper}: A6 (default) or A4. */
    public static boolean a4(String paper) {
        if (paper == null || paper.isBlank() || "A6".equalsIgnoreCase(paper.strip())) {
            return false;
        }
        if ("A4".equalsIgnoreCase(paper.strip())) {
            return true;
        }
        throw Problem.invalid("paper", "validation.enum", List.of("A6", "A4"));
    }

    /** A personal file: never stored by shared caches. */
    public static Response privateFile(byte[] body, String type, String filename) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setNoStore(true);
        return Response.ok(body, type).cacheControl(cache)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }
}
