package cn.pujin.open.it;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads a PDF as a viewer would: the text, and whether every Chinese character has a glyph to draw. Text can be
 * extracted from the ToUnicode map even when the embedded font draws nothing (a CID-keyed CFF font addressed by
 * glyph ids once showed blanks in pdf.js and PDFBox), so both are checked.
 */
public final class Pdfs {

    private Pdfs() {}

    public record Read(String text, List<String> undrawn) {}

    public static Read read(byte[] pdf) throws IOException {
        List<String> undrawn = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(TextPosition t) {
                    super.processTextPosition(t);
                    String u = t.getUnicode();
                    if (u != null && !u.isEmpty() && u.codePointAt(0) >= 0x2E80 && !Character.isSpaceChar(u.codePointAt(0))
                            && t.getFont() instanceof PDType0Font font) {
                        for (int code : t.getCharacterCodes()) {
                            try {
                                if (font.getPath(code).getBounds2D().isEmpty()) {
                                    undrawn.add(u);
                                }
                            } catch (IOException e) {
                                undrawn.add(u);
                            }
                        }
                    }
                }
            };
            return new Read(stripper.getText(doc), undrawn);
        }
    }
}
