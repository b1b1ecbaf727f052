package cn.pujin.open.registration.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Contact;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading registrations: for their owners, organisers' lists, views, and the figures other features ask for. */
@ApplicationScoped
public class RegistrationQueries {

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    public Optional<Registration> findOptional(Long id) {
        return Optional.ofNullable(id == null ? null : em.find(Registration.class, id));
    }

    public Registration find(Long id) {
        Registration r = id == null ? null : em.find(Registration.class, id);
        if (r == null) {
            throw Problem.notFound();
        }
        return r;
    }

    /** The registration if the caller may see it: its owner or an organiser; anyone else gets 404. */
    public Registration visible(Long id, Long viewer, boolean organiser) {
        Registration r = find(id);
        if (!organiser && !r.getAccountId().equals(viewer)) {
            throw Problem.notFound();
        }
        return r;
    }

    public Optional<Registration> active(Long accountId, Long eventId) {
        return em.createQuery("select r from Registration r where r.eventId = :e and r.activeAccountId = :a", Registration.class)
                .setParameter("e", eventId).setParameter("a", accountId).getResultStream().findFirst();
    }

    /** Which of the accounts already hold or wait for a place at the event (one query for a batch). */
    public List<Long> activeAmong(Long eventId, Collection<Long> accountIds) {
        return em.createQuery("select r.accountId from Registration r where r.eventId = :e and r.activeAccountId in :a", Long.class)
                .setParameter("e", eventId).setParameter("a", accountIds).getResultList();
    }

    /** How many wait for a seat in the first-come line of an event (alternates of a meeting aside). */
    public long waiting(Long eventId) {
        return em.createQuery("select count(r) from Registration r where r.eventId = :e and r.status = :w and r.alternateRank is null",
                        Long.class).setParameter("e", eventId).setParameter("w", RegistrationStatus.WAITLISTED).getSingleResult();
    }

    /** Everyone who holds or waits for a place at the event: confirmed, applied, approved or waitlisted. */
    public List<Registration> concerned(Long eventId) {
        return em.createQuery("select r from Registration r where r.eventId = :e and r.activeAccountId is not null order by r.id",
                        Registration.class).setParameter("e", eventId).getResultList();
    }

    public List<Registration> mine(Long accountId) {
        return em.createQuery("select r from Registration r where r.accountId = :a order by r.createdAt desc, r.id desc",
                Registration.class).setParameter("a", accountId).setMaxResults(500).getResultList();
    }

    /** Decision meetings a person attended as a representative (confirmed, and the meeting is over). */
    public long meetingsAttended(Long accountId) {
        List<Long> past = seats.pastMeetingIds(clock.instant());
        if (past.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(r) from Registration r where r.accountId = :a and r.status = :c and r.eventId in :past",
                        Long.class)
                .setParameter("a", accountId).setParameter("c", RegistrationStatus.CONFIRMED).setParameter("past", past)
                .getSingleResult();
    }

    /** Confirmed registrations of a person (their calendar). */
    public List<Long> confirmedEventIds(Long accountId) {
        return em.createQuery("select r.eventId from Registration r where r.accountId = :a and r.status = :c", Long.class)
                .setParameter("a", accountId).setParameter("c", RegistrationStatus.CONFIRMED).getResultList();
    }

    public record Filter(Set<RegistrationStatus> statuses, Set<Category> categories, String text) {}

    public enum Sort { CREATED, STATUS, CATEGORY }

