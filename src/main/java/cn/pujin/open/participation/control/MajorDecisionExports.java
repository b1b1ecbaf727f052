package cn.pujin.open.participation.control;

import cn.pujin.open.participation.control.MajorDecisionViews.MajorDecisionView;
import cn.pujin.open.participation.control.MajorDecisionViews.StepView;
import cn.pujin.open.platform.control.CjkFont;
import cn.pujin.open.platform.control.Messages;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The public catalogue of a year as files (决策目录): an A4 landscape PDF to print and an XLSX with the items and, on a
 * second sheet, their published steps. Only what the public sees.
 */
@ApplicationScoped
public class MajorDecisionExports {

    @Inject
    MajorDecisionViews views;

    /** The columns of the item list, by their message keys. */
    private static final List<String> COLUMNS = List.of("majorDecision.export.number", "field.title", "majorDecision.department",
            "majorDecision.legalBasis", "majorDecision.plannedPeriod", "majorDecision.export.status", "majorDecision.progress");

    public void xlsx(int year, Locale locale, OutputStream out) throws IOException {
        List<MajorDecisionView> items = views.catalogue(year, false);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            XSSFFont font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);

            XSSFSheet list = wb.createSheet(Messages.get(locale, "majorDecision.export.sheetItems"));
            row(list.createRow(0), COLUMNS.stream().map(k -> Messages.get(locale, k)).toList(), bold);
            int r = 1;
            for (MajorDecisionView m : items) {
                row(list.createRow(r++), cells(m, locale), wrap);
            }
            int[] widths = {8, 40, 16, 40, 18, 30, 40};
            for (int i = 0; i < widths.length; i++) {
                list.setColumnWidth(i, widths[i] * 256);
            }
            list.createFreezePane(0, 1);

            XSSFSheet steps = wb.createSheet(Messages.get(locale, "majorDecision.export.sheetSteps"));
            row(steps.createRow(0), List.of(Messages.get(locale, "majorDecision.export.number"),
                    Messages.get(locale, "majorDecision.stepKind"), Messages.get(locale, "field.date"),
                    Messages.get(locale, "majorDecision.stepSummary"), Messages.get(locale, "majorDecision.meeting"),
                    Messages.get(locale, "field.documents")), bold);
            r = 1;
            for (MajorDecisionView m : items) {
                for (StepView s : m.steps()) {
                    row(steps.createRow(r++), List.of(String.valueOf(m.number()),
                            Messages.get(locale, "majorDecision.step." + s.kind()), s.date().toString(), s.summary(),
                            s.meeting() == null ? "" : s.meeting().title(),
                            s.documents().stream().map(d -> d.title() + " " + d.url()).collect(Collectors.joining("\n"))), wrap);
                }
            }
            int[] stepWidths = {8, 14, 12, 50, 30, 40};
            for (int i = 0; i < stepWidths.length; i++) {
                steps.setColumnWidth(i, stepWidths[i] * 256);
            }
            steps.createFreezePane(0, 1);
            wb.write(out);
        }
    }

    public void pdf(int year, Locale locale, OutputStream out) {
        List<MajorDecisionView> items = views.catalogue(year, false);
        Document doc = new Document(PageSize.A4.rotate(), 36, 36, 40, 40);
        try {
            PdfWriter.getInstance(doc, out);
            String heading = Messages.get(locale, "majorDecision.yearTitle", year);
            doc.addTitle(heading);
            doc.open();
            Font title = new Font(CjkFont.get(), 16, Font.BOLD, new Color(0x1f, 0x4e, 0x9c));
            Font body = new Font(CjkFont.get(), 9.5f, Font.NORMAL, new Color(0x1d, 0x23, 0x30));
            Font small = new Font(CjkFont.get(), 8.5f, Font.BOLD, new Color(0x1d, 0x23, 0x30));
            Paragraph t = new Paragraph(heading, title);
            t.setAlignment(Element.ALIGN_CENTER);
            t.setSpacingAfter(12);
            doc.add(t);
            if (items.isEmpty()) {
                doc.add(new Paragraph(Messages.get(locale, "majorDecision.empty"), body));
            } else {
                PdfPTable table = new PdfPTable(COLUMNS.size());
                table.setWidthPercentage(100);
                table.setWidths(new float[]{0.7f, 3.2f, 1.4f, 3.2f, 1.5f, 2.2f, 3});
                for (String k : COLUMNS) {
                    table.addCell(cell(Messages.get(locale, k), small, new Color(0xee, 0xf3, 0xfb)));
                }
                for (MajorDecisionView m : items) {
                    for (String c : cells(m, locale)) {
                        table.addCell(cell(c, body, null));
                    }
                }
                table.setHeaderRows(1);
                doc.add(table);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** One item's cells: number, title, department, legal basis, period, status with reasons, steps done. */
    private static List<String> cells(MajorDecisionView m, Locale locale) {
        StringBuilder status = new StringBuilder(Messages.get(locale, "majorDecision.status." + m.status()));
        if (m.addedDuringYear()) {
            status.append('\n').append(Messages.get(locale, "majorDecision.added")).append(Messages.get(locale, "common.colon"))
                    .append(m.addedReason());
        }
        if (m.withdrawalReason() != null) {
            status.append('\n').append(Messages.get(locale, "majorDecision.withdrawalReason"))
                    .append(Messages.get(locale, "common.colon")).append(m.withdrawalReason());
        }
        String done = m.stepsDone().isEmpty() ? "—" : m.stepsDone().stream()
                .map(k -> Messages.get(locale, "majorDecision.step." + k)).collect(Collectors.joining(Messages.listSeparator(locale)));
        return List.of(String.valueOf(m.number()), m.title(), m.department(), m.legalBasis(), m.plannedPeriod(),
                status.toString(), done);
    }

    private static void row(Row row, List<String> values, CellStyle style) {
        for (int i = 0; i < values.size(); i++) {
            var c = row.createCell(i);
            c.setCellValue(values.get(i));
            c.setCellStyle(style);
        }
    }

    private static PdfPCell cell(String text, Font font, Color background) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(4);
        c.setBorderColor(new Color(0xdf, 0xe3, 0xea));
        if (background != null) {
            c.setBackgroundColor(background);
        }
        return c;
    }
}
