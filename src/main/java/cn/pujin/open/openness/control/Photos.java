package cn.pujin.open.openness.control;

import cn.pujin.open.platform.control.FileTypes;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Takes an uploaded photo apart and makes a new one: JPEG or PNG judged by content, dimensions and pixel format read
 * from the header before any pixel is decoded, scaled to at most {@value #MAX_SIDE} px and written as a fresh JPEG — so
 * no EXIF, GPS or other metadata survives.
 *
 * <p>Memory is bounded before decoding, not after: an image whose pixels would take more than {@value #MAX_RAW_BYTES}
 * bytes (width × height × bytes per pixel: a 16-bit RGBA PNG needs 8 per pixel, so a few hundred KB of compressed zeros
 * can ask for 320 MB) is refused with 413 {@code PHOTO_TOO_LARGE}; the rest is decoded with subsampling (every n-th pixel of
 * every n-th row) to between one and two times the target size and at most {@value #MAX_DECODED_BYTES} bytes, and at
 * most {@value #PARALLEL_DECODES} decode at once.
 */
public final class Photos {

    public static final int MAX_BYTES = FileTypes.MAX_FILE_BYTES;
    public static final int MAX_SIDE = 1600;
    static final int MAX_HEADER_SIDE = 12_000;
    /** 40 megapixels of 8-bit RGBA, or 20 of 16-bit. */
    static final long MAX_RAW_BYTES = 160L * 1024 * 1024;
    /** The most one decoded (subsampled) image may take. */
    static final long MAX_DECODED_BYTES = 48L * 1024 * 1024;
    static final int PARALLEL_DECODES = 2;

    private static final Semaphore DECODES = new Semaphore(PARALLEL_DECODES, true);

    public record Encoded(byte[] jpeg, int width, int height) {}

    private Photos() {}

    public static Encoded reencode(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw Problem.invalid("file", "validation.required");
        }
        if (upload.length > MAX_BYTES) {
            throw new Problem(413, ProblemCode.PAYLOAD_TOO_LARGE, "photo.tooLarge", null, null, MAX_BYTES / 1024 / 1024);
        }
        String type = FileTypes.sniff(upload).orElse("");
        if (!type.equals("image/png") && !type.equals("image/jpeg")) {
            throw Problem.badRequest(ProblemCode.PHOTO_TYPE, "photo.type");
        }
        DECODES.acquireUninterruptibly();
        try {
            return scaled(decode(upload));
        } finally {
            DECODES.release();
        }
    }

    /** The image subsampled to about {@link #MAX_SIDE}, after checking what decoding it would cost. */
    private static BufferedImage decode(byte[] upload) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(upload))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw Problem.badRequest(ProblemCode.PHOTO_TYPE, "photo.type");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                int w = reader.getWidth(0);
                int h = reader.getHeight(0);
                if (w <= 0 || h <= 0 || w > MAX_HEADER_SIDE || h > MAX_HEADER_SIDE) {
                    throw Problem.badRequest(ProblemCode.PHOTO_DIMENSIONS, "photo.dimensions", MAX_HEADER_SIDE);
                }
                int bytesPerPixel = bytesPerPixel(reader);
                if ((long) w * h * bytesPerPixel > MAX_RAW_BYTES) {
                    throw new Problem(413, ProblemCode.PHOTO_TOO_LARGE, "photo.tooManyPixels", null, null, MAX_RAW_BYTES / 1024 / 1024);
                }
                // every step-th pixel of every step-th row: at least MAX_SIDE on the long side for a clean downscale,
                // and never more than MAX_DECODED_BYTES in memory
                int step = Math.max(1, Math.max(w, h) / MAX_SIDE);
                while ((long) ceil(w, step) * ceil(h, step) * bytesPerPixel > MAX_DECODED_BYTES) {
                    step++;
                }
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                return reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof Problem p) {
                throw p;
            }
            throw Problem.badRequest(ProblemCode.PHOTO_TYPE, "photo.type");
        }
    }

    private static int ceil(int length, int step) {
        return (length + step - 1) / step;
    }

    /** Bytes one decoded pixel takes: the sum of the sample sizes of the image's own format, at least 4 (an int pixel). */
    static int bytesPerPixel(ImageReader reader) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            type = types.hasNext() ? types.next() : null;
        }
        if (type == null) {
            return 8;
        }
        int bits = 0;
        for (int size : type.getSampleModel().getSampleSize()) {
            bits += size;
        }
        return Math.max(4, (bits + 7) / 8);
    }

    private static Encoded scaled(BufferedImage image) {
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
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return new Encoded(bytes.toByteArray(), tw, th);
    }
}
