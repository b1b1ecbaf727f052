package cn.pujin.open.platform.control;

import java.util.List;

/** CSV for Excel users in China: UTF-8 with a BOM, CRLF, RFC 4180 quoting, no formula injection. */
public final class Csv {

    private Csv() {}

    public static String document(List<String> header, List<List<String>> rows) {
        StringBuilder csv = new StringBuilder("\uFEFF");
        line(csv, header);
        rows.forEach(r -> line(csv, r));
        return csv.toString();
    }

    public static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quote(cells.get(i) == null ? "" : cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** RFC 4180 quoting, and a leading apostrophe against spreadsheet formula injection. */
    public static String quote(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
