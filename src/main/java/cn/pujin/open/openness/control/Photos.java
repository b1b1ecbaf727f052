package cn.pujin.open.openness.control;

import cn.pujin.open.platform.control.Problem;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Takes an uploaded photo apart and makes a new one: JPEG or PNG judged by content, dimensions read from the
 * header before any pixel is decoded (an "image bomb" of huge dimensions is refused without being decoded),
 * scaled to at most {@value #MAX_SIDE} px and written as a fresh JPEG — so no EXIF, GPS or other metadata
 * survives.
 */
public final class Photos {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_SIDE = 1600;
    static final long MAX_PIXELS = 40_000_000L;
    static final int MAX_HEADER_SIDE = 12_000;

    public record Encoded(byte[] jpeg, int width, int height) {}

    private Photos() {}

    public static Encoded reencode(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw Problem.invalid("file", "validation.required");
        }
        if (upload.length > MAX_BYTES) {
            throw new Problem(413, "PAYLOAD_TOO_LARGE", "photo.tooLarge", null, null, MAX_BYTES / 1024 / 1024);
        }
        String type = cn.pujin.open.platform.control.FileTypes.sniff(upload).orElse("");
        if (!type.equals("image/png") && !type.equals("image/jpeg")) {
            throw Problem.badRequest("PHOTO_TYPE", "photo.type");
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw Problem.badRequest("PHOTO_TYPE", "photo.type");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_HEADER_SIDE || h > MAX_HEADER_SIDE || (long) w * h > MAX_PIXELS) {
                    throw Problem.badRequest("PHOTO_DIMENSIONS", "photo.dimensions", MAX_HEADER_SIDE);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Problem p) {
                throw p;
            }
            throw Problem.badRequest("PHOTO_TYPE", "photo.type");
        }
        double scale = Math.min(1.0, (double) MAX_SIDE / Math.max(image.getWidth(), image.getHeight()));
        int tw = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int th = Math.max(1, (int) Math.round(image.getHeight() * scale));
        BufferedImage out = new BufferedImage(tw, th, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, tw, th);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, tw, th, null);
        } finally {
            g.dispose();
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(out, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return new Encoded(bytes.toByteArray(), tw, th);
    }
}
