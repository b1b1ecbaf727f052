package cn.pujin.open.platform.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Instants are stored; people and the API see Asia/Shanghai with its offset. */
public final class Times {

    /** Dates anyone may ask about: wide enough for any plan or archive, narrow enough that no arithmetic overflows. */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2999;

    private Times() {}

    public static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(Clocks.ZONE).toOffsetDateTime();
    }

    public static LocalDate day(Instant instant) {
        return instant.atZone(Clocks.ZONE).toLocalDate();
    }

    public static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Clocks.ZONE).toInstant();
    }

    /** A query parameter that is a date ({@code 2026-08-01}, start of that day) or a date-time with offset. */
    public static Instant parseParam(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime parsed;
        try {
            parsed = value.length() <= 10 ? LocalDate.parse(value.strip()).atStartOfDay(Clocks.ZONE).toOffsetDateTime()
                    : OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "validation.date");
        }
        if (parsed.getYear() < MIN_YEAR || parsed.getYear() > MAX_YEAR) {
            throw Problem.invalid(field, "validation.dateRange", MIN_YEAR, MAX_YEAR);
        }
        return parsed.toInstant();
    }
}
