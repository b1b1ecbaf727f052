package cn.pujin.open.input.control;

import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.input.entity.CitizenInput;
import cn.pujin.open.input.entity.Handling;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Rates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The lists of the workflow for every kind of input, each read in its own entity's table (the entity a kind's
 * {@link InputSource} names, with its embedded handling): the work queue, a person's own inputs, the supervision
 * dashboard across all kinds, and the figures the statistics show.
 */
@ApplicationScoped
public class InputQueues {

    /** Open answers due within this many working days count as "due soon" on the dashboard. */
    public static final int DUE_SOON_WORKING_DAYS = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    Departments departments;

    @Inject
    Clock clock;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    @Any
    Instance<InputSource<?>> sources;

    /**
     * Filters of the work queue; {@code attributes} are equalities on the kind's own attributes (a suggestion's
     * {@code eventId}), named by the feature that owns the kind.
     */
    public record QueueFilter(InputStatus status, Long departmentId, boolean overdue, boolean flagged, Map<String, Object> attributes) {}

    /** An attribute filter on a collection attribute: the value is one of its elements (a message's {@code topicIds}). */
    public record Member(Object value) {}

    /** The work queue: organisers and reviewers see all, a handler only their department's; oldest due date first. */
    public <T extends CitizenInput> Page<T> queue(InputActor actor, InputSource<T> source, QueueFilter filter, Paging paging) {
        if (!(actor.staff() || actor.handler())) {
            throw Problem.forbidden();
        }
        Long department = filter.departmentId();
        if (actor.handler() && !actor.staff()) {
            if (department != null && !department.equals(actor.departmentId())) {
                throw Problem.forbidden();
            }
            department = actor.departmentId() == null ? -1L : actor.departmentId();
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and x.handling.status = :status");
            params.put("status", filter.status());
        }
        if (department != null) {
            where.append(" and x.handling.departmentId = :department");
            params.put("department", department);
        }
        if (filter.overdue()) {
            where.append(" and x.handling.status = :assigned and x.handling.dueOn < :today");
            params.put("assigned", InputStatus.ASSIGNED);
            params.put("today", LocalDate.now(clock));
        }
        if (filter.flagged()) {
            where.append(" and x.handling.flaggedAt is not null");
        }
        if (filter.attributes() != null) {
            filter.attributes().forEach((name, value) -> {
                if (!name.matches("[a-zA-Z]+")) {
                    throw new IllegalArgumentException("not an attribute: " + name);
                }
                if (value instanceof Member m) {
                    where.append(" and :a_").append(name).append(" member of x.").append(name);
                    params.put("a_" + name, m.value());
                } else {
                    where.append(" and x.").append(name).append(" = :a_").append(name);
                    params.put("a_" + name, value);
                }
            });
        }
        String entity = entity(source);
        TypedQuery<T> items = em.createQuery("select x from " + entity + " x" + where
                + " order by x.handling.dueOn nulls last, x.createdAt, x.id", source.type());
        TypedQuery<Long> count = em.createQuery("select count(x) from " + entity + " x" + where, Long.class);
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(items.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList(), count.getSingleResult());
    }

    /** A person's own inputs of a kind (also those staff entered for them), newest first. */
    public <T extends CitizenInput> Page<T> mine(InputSource<T> source, Long accountId, Paging paging) {
        String entity = entity(source);
        List<T> items = em.createQuery("select x from " + entity + " x where x.authorId = :a order by x.createdAt desc, x.id desc",
                        source.type()).setParameter("a", accountId).setFirstResult(paging.first()).setMaxResults(paging.size())
                .getResultList();
        long total = em.createQuery("select count(x) from " + entity + " x where x.authorId = :a", Long.class)
                .setParameter("a", accountId).getSingleResult();
        return new Page<>(items, total);
    }

    /** Per department: open, due soon (within {@value #DUE_SOON_WORKING_DAYS} working days), overdue — all kinds together. */
    public record DepartmentLoad(Long departmentId, String department, long open, long dueSoon, long overdue, LocalDate oldestDueOn) {}

