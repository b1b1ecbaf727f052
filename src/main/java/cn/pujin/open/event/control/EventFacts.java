package cn.pujin.open.event.control;

import cn.pujin.open.event.entity.AgendaItem;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventMode;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What other features ask about events — titles, schedules, which events were held or are over, an agenda item — so
 * that none of them reads the event tables itself.
 */
@ApplicationScoped
public class EventFacts {

    @PersistenceContext
    EntityManager em;

    /** Published titles by event id (events never published are missing). */
    public Map<Long, String> titles(Collection<Long> eventIds) {
        Map<Long, String> titles = new HashMap<>();
        if (!eventIds.isEmpty()) {
            em.createQuery("select p.eventId, p.title from EventPublication p where p.eventId in :ids", Object[].class)
                    .setParameter("ids", List.copyOf(eventIds)).getResultList().forEach(r -> titles.put((Long) r[0], (String) r[1]));
        }
        return titles;
    }

    /** When an event (its working copy) starts and ends, and whether it was cancelled. */
    public record Schedule(Instant startsAt, Instant endsAt, boolean cancelled) {}

    public Schedule schedule(Long eventId) {
        List<Object[]> rows = em.createQuery("select e.startsAt, e.endsAt, e.status from Event e where e.id = :id", Object[].class)
                .setParameter("id", eventId).getResultList();
        if (rows.isEmpty()) {
            throw Problem.notFound();
        }
        Object[] row = rows.get(0);
        return new Schedule((Instant) row[0], (Instant) row[1], row[2] == EventStatus.CANCELLED);
    }

    /** A published event that took place (not cancelled) in the period. */
    public record Held(Long eventId, EventKind kind, EventMode mode, Instant startsAt) {}

    public List<Held> heldBetween(Instant from, Instant to) {
        return em.createQuery("""
                        select p.eventId, p.kind, p.mode, p.startsAt from EventPublication p
                        where p.startsAt >= :from and p.startsAt < :to and p.status <> :cancelled""", Object[].class)
                .setParameter("from", from).setParameter("to", to).setParameter("cancelled", EventStatus.CANCELLED)
                .getResultList().stream()
                .map(r -> new Held((Long) r[0], (EventKind) r[1], (EventMode) r[2], (Instant) r[3])).toList();
    }

    /** A published event that ended before a moment, oldest first. */
    public record Ended(Long eventId, String title, Instant endsAt) {}

    public List<Ended> endedBefore(Instant cutoff) {
        return em.createQuery("select p.eventId, p.title, p.endsAt from EventPublication p where p.endsAt < :cutoff order by p.endsAt",
                        Object[].class).setParameter("cutoff", cutoff).getResultList().stream()
                .map(r -> new Ended((Long) r[0], (String) r[1], (Instant) r[2])).toList();
    }

    /** Events (working copies) that end after the moment: not over yet. */
    public List<Long> endingAfter(Instant now) {
        return em.createQuery("select e.id from Event e where e.endsAt > :now", Long.class).setParameter("now", now).getResultList();
    }

    /** An agenda item by id, with its event and title. */
    public record AgendaItemRef(Long id, Long eventId, String title) {}

    public Optional<AgendaItemRef> agendaItem(Long id) {
        AgendaItem item = id == null ? null : em.find(AgendaItem.class, id);
        return Optional.ofNullable(item).map(i -> new AgendaItemRef(i.getId(), i.getEvent().getId(), i.getTitle()));
    }
}
