package cn.pujin.open.openness.control;

import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventMode;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Rates;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.suggestion.entity.Outcome;
import cn.pujin.open.suggestion.entity.SuggestionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes {@link YearStats} with a handful of aggregate queries; nothing is typed in or cached. */
@ApplicationScoped
public class Statistics {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    @PersistenceContext
    EntityManager em;

    /** The years the public pages offer: this one and the five before it, newest first. */
    public static List<Integer> recentYears(LocalDate today) {
        List<Integer> years = new ArrayList<>();
        for (int y = today.getYear(); y > today.getYear() - 6; y--) {
            years.add(y);
        }
        return years;
    }

    public YearStats of(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(Clocks.ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(Clocks.ZONE).toInstant();
        List<Object[]> held = em.createQuery("""
                        select p.eventId, p.kind, p.mode, p.startsAt from EventPublication p
                        where p.startsAt >= :from and p.startsAt < :to and p.status <> :cancelled""", Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("cancelled", EventStatus.CANCELLED)
                .getResultList();
        List<Long> ids = new ArrayList<>();
        List<Long> meetings = new ArrayList<>();
        List<Integer> byMonth = new ArrayList<>(Collections.nCopies(12, 0));
        Map<String, Integer> byKind = zeros(EventKind.values());
        Map<String, Integer> byMode = zeros(EventMode.values());
        for (Object[] e : held) {
            ids.add((Long) e[0]);
            if (e[1] == EventKind.DECISION_MEETING) {
                meetings.add((Long) e[0]);
            }
            byKind.merge(((EventKind) e[1]).name(), 1, Integer::sum);
            byMode.merge(((EventMode) e[2]).name(), 1, Integer::sum);
            int month = LocalDateTime.ofInstant((Instant) e[3], Clocks.ZONE).getMonthValue();
            byMonth.set(month - 1, byMonth.get(month - 1) + 1);
        }
        if (ids.isEmpty()) {
            ids = List.of(-1L);
        }
        long registrations = count("select count(r) from Registration r where r.eventId in :ids", ids);
        long confirmed = em.createQuery("select count(r) from Registration r where r.eventId in :ids and r.status = :s", Long.class)
                .setParameter("ids", ids).setParameter("s", RegistrationStatus.CONFIRMED).getSingleResult();
        long attended = count("select count(c) from CheckIn c where c.eventId in :ids and c.admittedRegistrationId is not null", ids);

        Map<String, Long> categories = new LinkedHashMap<>();
        for (Category c : Category.values()) {
            categories.put(c.name(), 0L);
        }
        if (!meetings.isEmpty()) {
            em.createQuery("""
                            select r.category, count(r) from Registration r where r.eventId in :ids and r.status = :s
                            group by r.category""", Object[].class)
                    .setParameter("ids", meetings).setParameter("s", RegistrationStatus.CONFIRMED).getResultList()
                    .forEach(r -> categories.put(r[0] == null ? Category.OTHER.name() : ((Category) r[0]).name(),
                            categories.getOrDefault(r[0] == null ? Category.OTHER.name() : ((Category) r[0]).name(), 0L)
                                    + (Long) r[1]));
        }

        long received = count("select count(s) from Suggestion s where s.eventId in :ids", ids);
        List<Object[]> answers = em.createQuery("""
                        select s.answeredAt, s.dueOn, s.status, s.outcome, s.rating from Suggestion s
                        where s.eventId in :ids and s.answeredAt is not null""", Object[].class)
                .setParameter("ids", ids).getResultList();
        long onTime = 0;
        long published = 0;
        long ratings = 0;
        long stars = 0;
        Map<String, Long> outcomes = new LinkedHashMap<>();
        for (Outcome o : Outcome.values()) {
            outcomes.put(o.name(), 0L);
        }
        for (Object[] a : answers) {
            if (cn.pujin.open.suggestion.entity.Suggestion.onTime((Instant) a[0], (LocalDate) a[1])) {
                onTime++;
            }
            if (a[2] == SuggestionStatus.PUBLISHED) {
                published++;
                outcomes.merge(((Outcome) a[3]).name(), 1L, Long::sum);
                if (a[4] != null) {
                    ratings++;
                    stars += (Integer) a[4];
                }
            }
        }
        long adopted = outcomes.get(Outcome.ADOPTED.name()) + outcomes.get(Outcome.PARTLY_ADOPTED.name());
        return new YearStats(year, held.size(), List.copyOf(byMonth), byKind, byMode, registrations, confirmed, attended,
                Rates.percent(attended, confirmed), categories, received, answers.size(), onTime, Rates.percent(onTime, answers.size()),
                published, outcomes, Rates.percent(adopted, published), ratings,
                ratings == 0 ? 0 : Math.round(stars * 10.0 / ratings) / 10.0);
    }

    private long count(String jpql, List<Long> ids) {
        return em.createQuery(jpql, Long.class).setParameter("ids", ids).getSingleResult();
    }

    private static Map<String, Integer> zeros(Enum<?>[] values) {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Enum<?> v : values) {
            m.put(v.name(), 0);
        }
        return m;
    }
}
