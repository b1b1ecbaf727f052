package cn.pujin.open.calendar.control;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The Chinese working-day calendar (工作日): Monday to Friday, minus the public holidays and plus the
 * make-up working days (调休上班) of the State Council's notice for each year, kept as one file per year in
 * {@code config/calendar/YYYY.json}. Years without a file fall back to Monday–Friday and say so.
 */
public final class WorkingDays {

    /** One year's notice: holidays (named ranges) and the weekend days that are working days. */
    public record Year(int year, String source, List<Holiday> holidays, List<LocalDate> workdays) {}

    public record Holiday(String name, LocalDate from, LocalDate to) {}

    private final Map<Integer, Year> years;
    private final Set<LocalDate> holidays = new HashSet<>();
    private final Set<LocalDate> workdays = new HashSet<>();

    public WorkingDays(List<Year> years) {
        Map<Integer, Year> byYear = new TreeMap<>();
        for (Year y : years) {
            byYear.put(y.year(), y);
            for (Holiday h : y.holidays()) {
                for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                    holidays.add(d);
                }
            }
            workdays.addAll(y.workdays());
        }
        this.years = Map.copyOf(byYear);
    }

    /** All {@code YYYY.json} files of a directory; a broken file fails with its name and the reason. */
    public static WorkingDays load(Path dir) {
        List<Year> years = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().matches("\\d{4}\\.json")).sorted().toList()) {
                    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        years.add(parse(reader));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalStateException(file + ": " + e.getMessage(), e);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new WorkingDays(years);
    }

    /**
     * Reads and checks one year: dates in that year, ranges in order, make-up working days on weekends
     * and never inside a holiday. {@link IllegalArgumentException} says what is wrong.
     */
    public static Year parse(Reader json) {
        JsonObject o;
        try (JsonReader reader = Json.createReader(json)) {
            o = reader.readObject();
        } catch (JsonException | ClassCastException e) {
            throw new IllegalArgumentException("not a JSON object: " + e.getMessage());
        }
        try {
            int year = o.getInt("year");
            List<Holiday> holidays = new ArrayList<>();
            for (JsonValue v : o.getJsonArray("holidays")) {
                JsonObject h = v.asJsonObject();
                Holiday holiday = new Holiday(h.getString("name"), date(h.getString("from")), date(h.getString("to")));
                if (holiday.to().isBefore(holiday.from())) {
                    throw new IllegalArgumentException(holiday.name() + ": ends before it starts");
                }
                inYear(year, holiday.from());
                inYear(year, holiday.to());
                holidays.add(holiday);
            }
            List<LocalDate> workdays = new ArrayList<>();
            JsonArray list = o.getJsonArray("workdays");
            for (int i = 0; i < list.size(); i++) {
                LocalDate d = date(list.getString(i));
                inYear(year, d);
                if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                    throw new IllegalArgumentException(d + " is a make-up working day but not a Saturday or Sunday");
                }
                for (Holiday h : holidays) {
                    if (!d.isBefore(h.from()) && !d.isAfter(h.to())) {
                        throw new IllegalArgumentException(d + " is both a working day and part of " + h.name());
                    }
                }
                workdays.add(d);
            }
            return new Year(year, o.getString("source", ""), List.copyOf(holidays), List.copyOf(workdays));
        } catch (NullPointerException | ClassCastException | JsonException e) {
            throw new IllegalArgumentException("needs year, holidays [{name, from, to}] and workdays [dates]");
        }
    }

    /** The same JSON that {@link #parse} reads (as in config/calendar/YEAR.json). */
    public static String toJson(Year y) {
        var holidays = Json.createArrayBuilder();
        for (Holiday h : y.holidays()) {
            holidays.add(Json.createObjectBuilder().add("name", h.name()).add("from", h.from().toString())
                    .add("to", h.to().toString()));
        }
        var workdays = Json.createArrayBuilder();
        y.workdays().forEach(d -> workdays.add(d.toString()));
        return Json.createObjectBuilder().add("year", y.year()).add("source", y.source() == null ? "" : y.source())
                .add("holidays", holidays).add("workdays", workdays).build().toString();
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date (YYYY-MM-DD): " + text);
        }
    }

    private static void inYear(int year, LocalDate d) {
        if (d.getYear() != year) {
            throw new IllegalArgumentException(d + " is not in " + year);
        }
    }

    public boolean isWorkingDay(LocalDate day) {
        if (workdays.contains(day)) {
            return true;
        }
        if (holidays.contains(day)) {
            return false;
        }
        return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The date {@code days} working days after {@code from} (from itself not counted); with 0, {@code from}
     * when it is a working day, otherwise the next one (what "due the same working day" means).
     */
    public LocalDate plus(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate d = from;
        if (days == 0) {
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int left = days;
        while (left > 0) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** The working day {@code days} working days before {@code day} (day itself not counted). */
    public LocalDate minus(LocalDate day, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        LocalDate d = day;
        int left = days;
        while (left > 0) {
            d = d.minusDays(1);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** Whether every year from {@code from} to {@code to} has its State Council notice on file. */
    public boolean knows(LocalDate from, LocalDate to) {
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (!years.containsKey(y)) {
                return false;
            }
        }
        return true;
    }

    public Map<Integer, Year> years() {
        return years;
    }

    /** Names of the holidays by date, for showing a calendar. */
    public Map<LocalDate, String> holidayNames() {
        Map<LocalDate, String> names = new HashMap<>();
        years.values().forEach(y -> y.holidays().forEach(h -> {
            for (LocalDate d = h.from(); !d.isAfter(h.to()); d = d.plusDays(1)) {
                names.put(d, h.name());
            }
        }));
        return names;
    }
}
