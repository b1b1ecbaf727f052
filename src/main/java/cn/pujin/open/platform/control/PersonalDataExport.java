package cn.pujin.open.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * "Download all my data" (PIPL): every {@link PersonalDataSource} contributes its section, in a fixed order; the
 * readable copy is plain HTML that opens in any browser and prints. Each export is audited.
 */
@ApplicationScoped
public class PersonalDataExport {

    static final List<String> ORDER = List.of("account", "registrations", "checkins", "suggestions", "representative",
            "notifications");

    @Inject
    @Any
    Instance<PersonalDataSource> sources;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Map<String, Object> of(Long accountId, String format) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("exportedAt", Times.local(clock.instant()));
        Map<String, Object> sections = new TreeMap<>((a, b) -> Integer.compare(rank(a), rank(b)) != 0
                ? Integer.compare(rank(a), rank(b)) : a.compareTo(b));
        for (PersonalDataSource s : sources) {
            sections.put(s.section(), s.export(accountId));
        }
        data.putAll(sections);
        audit.record(accountId, "account", accountId, "account.dataExport", null, null, format);
        return data;
    }

    private static int rank(String section) {
        int i = ORDER.indexOf(section);
        return i < 0 ? ORDER.size() : i;
    }

    /** The same data as a self-contained, printable HTML page in the reader's language. */
    public static String html(Map<String, Object> data, Locale locale) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.toLanguageTag())
                .append("\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(Messages.get(locale, "data.title")))
                .append("</title><style>body{font-family:sans-serif;max-width:860px;margin:24px auto;padding:0 16px;color:#1d2330}"
                        + "h1{color:#1f4e9c}table{border-collapse:collapse;width:100%;margin:8px 0 20px}"
                        + "td,th{border:1px solid #dfe3ea;padding:4px 8px;text-align:left;vertical-align:top}th{background:#f5f7fa}"
                        + "</style></head><body><h1>").append(Html.escape(Messages.get(locale, "data.title"))).append("</h1><p>")
                .append(Html.escape(Messages.get(locale, "data.exportedAt", String.valueOf(data.get("exportedAt"))))).append("</p>");
        data.forEach((section, value) -> {
            if ("exportedAt".equals(section)) {
                return;
            }
            h.append("<h2>").append(Html.escape(Messages.get(locale, "data.section." + section))).append("</h2>");
            render(h, value, locale);
        });
        return h.append("</body></html>").toString();
    }

    @SuppressWarnings("unchecked")
    private static void render(StringBuilder h, Object value, Locale locale) {
        if (value == null || value instanceof Collection<?> c && c.isEmpty()) {
            h.append("<p>").append(Html.escape(Messages.get(locale, "data.none"))).append("</p>");
        } else if (value instanceof Map<?, ?> map) {
            h.append("<table>");
            map.forEach((k, v) -> h.append("<tr><th>").append(Html.escape(String.valueOf(k))).append("</th><td>")
                    .append(Html.escape(v == null ? "" : String.valueOf(v))).append("</td></tr>"));
            h.append("</table>");
        } else if (value instanceof Collection<?> rows) {
            List<Map<String, Object>> list = rows.stream().map(r -> (Map<String, Object>) r).toList();
            h.append("<table><tr>");
            list.get(0).keySet().forEach(k -> h.append("<th>").append(Html.escape(k)).append("</th>"));
            h.append("</tr>");
            for (Map<String, Object> row : list) {
                h.append("<tr>");
                row.values().forEach(v -> h.append("<td>").append(Html.escape(v == null ? "" : String.valueOf(v))).append("</td>"));
                h.append("</tr>");
            }
            h.append("</table>");
        } else {
            h.append("<p>").append(Html.escape(String.valueOf(value))).append("</p>");
        }
    }
}
