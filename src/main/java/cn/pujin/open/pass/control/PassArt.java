package cn.pujin.open.pass.control;

import cn.pujin.open.platform.control.CjkFont;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.QrCodes;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The pass as pictures: a QR code (ZXing, error correction M) and a printable A6 or A4 PDF (OpenPDF) whose
 * Chinese text uses Noto Sans Hans, a font that ships inside the WAR (subset into each PDF).
 */
public final class PassArt {

    public static final int MIN_SIZE = 128;
    public static final int MAX_SIZE = 1024;
    public static final int DEFAULT_SIZE = 400;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern(text("format.dayTime"));
    private static final Color INK = new Color(0x1f, 0x2d, 0x3d);

    private PassArt() {}

    /**
     * The QR of a token, checked by reading it back: for a few tokens in a hundred ZXing's own detector cannot find
     * the symbol the encoder chose (its mask pattern makes data modules look like finder patterns), so such a symbol
     * is drawn again with the next mask pattern until it reads back. Whether it reads back depends on the scale too,
     * so the check reads the very matrix that is drawn. The mask found is kept per token and size: one pass is drawn
     * for its mail, its page, its PNG and its PDF. Error correction M, quiet zone of 4 modules.
     */
    public static BitMatrix matrix(String token, int size) {
        String key = size + ":" + token;
        Integer known = MASKS.get(key);
        if (known != null) {
            return encode(token, size, known);
        }
        int chosen = -1;
        BitMatrix drawn = encode(token, size, QrCodes.ANY_MASK);
        if (!readsBack(drawn, token)) {
            for (int mask = 0; mask < 8; mask++) {
                BitMatrix again = encode(token, size, mask);
                if (readsBack(again, token)) {
                    chosen = mask;
                    drawn = again;
                    break;
                }
            }
        }
        if (MASKS.size() > 10_000) {
            MASKS.clear();
        }
        MASKS.put(key, chosen);
        return drawn;
    }

    private static final Map<String, Integer> MASKS = new ConcurrentHashMap<>();

    private static BitMatrix encode(String token, int size, int mask) {
        return QrCodes.encode(token, size, 4, mask);
    }

    /** ZXing's detector on the matrix's own pixels (no image in between: building one cost more than the reading). */
    private static boolean readsBack(BitMatrix matrix, String token) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        byte[] luminance = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                luminance[y * width + x] = matrix.get(x, y) ? 0 : (byte) 0xff;
            }
        }
        try {
            var bitmap = new BinaryBitmap(new HybridBinarizer(
                    new PlanarYUVLuminanceSource(luminance, width, height, 0, 0, width, height, false)));
            return token.equals(new QRCodeReader().decode(bitmap).getText());
        } catch (ReaderException e) {
            return false;
        }
    }

    public static byte[] png(String token, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            MatrixToImageWriter.writeToStream(matrix(token, size), "PNG", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A one-page printable pass; {@code a4} for an office printer, otherwise A6 (postcard). */
    public static byte[] pdf(Passes.PassView pass, boolean a4) {
        Rectangle page = a4 ? PageSize.A4 : PageSize.A6;
        float margin = a4 ? 56 : 22;
        float scale = a4 ? 1.6f : 1f;
        Document doc = new Document(page, margin, margin, margin, margin);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(text("pass.pdf.title", pass.number()));
        doc.addCreator(text("app.name"));
        doc.open();
        Font small = new Font(CjkFont.get(), 8 * scale, Font.NORMAL, Color.GRAY);
        Font body = new Font(CjkFont.get(), 9.5f * scale, Font.NORMAL, INK);
        Font title = new Font(CjkFont.get(), 13 * scale, Font.BOLD, INK);
        doc.add(centered(text("pass.pdf.heading"), small));
        Paragraph heading = centered(pass.eventTitle(), title);
        heading.setSpacingBefore(4 * scale);
        heading.setSpacingAfter(4 * scale);
        doc.add(heading);
        doc.add(centered(text("pass.pdf.time", WHEN.format(pass.startsAt()), DateTimeFormatter.ofPattern("HH:mm").format(pass.endsAt())), body));
        if (pass.venue() != null && !pass.venue().isBlank()) {
            doc.add(centered(text("pass.pdf.venue", pass.venue()), body));
        }
        doc.add(centered(text("pass.pdf.holder", pass.name(), pass.number()), body));
        try {
            int px = (int) ((page.getWidth() - 2 * margin) * 2);
            Image qr = Image.getInstance(png(pass.token(), Math.min(MAX_SIZE, Math.max(MIN_SIZE, px))));
            float side = Math.min(page.getWidth() - 2 * margin, page.getHeight() * 0.45f);
            qr.scaleToFit(side, side);
            qr.setAlignment(Element.ALIGN_CENTER);
            doc.add(qr);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        doc.add(centered(text("pass.pdf.footer", String.valueOf(pass.serial())), small));
        doc.close();
        writer.close();
        return out.toByteArray();
    }

    /** The pass is printed in Chinese, as the stewards at the door read it. */
    private static String text(String key, Object... args) {
        return Messages.get(Messages.CHINESE, key, args);
    }

    private static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        return p;
    }
}
