package cn.pujin.open.message.control;

import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Rates;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import java.util.stream.Collectors;

/**
 * The board's public figures of a year, by month and by department: messages received, acknowledged on time (the
 * working day they count from), answered within five working days of it (an extension does not change this figure),
 * and the average rating. A message counts in a rate once its due day has passed or it was done — one not yet due and
 * not yet done is neither on time nor late.
 */
@ApplicationScoped
public class MessageFigures {

    @PersistenceContext
    EntityManager em;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Departments departments;

    @Inject
    Clock clock;

    @Inject
    MessageSource source;

    /** One line: {@code label} a month (1–12) or a department (null: not assigned yet); rates in percent with one decimal. */
    public record Row(String label, long received, long acknowledgementsDue, double acknowledgedOnTimeRate, long answersDue,
                      double answeredOnTimeRate, long ratings, double averageRating) {}

    public record Figures(Row year, List<Row> byMonth, List<Row> byDepartment) {}

    private record Item(Instant createdAt, LocalDate receivedOn, LocalDate acknowledgeDueOn, Instant acknowledgedAt,
                        Instant answeredAt, Long departmentId, Integer rating) {}

    public Figures of(int year) {
        Instant from = Times.startOf(LocalDate.of(year, 1, 1));
        Instant to = Times.startOf(LocalDate.of(year + 1, 1, 1));
        List<Item> items = em.createQuery("""
                        select m.createdAt, m.receivedOn, m.handling.acknowledgeDueOn, m.handling.acknowledgedAt,
                               m.handling.answeredAt, m.handling.departmentId, m.handling.rating
                        from Message m where m.createdAt >= :from and m.createdAt < :to""", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList().stream()
                .map(r -> new Item((Instant) r[0], (LocalDate) r[1], (LocalDate) r[2], (Instant) r[3], (Instant) r[4], (Long) r[5],
                        (Integer) r[6])).toList();
        LocalDate today = LocalDate.now(clock);
        List<Row> months = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            int m = month;
            months.add(row(String.valueOf(m), items.stream().filter(i -> i.createdAt().atZone(Clocks.ZONE).getMonthValue() == m).toList(), today));
        }
        Map<Long, String> names = departments.departments().stream().collect(Collectors.toMap(Department::getId, Department::getName));
        Map<String, List<Item>> byDepartment = new LinkedHashMap<>();
        items.stream().sorted(java.util.Comparator.comparing((Item i) -> name(names, i), java.util.Comparator.nullsLast(String::compareTo)))
                .forEach(i -> byDepartment.computeIfAbsent(name(names, i), k -> new ArrayList<>()).add(i));
        List<Row> departmentRows = new ArrayList<>();
        byDepartment.forEach((name, list) -> departmentRows.add(row(name, list, today)));
        return new Figures(row(String.valueOf(year), items, today), months, departmentRows);
    }

    /** The department's name; null for messages not assigned to one (pages and exports say "not assigned"). */
    private static String name(Map<Long, String> names, Item i) {
        return i.departmentId() == null ? null : names.getOrDefault(i.departmentId(), "?");
    }

    private Row row(String label, List<Item> items, LocalDate today) {
        long ackDue = 0;
        long ackOnTime = 0;
        long answerDue = 0;
        long answerOnTime = 0;
        long ratings = 0;
        long stars = 0;
        for (Item i : items) {
            if (i.acknowledgedAt() != null || i.acknowledgeDueOn().isBefore(today)) {
                ackDue++;
                if (i.acknowledgedAt() != null && !Times.day(i.acknowledgedAt()).isAfter(i.acknowledgeDueOn())) {
                    ackOnTime++;
                }
            }
            LocalDate answerBy = calendar.plus(i.receivedOn(), source.answerDays());
            if (i.answeredAt() != null || answerBy.isBefore(today)) {
                answerDue++;
                if (i.answeredAt() != null && !Times.day(i.answeredAt()).isAfter(answerBy)) {
                    answerOnTime++;
                }
            }
            if (i.rating() != null) {
                ratings++;
                stars += i.rating();
            }
        }
        return new Row(label, items.size(), ackDue, Rates.percent(ackOnTime, ackDue), answerDue, Rates.percent(answerOnTime, answerDue),
                ratings, ratings == 0 ? 0 : Math.round(stars * 10.0 / ratings) / 10.0);
    }

    /** The board's lines: the months, then the departments (each labelled as the page shows it). */
    public static List<Row> lines(List<Row> byMonth, List<Row> byDepartment, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (Row m : byMonth) {
            rows.add(new Row(Messages.get(locale, "stats.month", Integer.parseInt(m.label())), m.received(), m.acknowledgementsDue(),
                    m.acknowledgedOnTimeRate(), m.answersDue(), m.answeredOnTimeRate(), m.ratings(), m.averageRating()));
        }
        for (Row d : byDepartment) {
            rows.add(new Row(d.label() == null ? Messages.get(locale, "message.figures.unassigned") : d.label(), d.received(),
                    d.acknowledgementsDue(), d.acknowledgedOnTimeRate(), d.answersDue(), d.answeredOnTimeRate(), d.ratings(), d.averageRating()));
        }
        return rows;
    }

    /** The column heads of those lines in exports. */
    public static List<String> header(Locale locale) {
        return List.of(Messages.get(locale, "export.messages.period"), Messages.get(locale, "stats.messagesReceived"),
                Messages.get(locale, "stats.messageAcknowledgedOnTimeRate"), Messages.get(locale, "stats.messageAnsweredOnTimeRate"),
                Messages.get(locale, "stats.ratings"), Messages.get(locale, "stats.messageAverageRating"));
    }

    /** A line's cells as text. */
    public static List<String> cells(Row r) {
        return List.of(r.label(), String.valueOf(r.received()), r.acknowledgementsDue() == 0 ? "—" : r.acknowledgedOnTimeRate() + "%",
                r.answersDue() == 0 ? "—" : r.answeredOnTimeRate() + "%", String.valueOf(r.ratings()),
                r.ratings() == 0 ? "—" : String.valueOf(r.averageRating()));
    }
}