    public List<DepartmentLoad> dashboard(InputActor actor) {
        if (!(actor.organiser() || actor.reviewer() || actor.admin())) {
            throw Problem.forbidden();
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate soon = calendar.plus(today, DUE_SOON_WORKING_DAYS);
        Map<Long, long[]> counts = new LinkedHashMap<>();
        Map<Long, LocalDate> oldest = new HashMap<>();
        for (InputSource<?> source : sources) {
            for (Object[] r : em.createQuery("""
                            select x.handling.departmentId,
                                   count(x),
                                   sum(case when x.handling.dueOn >= :today and x.handling.dueOn <= :soon then 1 else 0 end),
                                   sum(case when x.handling.dueOn < :today then 1 else 0 end),
                                   min(x.handling.dueOn)
                            from\s""" + entity(source) + " x where x.handling.status = :assigned group by x.handling.departmentId",
                            Object[].class)
                    .setParameter("today", today).setParameter("soon", soon)
                    .setParameter("assigned", InputStatus.ASSIGNED).getResultList()) {
                long[] c = counts.computeIfAbsent((Long) r[0], d -> new long[3]);
                c[0] += ((Number) r[1]).longValue();
                c[1] += ((Number) r[2]).longValue();
                c[2] += ((Number) r[3]).longValue();
                oldest.merge((Long) r[0], (LocalDate) r[4], (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Map<Long, String> names = departments.departments().stream().collect(Collectors.toMap(Department::getId, Department::getName));
        List<DepartmentLoad> loads = new ArrayList<>();
        counts.forEach((d, c) -> loads.add(new DepartmentLoad(d, names.getOrDefault(d, "?"), c[0], c[1], c[2], oldest.get(d))));
        for (Map.Entry<Long, String> d : names.entrySet()) {
            if (loads.stream().noneMatch(l -> l.departmentId().equals(d.getKey()))) {
                loads.add(new DepartmentLoad(d.getKey(), d.getValue(), 0, 0, 0, null));
            }
        }
        loads.sort((a, b) -> a.oldestDueOn() == null ? (b.oldestDueOn() == null ? a.department().compareTo(b.department()) : 1)
                : b.oldestDueOn() == null ? -1 : a.oldestDueOn().compareTo(b.oldestDueOn()));
        return loads;
    }

    /**
     * Per department and kind ({@code noun}): open inputs, due today, overdue, and answers of the last year with the
     * share answered on time. {@code departmentId} null: received but not assigned yet (a message's clock already runs).
     */
    public record KindLoad(Long departmentId, String department, String noun, long open, long dueToday, long overdue,
                           long answered, double onTimeRate) {}

    public List<KindLoad> kindLoads(InputActor actor) {
        if (!(actor.organiser() || actor.reviewer() || actor.admin())) {
            throw Problem.forbidden();
        }
        LocalDate today = LocalDate.now(clock);
        Instant since = clock.instant().minus(Duration.ofDays(365));
        Map<Long, String> names = departments.departments().stream().collect(Collectors.toMap(Department::getId, Department::getName));
        List<KindLoad> loads = new ArrayList<>();
        for (InputSource<?> source : sources) {
            Map<Long, long[]> counts = new LinkedHashMap<>();
            for (Object[] r : em.createQuery("select x.handling.departmentId, x.handling.dueOn from " + entity(source)
                            + " x where x.handling.status in :open and x.handling.dueOn is not null", Object[].class)
                    .setParameter("open", List.of(InputStatus.SUBMITTED, InputStatus.ASSIGNED)).getResultList()) {
                long[] c = counts.computeIfAbsent((Long) r[0], d -> new long[3]);
                LocalDate due = (LocalDate) r[1];
                c[0]++;
                c[1] += due.equals(today) ? 1 : 0;
                c[2] += due.isBefore(today) ? 1 : 0;
            }
            Map<Long, long[]> answers = new HashMap<>();
            for (Object[] r : em.createQuery("select x.handling.departmentId, x.handling.answeredAt, x.handling.dueOn from "
                            + entity(source) + " x where x.handling.answeredAt >= :since", Object[].class)
                    .setParameter("since", since).getResultList()) {
                long[] a = answers.computeIfAbsent((Long) r[0], d -> new long[2]);
                a[0]++;
                a[1] += Handling.onTime((Instant) r[1], (LocalDate) r[2]) ? 1 : 0;
                counts.computeIfAbsent((Long) r[0], d -> new long[3]);
            }
            counts.forEach((d, c) -> {
                long[] a = answers.getOrDefault(d, new long[2]);
                loads.add(new KindLoad(d, d == null ? null : names.getOrDefault(d, "?"), source.noun(), c[0], c[1], c[2], a[0],
                        Rates.percent(a[1], a[0])));
            });
        }
        loads.sort(Comparator.comparing(KindLoad::department, Comparator.nullsFirst(String::compareTo)).thenComparing(KindLoad::noun));
        return loads;
    }

    /** What the statistics read of one answered input. */
    public record Answered(Instant answeredAt, LocalDate dueOn, InputStatus status, Outcome outcome, Integer rating) {}

    /** Inputs of a kind whose {@code attribute} (e.g. a suggestion's {@code eventId}) is one of {@code values}, counted by it. */
    public Map<Long, Long> countBy(InputSource<?> source, String attribute, Collection<Long> values) {
        Map<Long, Long> counts = new HashMap<>();
        if (!values.isEmpty()) {
            em.createQuery("select x." + attribute(attribute) + ", count(x) from " + entity(source) + " x where x." + attribute
                            + " in :v group by x." + attribute, Object[].class).setParameter("v", List.copyOf(values)).getResultList()
                    .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
        }
        return counts;
    }

    /** The answered ones among them. */
    public List<Answered> answered(InputSource<?> source, String attribute, Collection<Long> values) {
        if (values.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select x.handling.answeredAt, x.handling.dueOn, x.handling.status, x.handling.outcome, x.handling.rating
                        from\s""" + entity(source) + " x where x." + attribute(attribute) + " in :v and x.handling.answeredAt is not null",
                        Object[].class).setParameter("v", List.copyOf(values)).getResultList().stream()
                .map(r -> new Answered((Instant) r[0], (LocalDate) r[1], (InputStatus) r[2], (Outcome) r[3], (Integer) r[4])).toList();
    }

    /** Every kind plugged into the workflow. */
    public List<InputSource<?>> sources() {
        List<InputSource<?>> all = new ArrayList<>();
        sources.forEach(all::add);
        return all;
    }

    static String entity(InputSource<?> source) {
        return source.type().getSimpleName();
    }

    private static String attribute(String name) {
        if (!name.matches("[a-zA-Z]+")) {
            throw new IllegalArgumentException("not an attribute: " + name);
        }
        return name;
    }
}
