package cn.pujin.open.it;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The year's exports, parsed back: XLSX with POI (figures, chart, event list), CSV with a BOM, PDF text with PDFBox. */
class StatsExportsIT {

    static final int YEAR = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();

    @Test
    void organisersExportFiguresAndEventsThatMatchTheApi() throws Exception {
        JsonObject stats = Api.anonymous().get("/api/v1/stats?year=" + YEAR).expect(200).json();
        Api organiser = Api.as("organiser");

        Api.Response csv = organiser.get("/api/v1/stats/export.csv?year=" + YEAR);
        csv.expect(200);
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        byte[] bytes = organiser.bytes("/api/v1/stats/export.csv?year=" + YEAR);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 BOM for Excel");
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertTrue(lines.get(0).startsWith("开始时间,活动名称,类型"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.contains("走进浦锦街道城运中心")), "a demo event of this year");
        int csvEvents = lines.size() - 1;
        assertTrue(csvEvents >= stats.getInt("events"), "the list also carries cancelled events");

        String figures = new String(organiser.bytes("/api/v1/stats/export.csv?year=" + YEAR + "&table=figures"), StandardCharsets.UTF_8);
        assertTrue(figures.contains("活动场次," + stats.getInt("events") + "\r\n"), figures);
        assertTrue(figures.contains("报名人次," + stats.getInt("registrations") + "\r\n"), figures);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(organiser.bytes("/api/v1/stats/export.xlsx?year=" + YEAR)))) {
            assertEquals(4, wb.getNumberOfSheets());
            XSSFSheet board = wb.getSheet("留言办理");
            assertEquals("1月", new DataFormatter().formatCellValue(board.getRow(1).getCell(0)));
            assertEquals(stats.getJsonArray("messagesByMonth").getJsonObject(0).getInt("received"),
                    (int) board.getRow(1).getCell(1).getNumericCellValue());
            DataFormatter f = new DataFormatter();
            XSSFSheet sheet = wb.getSheet("年度统计");
            assertEquals("活动场次", f.formatCellValue(sheet.getRow(1).getCell(0)));
            assertEquals(String.valueOf(stats.getInt("events")), f.formatCellValue(sheet.getRow(1).getCell(1)));
            XSSFSheet months = wb.getSheet("各月活动");
            assertEquals(1, months.getDrawingPatriarch().getCharts().size(), "a native bar chart");
            for (int m = 1; m <= 12; m++) {
                assertEquals(stats.getJsonArray("eventsByMonth").getInt(m - 1), (int) months.getRow(m).getCell(1).getNumericCellValue());
            }
            assertEquals(csvEvents, wb.getSheet("活动清单").getLastRowNum(), "the same event list as the CSV");
        }

        Pdfs.Read pdf = Pdfs.read(organiser.bytes("/api/v1/stats/summary.pdf?year=" + YEAR));
        assertTrue(pdf.text().contains(YEAR + " 年度政府开放工作情况"), pdf.text());
        assertTrue(pdf.text().contains("走进浦锦街道城运中心"), "Chinese text extracts");
        assertEquals(List.of(), pdf.undrawn(), "and every Chinese character has a glyph to draw");

        List<String> audit = Api.as("admin").get("/api/v1/audit?entityType=stats&entityId=" + YEAR + "&size=20").expect(200).json()
                .getJsonArray("items").stream().map(a -> a.asJsonObject().getString("reason")).toList();
        assertTrue(audit.containsAll(List.of("csv events", "csv figures", "xlsx", "pdf")), audit.toString());
    }

    @Test
    void onlyOrganisersExport() {
        Api.anonymous().get("/api/v1/stats/export.xlsx?year=" + YEAR).problem(401, "UNAUTHENTICATED");
        Api.as("citizen1").get("/api/v1/stats/export.xlsx?year=" + YEAR).problem(403, "FORBIDDEN");
        Api.as("handler").get("/api/v1/stats/summary.pdf?year=" + YEAR).problem(403, "FORBIDDEN");
        Api.as("organiser").get("/api/v1/stats/export.csv?year=1800").problem(400, "VALIDATION_FAILED");
    }
}
