package cn.pujin.open.platform.control;

import java.awt.FontFormatException;
import java.awt.Font;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The Chinese font every PDF of the product embeds (Noto Sans SC, TrueType outlines, fetched and checksummed at build time into
 * {@code classes/fonts/}): PDFs never depend on the fonts of the machine they are made on.
 */
public final class CjkFont {

    static final String FONT = "fonts/NotoSansSC_400Regular.ttf";

    private CjkFont() {}

    private static final class Holder {
        static final BaseFont CJK = load();

        private static BaseFont load() {
            try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException(FONT + " is missing from the build");
                }
                return BaseFont.createFont("NotoSansSC_400Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                        in.readAllBytes(), null);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Loaded once, subset per document by OpenPDF. */
    public static BaseFont get() {
        return Holder.CJK;
    }

    private static final class AwtHolder {
        static final Font CJK = load();

        private static Font load() {
            try (InputStream in = CjkFont.class.getClassLoader().getResourceAsStream(FONT)) {
                if (in == null) {
                    throw new IllegalStateException(FONT + " is missing from the build");
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The same font for drawing images (posters) with Java 2D, at {@code size} points. */
    public static Font awt(float size) {
        return AwtHolder.CJK.deriveFont(size);
    }
}
