package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventPublication;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The seat count of an event, kept on the event row and changed only inside the caller's transaction:
 * taking a seat is one conditional UPDATE (the database serialises concurrent takers on the row, so no
 * event is ever overbooked, whatever the number of app instances); giving one back or promoting from
 * the waitlist first locks the row.
 */
@ApplicationScoped
public class Seats {

    @PersistenceContext
    EntityManager em;

    /** What registration needs to know of a published event. */
    public record Bookable(Long eventId, EventKind kind, EventStatus status, String title, int capacity,
                           boolean waitlist, Instant registrationOpensAt, Instant registrationClosesAt,
                           Instant startsAt, Instant endsAt, int sequence) {

        public boolean isMeeting() {
            return kind == EventKind.DECISION_MEETING;
        }

        public boolean isOpenFor(Instant now) {
            return !now.isBefore(registrationOpensAt) && !now.isAfter(registrationClosesAt);
        }
    }

    /** The published event, or 404 for drafts and unknown ids. */
    public Bookable bookable(Long eventId) {
        EventPublication p = eventId == null ? null : em.find(EventPublication.class, eventId);
        if (p == null) {
            throw Problem.notFound();
        }
        return new Bookable(p.getEventId(), p.getKind(), p.getStatus(), p.getTitle(), p.getCapacity(), p.isWaitlist(),
                p.getRegistrationOpensAt(), p.getRegistrationClosesAt(), p.getStartsAt(), p.getEndsAt(), p.getSequence());
    }

    /**
     * The published event, or the working copy of one not yet published (a draft or one in review: its selection rule is
     * set then); 404 for unknown ids.
     */
    public Bookable bookableOrDraft(Long eventId) {
        EventPublication p = eventId == null ? null : em.find(EventPublication.class, eventId);
        if (p != null) {
            return bookable(eventId);
        }
        Event e = eventId == null ? null : em.find(Event.class, eventId);
        if (e == null) {
            throw Problem.notFound();
        }
        return new Bookable(e.getId(), e.getKind(), e.getStatus(), e.getTitle(), e.getCapacity(), e.isWaitlist(),
                e.getRegistrationOpensAt(), e.getRegistrationClosesAt(), e.getStartsAt(), e.getEndsAt(), 0);
    }

    /** Takes a seat if one is left (against the published capacity); false when the event is full. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(Long eventId) {
        return em.createNativeQuery("""
                        UPDATE event SET confirmed_count = confirmed_count + 1
                        WHERE id = ?1 AND confirmed_count < (SELECT capacity FROM event_publication WHERE event_id = ?1)""")
                .setParameter(1, eventId).executeUpdate() == 1;
    }

    @Inject
    @ConfigProperty(name = "DB_URL")
    String databaseUrl;

    /**
     * For someone joining the waitlist: the seats free now, with a key-share lock on the event row held to the commit.
     * A cancellation or promotion locks the row for update, so it waits until this newcomer is in the line (and then
     * gives the seat to the first in it); seat takers (a no-key update) do not wait. H2, the run command's demo
     * database, has no key-share lock: it locks for update.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int holdPlaceInLine(Long eventId) {
        String lock = databaseUrl.startsWith("jdbc:h2:") ? "FOR UPDATE" : "FOR KEY SHARE OF e";
        Object free = em.createNativeQuery("SELECT p.capacity - e.confirmed_count FROM event e JOIN event_publication p "
                        + "ON p.event_id = e.id WHERE e.id = ?1 " + lock)
                .setParameter(1, eventId).getSingleResult();
        return ((Number) free).intValue();
    }

    /**
     * Locks the event row for update until the commit and reads the seats free now against the published capacity (a
     * batch of registrations decides how many of them are seated from it, then {@link #takeMany}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int lockFree(Long eventId) {
        Object free = em.createNativeQuery("""
                        SELECT (SELECT capacity FROM event_publication WHERE event_id = ?1) - confirmed_count
                        FROM event WHERE id = ?1 FOR UPDATE""").setParameter(1, eventId).getSingleResult();
        return ((Number) free).intValue();
    }

    /** With the row locked ({@link #lockFree}): {@code seats} more are taken. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeMany(Long eventId, int seats) {
        em.createNativeQuery("UPDATE event SET confirmed_count = confirmed_count + ?2 WHERE id = ?1")
                .setParameter(1, eventId).setParameter(2, seats).executeUpdate();
    }

    /** An organiser admits someone over capacity (audited by the caller): the count may exceed the capacity. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeOverCapacity(Long eventId) {
        em.createNativeQuery("UPDATE event SET confirmed_count = confirmed_count + 1 WHERE id = ?1").setParameter(1, eventId)
                .executeUpdate();
    }

    /** Locks the event row until the transaction ends: cancellations and promotions run one at a time. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int lock(Long eventId) {
        Object count = em.createNativeQuery("SELECT confirmed_count FROM event WHERE id = ?1 FOR UPDATE")
                .setParameter(1, eventId).getSingleResult();
        return ((Number) count).intValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void release(Long eventId) {
        em.createNativeQuery("UPDATE event SET confirmed_count = confirmed_count - 1 WHERE id = ?1 AND confirmed_count > 0")
                .setParameter(1, eventId).executeUpdate();
    }

    /** Selection sets the count to the number of representatives it confirmed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void set(Long eventId, int confirmed) {
        em.createNativeQuery("UPDATE event SET confirmed_count = ?2 WHERE id = ?1")
                .setParameter(1, eventId).setParameter(2, confirmed).executeUpdate();
    }

    /** Published decision meetings that have ended. */
    public List<Long> pastMeetingIds(Instant now) {
        return em.createQuery("select p.eventId from EventPublication p where p.kind = :k and p.endsAt < :now and p.status = :s",
                        Long.class)
                .setParameter("k", EventKind.DECISION_MEETING).setParameter("now", now).setParameter("s", EventStatus.PUBLISHED)
                .getResultList();
    }

    /** Published, not cancelled events starting in [from, to). */
    public List<Long> startingBetween(Instant from, Instant to) {
        return em.createQuery("select p.eventId from EventPublication p where p.startsAt >= :from and p.startsAt < :to and p.status = :s",
                        Long.class)
                .setParameter("from", from).setParameter("to", to).setParameter("s", EventStatus.PUBLISHED).getResultList();
    }

    /** Free seats of a published event (0 for unknown ids), in one query. */
    public int seatsLeft(Long eventId) {
        List<?> left = em.createNativeQuery("""
                        SELECT p.capacity - e.confirmed_count FROM event e JOIN event_publication p ON p.event_id = e.id
                        WHERE e.id = ?1""").setParameter(1, eventId).getResultList();
        return left.isEmpty() ? 0 : Math.max(0, ((Number) left.get(0)).intValue());
    }

    public int capacity(Long eventId) {
        return bookable(eventId).capacity();
    }
}