    public Page<Registration> forEvent(Long eventId, Filter filter, Sort sort, boolean descending, Paging paging) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" from Registration r where r.eventId = :e");
        params.put("e", eventId);
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" and r.status in :s");
            params.put("s", filter.statuses());
        }
        if (filter.categories() != null && !filter.categories().isEmpty()) {
            where.append(" and r.category in :c");
            params.put("c", filter.categories());
        }
        String text = filter.text() == null ? "" : filter.text().strip();
        if (!text.isEmpty()) {
            List<Long> people = accounts.idsMatching(text);
            Long number = parseNumber(text);
            where.append(" and (r.accountId in :people").append(number == null ? ")" : " or r.id = :number)");
            params.put("people", people.isEmpty() ? List.of(-1L) : people);
            if (number != null) {
                params.put("number", number);
            }
        }
        String order = switch (sort == null ? Sort.CREATED : sort) {
            case STATUS -> "r.status";
            case CATEGORY -> "r.category";
            case CREATED -> "r.createdAt";
        } + (descending ? " desc" : " asc") + ", r.id";
        TypedQuery<Registration> select = em.createQuery("select r" + where + " order by " + order, Registration.class);
        TypedQuery<Long> count = em.createQuery("select count(r)" + where, Long.class);
        params.forEach((k, v) -> {
            select.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(select.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList(),
                count.getSingleResult());
    }

    /** "R000123" or "123" finds registration 123. */
    private static Long parseNumber(String text) {
        String digits = text.startsWith("R") || text.startsWith("r") ? text.substring(1) : text;
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Long.valueOf(digits);
    }

    /** 1-based place in the waitlist, for WAITLISTED registrations without an alternate rank. */
    public Integer waitlistPosition(Registration r) {
        if (r.getStatus() != RegistrationStatus.WAITLISTED || r.getAlternateRank() != null) {
            return null;
        }
        long ahead = em.createQuery("""
                        select count(w) from Registration w where w.eventId = :e and w.status = :s and w.alternateRank is null
                        and (w.waitlistedAt < :t or (w.waitlistedAt = :t and w.id < :id))""", Long.class)
                .setParameter("e", r.getEventId()).setParameter("s", RegistrationStatus.WAITLISTED)
                .setParameter("t", r.getWaitlistedAt()).setParameter("id", r.getId()).getSingleResult();
        return (int) ahead + 1;
    }

    /**
     * Views for the API and pages. {@code revealPhone} shows the full number (owner, or an organiser who
     * asked for it); otherwise names and numbers are masked.
     */
    public List<RegistrationView> views(List<Registration> registrations, boolean owner, boolean revealPhone) {
        Map<Long, Account> people = accounts.byIds(registrations.stream().map(Registration::getAccountId).collect(Collectors.toSet()));
        Map<Long, Seats.Bookable> events = new HashMap<>();
        List<RegistrationView> views = new ArrayList<>();
        for (Registration r : registrations) {
            Seats.Bookable event = events.computeIfAbsent(r.getEventId(), id -> {
                try {
                    return seats.bookable(id);
                } catch (Problem unpublished) {
                    return null;
                }
            });
            Account a = people.get(r.getAccountId());
            String phone = a == null ? null : revealPhone && a.getPhoneCipher() != null ? accounts.phoneOf(a) : a.getPhoneMasked();
            views.add(view(r, event, a == null ? null : a.getDisplayName(), owner, phone, waitlistPosition(r)));
        }
        return views;
    }

    /** The owner's view of a registration from what the caller has loaded (no reads). */
    public RegistrationView view(Registration r, Seats.Bookable event, Contact owner, Integer waitlistPosition) {
        return view(r, event, owner.displayName(), true, owner.phoneMasked(), waitlistPosition);
    }

    private static RegistrationView view(Registration r, Seats.Bookable event, String displayName, boolean owner, String phone,
                                         Integer waitlistPosition) {
        String name = displayName == null ? null : owner ? displayName : Masking.name(displayName);
        return new RegistrationView(r.getId(), r.number(), r.getEventId(), event == null ? null : event.title(),
                event == null ? null : Times.local(event.startsAt()), r.getStatus(), r.getCategory(), r.getOrganisation(),
                r.getStatement(), r.getSource(), waitlistPosition,
                r.getAlternateRank(), r.getDecisionReason(), owner ? null : r.getAccountId(), name, phone,
                Times.local(r.getCreatedAt()), Times.local(r.getUpdatedAt()));
    }

    /** Approved applications of a meeting: the input of the lottery. */
    public List<Registration> approved(Long eventId) {
        return em.createQuery("select r from Registration r where r.eventId = :e and r.status = :a order by r.id", Registration.class)
                .setParameter("e", eventId).setParameter("a", RegistrationStatus.APPROVED).getResultList();
    }

    // what other features count

    /** Confirmed registrations per event (events without any are missing). */
    public Map<Long, Long> confirmedByEvent(Collection<Long> eventIds) {
        Map<Long, Long> confirmed = new HashMap<>();
        if (!eventIds.isEmpty()) {
            em.createQuery("select r.eventId, count(r) from Registration r where r.eventId in :ids and r.status = :s group by r.eventId",
                            Object[].class).setParameter("ids", List.copyOf(eventIds)).setParameter("s", RegistrationStatus.CONFIRMED)
                    .getResultList().forEach(r -> confirmed.put((Long) r[0], (Long) r[1]));
        }
        return confirmed;
    }

    /** Every registration of the events, whatever its state. */
    public long count(Collection<Long> eventIds) {
        return eventIds.isEmpty() ? 0 : em.createQuery("select count(r) from Registration r where r.eventId in :ids", Long.class)
                .setParameter("ids", List.copyOf(eventIds)).getSingleResult();
    }

    /** Confirmed registrations of the events by category (every category, 0 included; none given counts as OTHER). */
    public Map<Category, Long> confirmedByCategory(Collection<Long> eventIds) {
        Map<Category, Long> categories = new EnumMap<>(Category.class);
        for (Category c : Category.values()) {
            categories.put(c, 0L);
        }
        if (!eventIds.isEmpty()) {
            em.createQuery("""
                            select r.category, count(r) from Registration r where r.eventId in :ids and r.status = :s
                            group by r.category""", Object[].class)
                    .setParameter("ids", List.copyOf(eventIds)).setParameter("s", RegistrationStatus.CONFIRMED).getResultList()
                    .forEach(r -> categories.merge(r[0] == null ? Category.OTHER : (Category) r[0], (Long) r[1], Long::sum));
        }
        return categories;
    }

    /** The ids of every registration a person made. */
    public List<Long> idsOf(Long accountId) {
        return em.createQuery("select r.id from Registration r where r.accountId = :a", Long.class).setParameter("a", accountId)
                .getResultList();
    }

    /** The confirmed registrations of an event, oldest first. */
    public List<Registration> confirmed(Long eventId) {
        return em.createQuery("select r from Registration r where r.eventId = :e and r.status = :s order by r.id", Registration.class)
                .setParameter("e", eventId).setParameter("s", RegistrationStatus.CONFIRMED).getResultList();
    }

    /** Every registration a person has for an event, whatever its state. */
    /** Registrations of the event that hold no seat, latest first (the station's search says why not). */
    public List<Registration> notConfirmed(Long eventId) {
        return em.createQuery("select r from Registration r where r.eventId = :e and r.status <> :c order by r.id desc", Registration.class)
                .setParameter("e", eventId).setParameter("c", RegistrationStatus.CONFIRMED).setMaxResults(2000).getResultList();
    }

    public List<Registration> of(Long accountId, Long eventId) {
        return em.createQuery("select r from Registration r where r.accountId = :a and r.eventId = :e order by r.id", Registration.class)
                .setParameter("a", accountId).setParameter("e", eventId).getResultList();
    }

    /** Whether anyone has registered or applied for the event, in any state. */
    public boolean anyFor(Long eventId) {
        return !em.createQuery("select r.id from Registration r where r.eventId = :e", Long.class)
                .setParameter("e", eventId).setMaxResults(1).getResultList().isEmpty();
    }

    /** The registrations with these ids, by id. */
    public Map<Long, Registration> byIds(Collection<Long> ids) {
        Map<Long, Registration> found = new java.util.LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Registration r : em.createQuery("select r from Registration r where r.id in :ids", Registration.class)
                .setParameter("ids", ids).getResultList()) {
            found.put(r.getId(), r);
        }
        return found;
    }
}
