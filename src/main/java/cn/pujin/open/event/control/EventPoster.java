package cn.pujin.open.event.control;

import cn.pujin.open.platform.control.CjkFont;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.QrCodes;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * An event's poster for residents' committees' noticeboards (A4, Chinese): the title, kind, time, place, summary and a
 * QR code that opens the event's page, as a PDF to print and as a PNG (A4 at 150 dpi) to post in a chat group.
 */
public final class EventPoster {

    private static final Color BRAND = new Color(0x1f, 0x4e, 0x9c);
    private static final Color INK = new Color(0x1d, 0x23, 0x30);
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** A4 at 150 dpi. */
    static final int PNG_WIDTH = 1240;
    static final int PNG_HEIGHT = 1754;

    private EventPoster() {}

    /** The lines of the poster, in the order they are set. */
    record Lines(String heading, String title, String when, String where, String summary, String scan, String footer) {}

    static Lines lines(EventView e, String url) {
        DateTimeFormatter day = DateTimeFormatter.ofPattern(text("format.dayTime"));
        String when = day.format(e.startsAt().atZoneSameInstant(SHANGHAI)) + "–"
                + DateTimeFormatter.ofPattern("HH:mm").format(e.endsAt().atZoneSameInstant(SHANGHAI));
        String where = e.venue() == null || e.venue().isBlank() ? text("event.online") : e.venue();
        return new Lines(text("poster.heading", text("kind." + e.kind().name())), e.title(), text("poster.when", when),
                text("poster.where", where), e.summary() == null ? "" : e.summary(), text("poster.scan"), text("poster.footer", url));
    }

    public static byte[] pdf(EventView e, String url) {
        Lines l = lines(e, url);
        Document doc = new Document(PageSize.A4, 56, 56, 64, 56);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        doc.addTitle(l.title());
        doc.addCreator(text("app.name"));
        doc.open();
        doc.add(paragraph(l.heading(), new Font(CjkFont.get(), 18, Font.NORMAL, BRAND), 0, 12));
        doc.add(paragraph(l.title(), new Font(CjkFont.get(), 30, Font.BOLD, INK), 0, 18));
        Font body = new Font(CjkFont.get(), 16, Font.NORMAL, INK);
        doc.add(paragraph(l.when(), body, 0, 4));
        doc.add(paragraph(l.where(), body, 0, 14));
        if (!l.summary().isBlank()) {
            doc.add(paragraph(l.summary(), new Font(CjkFont.get(), 14, Font.NORMAL, INK), 0, 18));
        }
        try {
            Image qr = Image.getInstance(png(qr(url, 600)));
            qr.scaleToFit(230, 230);
            qr.setAlignment(Element.ALIGN_CENTER);
            doc.add(qr);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        doc.add(paragraph(l.scan(), body, 4, 4));
        doc.add(paragraph(l.footer(), new Font(CjkFont.get(), 10, Font.NORMAL, Color.GRAY), 12, 0));
        doc.close();
        writer.close();
        return out.toByteArray();
    }

    public static byte[] png(EventView e, String url) {
        Lines l = lines(e, url);
        BufferedImage image = new BufferedImage(PNG_WIDTH, PNG_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, PNG_WIDTH, PNG_HEIGHT);
            g.setColor(BRAND);
            g.fillRect(0, 0, PNG_WIDTH, 150);
            int margin = 110;
            int width = PNG_WIDTH - 2 * margin;
            text(g, l.heading(), CjkFont.awt(44), Color.WHITE, margin, 40, width);
            int y = 220;
            y = text(g, l.title(), CjkFont.awt(76).deriveFont(java.awt.Font.BOLD), INK, margin, y, width) + 40;
            y = text(g, l.when(), CjkFont.awt(40), INK, margin, y, width) + 8;
            y = text(g, l.where(), CjkFont.awt(40), INK, margin, y, width) + 40;
            if (!l.summary().isBlank()) {
                y = text(g, l.summary(), CjkFont.awt(34), INK, margin, y, width) + 50;
            }
            int side = 520;
            BufferedImage qr = MatrixToImageWriter.toBufferedImage(qr(url, side));
            int x = (PNG_WIDTH - side) / 2;
            y = Math.min(y, PNG_HEIGHT - side - 200);
            g.drawImage(qr, x, y, null);
            g.setColor(BRAND);
            g.setStroke(new BasicStroke(4));
            g.drawRect(x - 6, y - 6, side + 12, side + 12);
            y += side + 30;
            FontMetrics m = g.getFontMetrics(CjkFont.awt(38));
            g.setFont(CjkFont.awt(38));
            g.setColor(INK);
            g.drawString(l.scan(), (PNG_WIDTH - m.stringWidth(l.scan())) / 2, y + m.getAscent());
            text(g, l.footer(), CjkFont.awt(24), Color.GRAY, margin, y + m.getHeight() + 30, width);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "PNG", out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /**
     * Draws {@code text} wrapped to {@code width} (per character: Chinese has no spaces) from the top {@code y} down;
     * returns the bottom of the last line, where the next block may start.
     */
    private static int text(Graphics2D g, String text, java.awt.Font font, Color color, int x, int y, int width) {
        g.setFont(font);
        g.setColor(color);
        FontMetrics m = g.getFontMetrics();
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            String next = line + new String(Character.toChars(cp));
            if (m.stringWidth(next) > width && line.length() > 0) {
                lines.add(line.toString());
                line = new StringBuilder(new String(Character.toChars(cp)));
            } else {
                line = new StringBuilder(next);
            }
            i += Character.charCount(cp);
            if (lines.size() >= 6) {
                break;
            }
        }
        if (line.length() > 0 && lines.size() < 6) {
            lines.add(line.toString());
        }
        int lineHeight = (int) (m.getHeight() * 1.25);
        for (int i = 0; i < lines.size(); i++) {
            g.drawString(lines.get(i), x, y + m.getAscent() + i * lineHeight);
        }
        return y + lines.size() * lineHeight;
    }

    private static BitMatrix qr(String url, int size) {
        return QrCodes.encode(url, size, 2, QrCodes.ANY_MASK);
    }

    private static byte[] png(BitMatrix matrix) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MatrixToImageWriter.writeToStream(matrix, "PNG", out);
        return out.toByteArray();
    }

    private static Paragraph paragraph(String text, Font font, float before, float after) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        p.setSpacingAfter(after);
        return p;
    }

    /** The poster is in Chinese, as the noticeboards are. */
    private static String text(String key, Object... args) {
        return Messages.get(Messages.CHINESE, key, args);
    }
}
