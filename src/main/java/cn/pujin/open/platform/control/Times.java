package cn.pujin.open.platform.control;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Instants are stored; people and the API see Asia/Shanghai with its offset. */
public final class Times {

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
        try {
            if (value.length() <= 10) {
                return startOf(LocalDate.parse(value.strip()));
            }
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw Problem.invalid(field, "validation.date");
        }
    }
}
