package cn.pujin.open.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static cn.pujin.open.it.Fixtures.id;
import static cn.pujin.open.it.Fixtures.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Summaries and photos of past events: uploads checked by content and dimensions, re-encoded without metadata,
 * private until a reviewer who did not write the summary publishes it, then on the event page and the archive.
 */
class SummaryIT {

    @AfterEach
    void realTime() {
        SuggestionsIT.clock(null);
    }

    static byte[] image(String format, int w, int h) throws Exception {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(0x1f, 0x4e, 0x9c));
        g.fillRect(0, 0, w, h / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    /** A JPEG with an EXIF segment that carries a GPS position, as phones write them. */
    static byte[] jpegWithGps() throws Exception {
        byte[] jpeg = image("jpg", 2400, 1800);
        byte[] exif = "Exif\0\0GPSLatitude=31.0456N GPSLongitude=121.4852E".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(jpeg.length + exif.length + 4);
        b.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif).put(jpeg, 2, jpeg.length - 2);
        return b.array();
    }

    /** A valid 1×1 PNG whose header claims 60000×60000 pixels (an "image bomb"). */
    static byte[] pngBomb() throws Exception {
        byte[] png = image("png", 1, 1);
        ByteBuffer b = ByteBuffer.wrap(png);
        b.putInt(16, 60_000).putInt(20, 60_000);
        CRC32 crc = new CRC32();
        crc.update(png, 12, 17);
        b.putInt(29, (int) crc.getValue());
        return png;
    }

