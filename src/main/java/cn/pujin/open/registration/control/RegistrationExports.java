package cn.pujin.open.registration.control;

import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Csv;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.registration.entity.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * The registrations of an event as CSV (UTF-8 with BOM, so Excel opens Chinese correctly) or XLSX.
 * Names and phone numbers are masked unless the organiser asks for numbers; every export is audited.
 */
@ApplicationScoped
public class RegistrationExports {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Audit audit;

    public record Export(String filename, String contentType, byte[] bytes, int rows) {}

    @Transactional
    public Export export(Long organiser, Long eventId, boolean phones, String format, Locale locale) {
        List<RegistrationView> rows = rows(eventId, phones);
        Export export = "xlsx".equals(format) ? xlsx(eventId, rows, locale) : csv(eventId, rows, locale);
        audit.record(organiser, "event", eventId, "registration.export", null, null,
                format + ", " + rows.size() + " rows, phones " + (phones ? "shown" : "masked"));
        return export;
    }

    private List<RegistrationView> rows(Long eventId, boolean phones) {
        List<Registration> all = new ArrayList<>();
        int page = 0;
        while (true) {
            var found = registrationQueries.forEvent(eventId, new RegistrationQueries.Filter(null, null, null), RegistrationQueries.Sort.CREATED,
                    false, new Paging(page++, Paging.MAX_SIZE));
            all.addAll(found.items());
            if (found.items().size() < Paging.MAX_SIZE) {
                break;
            }
        }
        return registrationQueries.views(all, false, phones);
    }

    private static List<String> header(Locale locale) {
        return List.of("number", "name", "phone", "status", "category", "organisation", "statement", "createdAt").stream()
                .map(k -> Messages.get(locale, "export.registration." + k)).toList();
    }

    private static List<String> cells(RegistrationView v, Locale locale) {
        return List.of(v.number(), nullSafe(v.name()), nullSafe(v.phone()),
                Messages.get(locale, "registration.state." + v.status()),
                v.category() == null ? "" : Messages.get(locale, "category." + v.category()), nullSafe(v.organisation()),
                nullSafe(v.statement()), v.createdAt() == null ? "" : TIME.format(v.createdAt()));
    }

    private static Export csv(Long eventId, List<RegistrationView> rows, Locale locale) {
        String csv = Csv.document(header(locale), rows.stream().map(v -> cells(v, locale)).toList());
        return new Export("registrations-" + eventId + ".csv", "text/csv; charset=utf-8",
                csv.getBytes(StandardCharsets.UTF_8), rows.size());
    }

    private static Export xlsx(Long eventId, List<RegistrationView> rows, Locale locale) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(Messages.get(locale, "export.registration.sheet"));
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            write(sheet.createRow(0), header(locale), bold);
            int r = 1;
            for (RegistrationView v : rows) {
                write(sheet.createRow(r++), cells(v, locale), null);
            }
            sheet.createFreezePane(0, 1);
            int[] widths = {12, 12, 14, 12, 14, 24, 60, 18};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            workbook.write(out);
            workbook.dispose();
            return new Export("registrations-" + eventId + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray(), rows.size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, List<String> values, CellStyle style) {
        for (int i = 0; i < values.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(values.get(i));
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    private static String nullSafe(String s) {
        return s == null ? "" : s;
    }
}
