package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** Dates and times for pages, in Asia/Shanghai and the page's language ({@code #{fmt.when(e.startsAt, e.endsAt)}}). */
@Named("fmt")
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter ZH_DAY = DateTimeFormatter.ofPattern(Messages.get(Messages.CHINESE, "format.day"));
    private static final DateTimeFormatter EN_DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private static boolean english() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces != null && faces.getViewRoot() != null && "en".equals(faces.getViewRoot().getLocale().getLanguage());
    }

    @Inject
    Clock clock;

    /** Whether an event that ends at {@code end} is over, on the application's clock (no seats to count then). */
    public boolean over(OffsetDateTime end) {
        return end != null && !end.toInstant().isAfter(clock.instant());
    }

    private static ZonedDateTime local(OffsetDateTime t) {
        return t.atZoneSameInstant(Clocks.ZONE);
    }

    /** 2026年8月15日（周六） / Sat 15 Aug 2026 */
    public String day(OffsetDateTime t) {
        if (t == null) {
            return "";
        }
        ZonedDateTime z = local(t);
        if (english()) {
            return z.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + EN_DAY.format(z);
        }
        return ZH_DAY.format(z) + "（" + z.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.CHINA) + "）";
    }

    /** A calendar date (a due date): 2025年10月23日（周四） / Thu 23 Oct 2025 */
    public String date(LocalDate d) {
        return d == null ? "" : day(d.atStartOfDay(Clocks.ZONE).toOffsetDateTime());
    }

    /** A number as digits only (a year in a message: "2027", never "2,027"). */
    public String plain(Number n) {
        return n == null ? "" : n.toString();
    }

    public String dateTime(OffsetDateTime t) {
        return t == null ? "" : day(t) + " " + TIME.format(local(t));
    }

    public String dateTime(Instant t) {
        return t == null ? "" : dateTime(t.atZone(Clocks.ZONE).toOffsetDateTime());
    }

    /** 2026年8月15日（周六）09:30–11:30, or both dates when it spans days. */
    public String when(OffsetDateTime start, OffsetDateTime end) {
        if (start == null) {
            return "";
        }
        if (end == null) {
            return dateTime(start);
        }
        if (local(start).toLocalDate().equals(local(end).toLocalDate())) {
            return day(start) + " " + TIME.format(local(start)) + "–" + TIME.format(local(end));
        }
        return dateTime(start) + " – " + dateTime(end);
    }

    /** Month and day for compact cards: 08/15 */
    public String monthDay(OffsetDateTime t) {
        return t == null ? "" : DateTimeFormatter.ofPattern("MM/dd").format(local(t));
    }

    public String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(local(t));
    }
}
