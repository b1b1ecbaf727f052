package cn.pujin.open.openness.control;

import cn.pujin.open.message.control.MessageFigures;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.input.control.InputQueues;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.CjkFont;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Csv;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.suggestion.control.SuggestionSource;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The year's statistics and event list as XLSX (figures, a month sheet with a native bar chart, the event list),
 * CSV (UTF-8 with BOM) and a PDF annual summary with the embedded Chinese font. Written straight to the
 * response stream; every export is audited.
 */
@ApplicationScoped
public class StatsExports {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    Statistics statistics;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Attendance attendance;

    @Inject
    Audit audit;

    @PersistenceContext
    EntityManager em;

    /** One row of the event list. */
    public record EventRow(EventView event, long confirmed, long attended, long suggestions) {}

    @Inject
    InputQueues queues;

    @Inject
    SuggestionSource suggestionSource;

    @Transactional
    public void audited(Long organiser, int year, String format) {
        audit.record(organiser, "stats", (long) year, "stats.export", null, null, format);
    }

    /** Every published event that starts in the year (cancelled ones too, with their status), oldest first. */
    public List<EventRow> eventRows(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Clocks.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Clocks.ZONE).toInstant();
        List<EventView> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            List<EventView> found = publicEvents.publicList(new PublicEvents.PublicQuery(null, from, to, null, null, false),
                    new Paging(page, Paging.MAX_SIZE)).items();
            found.stream().filter(e -> !e.startsAt().toInstant().isBefore(from)).forEach(all::add);
            if (found.size() < Paging.MAX_SIZE) {
                break;
            }
        }
        List<Long> ids = all.stream().map(EventView::id).toList();
        Map<Long, Attendance.Figures> figures = attendance.of(ids);
        Map<Long, Long> suggestions = queues.countBy(suggestionSource, "eventId", ids);
        return all.stream().map(e -> new EventRow(e, figures.get(e.id()).confirmed(), figures.get(e.id()).attended(),
                suggestions.getOrDefault(e.id(), 0L))).toList();
    }

    // ---- tables shared by the three formats ----

    /** Label → value of every figure, in reading order. */
    public static Map<String, String> figures(YearStats s, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(Messages.get(locale, "stats.events"), String.valueOf(s.events()));
        m.put(Messages.get(locale, "stats.registrations"), String.valueOf(s.registrations()));
        m.put(Messages.get(locale, "stats.confirmed"), String.valueOf(s.confirmed()));
        m.put(Messages.get(locale, "stats.attended"), String.valueOf(s.attended()));
        m.put(Messages.get(locale, "stats.attendanceRate"), s.attendanceRate() + "%");
        s.representativesByCategory().forEach((k, v) ->
                m.put(Messages.get(locale, "stats.representatives") + " · " + Messages.get(locale, "category." + k), String.valueOf(v)));
        m.put(Messages.get(locale, "stats.suggestionsReceived"), String.valueOf(s.suggestionsReceived()));
        m.put(Messages.get(locale, "stats.suggestionsAnswered"), String.valueOf(s.suggestionsAnswered()));
        m.put(Messages.get(locale, "stats.answeredOnTime"), String.valueOf(s.answeredOnTime()));
        m.put(Messages.get(locale, "stats.onTimeRate"), s.onTimeRate() + "%");
        m.put(Messages.get(locale, "stats.answersPublished"), String.valueOf(s.answersPublished()));
        s.adoptionByOutcome().forEach((k, v) -> m.put(Messages.get(locale, "suggestion.outcome." + k), String.valueOf(v)));
        m.put(Messages.get(locale, "stats.adoptionRate"), s.adoptionRate() + "%");
        m.put(Messages.get(locale, "stats.ratings"), String.valueOf(s.ratings()));
        m.put(Messages.get(locale, "stats.satisfaction"), String.valueOf(s.averageSatisfaction()));
        m.put(Messages.get(locale, "stats.majorDecisions"), String.valueOf(s.majorDecisions()));
        m.put(Messages.get(locale, "stats.majorDecisionsWithdrawn"), String.valueOf(s.majorDecisionsWithdrawn()));
        s.majorDecisionsByStep().forEach((k, v) -> m.put(Messages.get(locale, "stats.majorDecisionsStep") + " · "
                + Messages.get(locale, "majorDecision.step." + k), String.valueOf(v)));
        m.put(Messages.get(locale, "stats.consultations"), String.valueOf(s.consultations()));
        m.put(Messages.get(locale, "stats.consultationComments"), String.valueOf(s.consultationComments()));
        m.put(Messages.get(locale, "stats.consultationAnswers"), String.valueOf(s.consultationAnswers()));
        m.put(Messages.get(locale, "stats.consultationAdopted"), String.valueOf(s.consultationAdopted()));
        m.put(Messages.get(locale, "stats.consultationAdoptionRate"), s.consultationAdoptionRate() + "%");
        m.put(Messages.get(locale, "stats.messagesReceived"), String.valueOf(s.messagesReceived()));
        m.put(Messages.get(locale, "stats.messageAcknowledgedOnTimeRate"), s.messageAcknowledgedOnTimeRate() + "%");
        m.put(Messages.get(locale, "stats.messageAnsweredOnTimeRate"), s.messageAnsweredOnTimeRate() + "%");
        m.put(Messages.get(locale, "stats.messageAverageRating"), String.valueOf(s.messageAverageRating()));
        return m;
    }

    static List<String> eventHeader(Locale locale) {
        return List.of("startsAt", "title", "kind", "mode", "venue", "campaign", "status", "capacity", "confirmed", "attended",
                "suggestions").stream().map(k -> Messages.get(locale, "export.event." + k)).toList();
    }

    static List<String> eventCells(EventRow r, Locale locale) {
        EventView e = r.event();
        return List.of(DAY.format(e.startsAt().atZoneSameInstant(Clocks.ZONE)), e.title(),
                Messages.get(locale, "kind." + e.kind().name()), Messages.get(locale, "mode." + e.mode().name()),
                e.venue() == null ? "" : e.venue(), e.campaign() == null ? "" : e.campaign(),
                Messages.get(locale, "status." + e.status().name()), String.valueOf(e.capacity()),
                String.valueOf(r.confirmed()), String.valueOf(r.attended()), String.valueOf(r.suggestions()));
    }

    // ---- CSV ----

    public void csv(int year, boolean eventList, Locale locale, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        StringBuilder line = new StringBuilder("\uFEFF");
        if (eventList) {
            Csv.line(line, eventHeader(locale));
            w.write(line.toString());
            for (EventRow r : eventRows(year)) {
                line.setLength(0);
                Csv.line(line, eventCells(r, locale));
                w.write(line.toString());
            }
        } else {
            Csv.line(line, List.of(Messages.get(locale, "export.figure"), Messages.get(locale, "export.value")));
            figures(statistics.of(year), locale).forEach((k, v) -> Csv.line(line, List.of(k, v)));
            w.write(line.toString());
        }
        w.flush();
    }

    // ---- XLSX ----

    public void xlsx(int year, Locale locale, OutputStream out) throws IOException {
        YearStats s = statistics.of(year);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle bold = wb.createCellStyle();
            XSSFFont font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);

            XSSFSheet figures = wb.createSheet(Messages.get(locale, "export.sheet.figures"));
            header(figures.createRow(0), List.of(Messages.get(locale, "export.figure"), Messages.get(locale, "export.value")), bold);
            int r = 1;
            for (Map.Entry<String, String> f : figures(s, locale).entrySet()) {
                Row row = figures.createRow(r++);
                row.createCell(0).setCellValue(f.getKey());
                row.createCell(1).setCellValue(f.getValue());
            }
            figures.setColumnWidth(0, 34 * 256);
            figures.setColumnWidth(1, 14 * 256);

            XSSFSheet months = wb.createSheet(Messages.get(locale, "export.sheet.months"));
            header(months.createRow(0), List.of(Messages.get(locale, "export.month"), Messages.get(locale, "stats.events")), bold);
            for (int m = 1; m <= 12; m++) {
                Row row = months.createRow(m);
                row.createCell(0).setCellValue(Messages.get(locale, "stats.month", m));
                row.createCell(1).setCellValue(s.eventsByMonth().get(m - 1));
            }
            monthChart(months, Messages.get(locale, "stats.byMonth"));

            XSSFSheet board = wb.createSheet(Messages.get(locale, "export.sheet.messages"));
            header(board.createRow(0), MessageFigures.header(locale), bold);
            r = 1;
            for (MessageFigures.Row row : MessageFigures.lines(s.messagesByMonth(), s.messagesByDepartment(), locale)) {
                Row x = board.createRow(r++);
                List<String> cells = MessageFigures.cells(row);
                x.createCell(0).setCellValue(cells.get(0));
                x.createCell(1).setCellValue(row.received());
                x.createCell(2).setCellValue(row.acknowledgedOnTimeRate());
                x.createCell(3).setCellValue(row.answeredOnTimeRate());
                x.createCell(4).setCellValue(row.ratings());
                x.createCell(5).setCellValue(row.averageRating());
            }
            board.setColumnWidth(0, 22 * 256);
            for (int i = 1; i < 6; i++) {
                board.setColumnWidth(i, 16 * 256);
            }

            XSSFSheet list = wb.createSheet(Messages.get(locale, "export.sheet.events"));
            header(list.createRow(0), eventHeader(locale), bold);
            r = 1;
            for (EventRow e : eventRows(year)) {
                List<String> cells = eventCells(e, locale);
                Row row = list.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    Cell cell = row.createCell(i);
                    if (i >= 7) {
                        cell.setCellValue(Long.parseLong(cells.get(i)));
                    } else {
                        cell.setCellValue(cells.get(i));
                    }
                }
            }
            list.createFreezePane(0, 1);
            int[] widths = {18, 40, 12, 12, 28, 18, 10, 8, 10, 8, 10};
            for (int i = 0; i < widths.length; i++) {
                list.setColumnWidth(i, widths[i] * 256);
            }
            wb.write(out);
        }
    }

    private static void header(Row row, List<String> values, CellStyle bold) {
        for (int i = 0; i < values.size(); i++) {
            Cell c = row.createCell(i);
            c.setCellValue(values.get(i));
            c.setCellStyle(bold);
        }
    }

    /** A native Excel bar chart of the month sheet's two columns (rows 2–13). */
    private static void monthChart(XSSFSheet sheet, String title) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, 3, 1, 13, 20);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        XDDFDataSource<String> labels = XDDFDataSourcesFactory.fromStringCellRange(sheet, new CellRangeAddress(1, 12, 0, 0));
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet, new CellRangeAddress(1, 12, 1, 1));
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.addSeries(labels, values).setTitle(title, null);
        chart.plot(data);
    }

    // ---- PDF ----

    public void pdf(int year, Locale locale, OutputStream out) {
        YearStats s = statistics.of(year);
        Document doc = new Document(PageSize.A4, 48, 48, 56, 56);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(Messages.get(locale, "export.pdf.title", year));
            doc.open();
            Font title = new Font(CjkFont.get(), 18, Font.BOLD, new Color(0x1f, 0x4e, 0x9c));
            Font heading = new Font(CjkFont.get(), 12.5f, Font.BOLD, new Color(0x1d, 0x23, 0x30));
            Font body = new Font(CjkFont.get(), 10, Font.NORMAL, new Color(0x1d, 0x23, 0x30));
            Font small = new Font(CjkFont.get(), 8.5f, Font.NORMAL, Color.GRAY);
            Paragraph t = new Paragraph(Messages.get(locale, "export.pdf.title", year), title);
            t.setSpacingAfter(4);
            doc.add(t);
            doc.add(new Paragraph(Messages.get(locale, "export.pdf.subtitle"), small));
            section(doc, Messages.get(locale, "export.sheet.figures"), heading);
            PdfPTable f = table(2, new float[]{3, 1});
            figures(s, locale).forEach((k, v) -> {
                f.addCell(cell(k, body));
                f.addCell(cell(v, body));
            });
            doc.add(f);
            section(doc, Messages.get(locale, "stats.byMonth"), heading);
            PdfPTable m = table(12, null);
            for (int i = 1; i <= 12; i++) {
                m.addCell(cell(Messages.get(locale, "stats.month", i), small));
            }
            for (int i = 0; i < 12; i++) {
                m.addCell(cell(String.valueOf(s.eventsByMonth().get(i)), body));
            }
            doc.add(m);
            section(doc, Messages.get(locale, "export.sheet.messages"), heading);
            PdfPTable b = table(6, new float[]{2.4f, 1, 1.4f, 1.4f, 1, 1});
            for (String h : MessageFigures.header(locale)) {
                b.addCell(cell(h, small));
            }
            for (MessageFigures.Row row : MessageFigures.lines(s.messagesByMonth(), s.messagesByDepartment(), locale)) {
                MessageFigures.cells(row).forEach(c -> b.addCell(cell(c, body)));
            }
            b.setHeaderRows(1);
            doc.add(b);
            section(doc, Messages.get(locale, "export.sheet.events"), heading);
            List<EventRow> rows = eventRows(year);
            if (rows.isEmpty()) {
                doc.add(new Paragraph(Messages.get(locale, "stats.noEvents"), body));
            } else {
                PdfPTable list = table(5, new float[]{2.2f, 5, 1.4f, 1.2f, 1.2f});
                for (String h : List.of("startsAt", "title", "kind", "confirmed", "attended")) {
                    list.addCell(cell(Messages.get(locale, "export.event." + h), small));
                }
                for (EventRow r : rows) {
                    List<String> c = eventCells(r, locale);
                    list.addCell(cell(c.get(0), small));
                    list.addCell(cell(c.get(1), body));
                    list.addCell(cell(c.get(2), small));
                    list.addCell(cell(c.get(8), body));
                    list.addCell(cell(c.get(9), body));
                }
                list.setHeaderRows(1);
                doc.add(list);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    private static void section(Document doc, String text, Font font) throws DocumentException {
        Paragraph p = new Paragraph(text, font);
        p.setSpacingBefore(14);
        p.setSpacingAfter(6);
        doc.add(p);
    }

    private static PdfPTable table(int columns, float[] widths) throws DocumentException {
        PdfPTable t = new PdfPTable(columns);
        t.setWidthPercentage(100);
        if (widths != null) {
            t.setWidths(widths);
        }
        return t;
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(4);
        c.setBorderColor(new Color(0xdf, 0xe3, 0xea));
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        return c;
    }
}