    /**
     * A real PNG of {@code w}×{@code h} black pixels of the given depth and colour type (6 = RGBA), written row by row:
     * compressed zeros are tiny however much memory decoding them takes.
     */
    static byte[] zeroPng(int w, int h, int bitDepth, int colorType) throws Exception {
        int channels = colorType == 6 ? 4 : colorType == 2 ? 3 : 1;
        byte[] row = new byte[1 + w * channels * bitDepth / 8];
        ByteArrayOutputStream idat = new ByteArrayOutputStream();
        try (var deflate = new DeflaterOutputStream(idat, new Deflater(9))) {
            for (int y = 0; y < h; y++) {
                deflate.write(row);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(w).putInt(h).put((byte) bitDepth).put((byte) colorType)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", idat.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws Exception {
        png.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.write(typeBytes);
        png.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        png.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aPhotoIsRefusedByTheMemoryItsPixelsNeedBeforeAnyIsDecoded() throws Exception {
        long event = id(Fixtures.published(Fixtures.startingSoon(unique("大图测试开放日"))));
        SuggestionsIT.clock(OffsetDateTime.now(Fixtures.SHANGHAI).plusHours(4).toString());
        String base = "/api/v1/events/" + event + "/photos";
        Api organiser = Api.as("organiser");
        // 6324 × 6324 16-bit RGBA: under 40 megapixels, but 320 MB once decoded
        byte[] bomb = zeroPng(6324, 6324, 16, 6);
        assertTrue(bomb.length < 1_000_000, "a few hundred KB: " + bomb.length);
        var pool = Executors.newFixedThreadPool(3);
        var answers = new ArrayList<Future<Api.Response>>();
        for (int i = 0; i < 3; i++) {
            answers.add(pool.submit(() -> organiser.raw("POST", base, "image/png", bomb)));
        }
        for (var answer : answers) {
            answer.get().problem(413, "PHOTO_TOO_LARGE");
        }
        pool.shutdown();
        // the same memory budget takes an honest 16-bit photo (2,600 × 2,000: 40 MB decoded), and a large 8-bit one
        // (6,000 × 4,500, 27 megapixels) decoded with subsampling: both come out at 1,600 px on the long side
        JsonObject deep = organiser.raw("POST", base, "image/png", zeroPng(2600, 2000, 16, 6)).expect(201).json();
        assertEquals(1600, deep.getInt("width"));
        assertEquals(1231, deep.getInt("height"));
        JsonObject wide = organiser.raw("POST", base, "image/png", zeroPng(6000, 4500, 8, 2)).expect(201).json();
        assertEquals(1600, wide.getInt("width"));
        assertEquals(1200, wide.getInt("height"));
        Api.anonymous().get("/api/v1/events?size=1").expect(200);
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }

    @Test
    void photosAreCleanedAndThePublicSeesThemOnlyAfterReview() throws Exception {
        long event = id(Fixtures.published(Fixtures.startingSoon(unique("总结测试开放日"))));
        Api organiser = Api.as("organiser");
        organiser.put("/api/v1/events/" + event + "/summary", Json.createObjectBuilder().add("text", "还没开始").build())
                .problem(409, "EVENT_NOT_HELD");
        SuggestionsIT.clock(OffsetDateTime.now(Fixtures.SHANGHAI).plusHours(4).toString());

        String base = "/api/v1/events/" + event + "/photos";
        organiser.raw("POST", base, "image/png", "not an image at all".getBytes()).problem(400, "PHOTO_TYPE");
        organiser.raw("POST", base, "image/png", pngBomb()).problem(400, "PHOTO_DIMENSIONS");
        organiser.raw("POST", base, "image/jpeg", new byte[5 * 1024 * 1024 + 10]).problem(413, "PAYLOAD_TOO_LARGE");
        Api.as("citizen1").raw("POST", base, "image/png", image("png", 10, 10)).problem(403, "FORBIDDEN");

        byte[] upload = jpegWithGps();
        assertTrue(contains(upload, "GPSLatitude"));
        JsonObject photo = organiser.raw("POST", base + "?caption=%E5%8F%82%E8%A7%82%E7%8E%B0%E5%9C%BA", "image/jpeg", upload)
                .expect(201).json();
        assertEquals(1600, photo.getInt("width"), "scaled to 1600 px on the long side");
        assertEquals(1200, photo.getInt("height"));
        assertEquals("参观现场", photo.getString("caption"));
        JsonObject png = organiser.raw("POST", base, "image/png", image("png", 300, 200)).expect(201).json();

        String url = photo.getString("url");
        byte[] served = organiser.bytes(url);
        assertFalse(contains(served, "Exif") || contains(served, "GPS"), "no metadata survives the re-encoding");
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(served));
        assertEquals(1600, decoded.getWidth());
        Api.anonymous().get(url).problem(404, "NOT_FOUND");
        Api.anonymous().get(png.getString("url")).problem(404, "NOT_FOUND");

        // the summary: written by the organiser, public only after another person approves it
        String text = "本次开放日共有居民参加，参观了城运中心大屏并提出了三条意见。";
        organiser.put("/api/v1/events/" + event + "/summary", Json.createObjectBuilder().add("text", text).build()).expect(200);
        assertFalse(Api.anonymous().get("/api/v1/events/" + event + "/summary").expect(200).json().containsKey("text"));
        organiser.post("/api/v1/events/" + event + "/summary/publish").problem(403, "FORBIDDEN");
        Api.as("reviewer").post("/api/v1/events/" + event + "/summary/return", Json.createObjectBuilder().add("reason", "请补充参加人数").build())
                .expect(200);
        organiser.put("/api/v1/events/" + event + "/summary", Json.createObjectBuilder().add("text", text + "共 36 人。").build())
                .expect(200);
        Api.as("reviewer").post("/api/v1/events/" + event + "/summary/publish").expect(200);

        JsonObject pub = Api.anonymous().get("/api/v1/events/" + event + "/summary").expect(200).json();
        assertEquals(text + "共 36 人。", pub.getString("publishedText"));
        assertEquals(2, pub.getJsonArray("photos").size());
        assertEquals(served.length, Api.anonymous().bytes(url).length, "public after review");
        SuggestionsIT.clock(null);
        String page = Api.anonymous().get("/events/detail.xhtml?id=" + event).expect(200).body();
        assertTrue(page.contains("共 36 人") && page.contains(url), "the event page shows the summary and its photos");

        // removal and the audit trail
        organiser.delete(png.getString("url").replace(".jpg", "")).expect(204);
        Api.anonymous().get(png.getString("url")).problem(404, "NOT_FOUND");
        List<String> actions = Api.as("admin").get("/api/v1/audit?entityType=summary&entityId=" + event + "&size=50").expect(200)
                .json().getJsonArray("items").stream().map(a -> a.asJsonObject().getString("action")).toList();
        assertTrue(actions.containsAll(List.of("summary.photo.add", "summary.write", "summary.return", "summary.publish",
                "summary.photo.remove")), actions.toString());
    }
}
