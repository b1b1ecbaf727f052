package cn.pujin.open.platform.boundary;

import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A stored file as an HTTP answer: its own type, never sniffed by the browser, its name in UTF-8 (RFC 6266). */
public final class Files {

    private Files() {}

    /** Shown in the browser where it can be (an attachment of a person's input): never cached by others. */
    public static Response inline(byte[] content, String mediaType, String fileName) {
        return answer(content, mediaType, "inline", fileName).header("Cache-Control", "private, no-store").build();
    }

    /** Downloaded (a meeting's material), cached a few minutes by the browser alone. */
    public static Response download(byte[] content, String mediaType, String fileName) {
        return answer(content, mediaType, "attachment", fileName).header("Cache-Control", "private, max-age=300").build();
    }

    private static Response.ResponseBuilder answer(byte[] content, String mediaType, String disposition, String fileName) {
        return Response.ok(content, mediaType)
                .header("Content-Disposition", disposition + "; filename*=UTF-8''"
                        + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff");
    }
}
