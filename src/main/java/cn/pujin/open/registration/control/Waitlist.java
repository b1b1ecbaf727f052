package cn.pujin.open.registration.control;

import cn.pujin.open.event.control.EventCancelled;
import cn.pujin.open.event.control.EventPublished;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.registration.control.RegistrationChanged.Change;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Cancelling and the waitlist: a freed seat goes to the first in line in the same transaction (alternates by rank for
 * a meeting, then first come, first served), a race that left a seat free with people waiting is closed after commit,
 * and a cancelled event cancels its registrations.
 */
@ApplicationScoped
public class Waitlist {

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Event<RegistrationChanged> changed;

    @Inject
    RegistrationQueries queries;

    /**
     * Cancels (owner or organiser). A held seat goes to the first waitlisted person (FIFO; for a meeting
     * the first alternate) in the same transaction, or back to the pool. Cancelling twice answers the same.
     */
    @Transactional
    public Registration cancel(Long actorId, Long registrationId, boolean organiser, String reason) {
        Registration registration = queries.visible(registrationId, actorId, organiser);
        if (registration.getStatus() == RegistrationStatus.CANCELLED) {
            return registration;
        }
        if (registration.getStatus() == RegistrationStatus.REJECTED) {
            throw Problem.conflict(ProblemCode.INVALID_TRANSITION, "registration.transition.invalid", "cancel", registration.getStatus());
        }
        // once it has begun the seat helps nobody on the waitlist and the attendance figures must stay as they were;
        // organisers may still correct a registration
        if (!organiser && !clock.instant().isBefore(seats.bookable(registration.getEventId()).startsAt())) {
            throw Problem.conflict(ProblemCode.EVENT_STARTED, "registration.cancel.started");
        }
        seats.lock(registration.getEventId());
        RegistrationStatus before = registration.getStatus();
        boolean heldSeat = registration.cancel(reason == null || reason.isBlank() ? null : reason.strip(), clock.instant());
        audit.record(actorId, "registration", registrationId, "registration.cancel", before, registration.getStatus(), reason);
        changed.fire(new RegistrationChanged(registrationId, registration.getEventId(), registration.getAccountId(),
                Change.CANCELLED, reason));
        if (before == RegistrationStatus.WAITLISTED && registration.getAlternateRank() == null) {
            rerankAlternates(registration.getEventId());
        }
        if (heldSeat) {
            fillFreeSeat(registration.getEventId());
        }
        return registration;
    }

    /** With the event row locked: the first in line gets the seat, or the seat is given back. */
    private void fillFreeSeat(Long eventId) {
        Optional<Registration> next = firstInLine(eventId);
        if (next.isPresent()) {
            next.get().promote(clock.instant());
            audit.record(null, "registration", next.get().getId(), "registration.promote", RegistrationStatus.WAITLISTED,
                    RegistrationStatus.CONFIRMED, null);
            changed.fire(new RegistrationChanged(next.get().getId(), eventId, next.get().getAccountId(), Change.PROMOTED, null));
            rerankAlternates(eventId);
        } else {
            seats.release(eventId);
        }
    }

    /** Waitlist order: alternates by rank first (meetings), then first come, first served — who a freed seat goes to. */
    public Optional<Registration> firstInLine(Long eventId) {
        return em.createQuery("""
                        select r from Registration r where r.eventId = :e and r.status = :w
                        order by case when r.alternateRank is null then 1 else 0 end, r.alternateRank, r.waitlistedAt, r.id""",
                        Registration.class)
                .setParameter("e", eventId).setParameter("w", RegistrationStatus.WAITLISTED)
                .setMaxResults(1).getResultStream().findFirst();
    }

    private void rerankAlternates(Long eventId) {
        List<Registration> alternates = em.createQuery("""
                        select r from Registration r where r.eventId = :e and r.status = :w and r.alternateRank is not null
                        order by r.alternateRank""", Registration.class)
                .setParameter("e", eventId).setParameter("w", RegistrationStatus.WAITLISTED).getResultList();
        for (int i = 0; i < alternates.size(); i++) {
            alternates.get(i).rerank(i + 1);
        }
    }

    /**
     * Closes the gap a race can leave: a cancellation that saw no waitlist while another transaction was
     * adding one. Runs after such a commit and promotes while seats are free and people wait.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int rebalance(Long eventId) {
        int promoted = 0;
        Seats.Bookable event = seats.bookable(eventId);
        if (event.isMeeting() || event.status() == EventStatus.CANCELLED) {
            return 0;
        }
        int confirmed = seats.lock(eventId);
        while (confirmed < event.capacity()) {
            Optional<Registration> next = firstInLine(eventId);
            if (next.isEmpty() || !seats.take(eventId)) {
                break;
            }
            next.get().promote(clock.instant());
            changed.fire(new RegistrationChanged(next.get().getId(), eventId, next.get().getAccountId(), Change.PROMOTED, null));
            confirmed++;
            promoted++;
        }
        return promoted;
    }

    @Inject
    PublicEvents publicEvents;

    /** Remaining seats are part of the public lists: they are read afresh after any change of a registration. */
    void seatsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistrationChanged c) {
        if (c.change() != Change.REMINDED) {
            publicEvents.publicChanged();
        }
    }

    /** An approved change may have raised the capacity: the free seats go to those waiting, in order. */
    void afterPublication(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventPublished published) {
        if (published.sequence() >= 0 && seats.seatsLeft(published.eventId()) > 0) {
            self().rebalance(published.eventId());
        }
    }

    void afterWaitlisting(@Observes(during = TransactionPhase.AFTER_SUCCESS) Registrations.SeatFreed freed) {
        if (seats.seatsLeft(freed.eventId()) > 0) {
            self().rebalance(freed.eventId());
        }
    }

    /** A cancelled event cancels its registrations (in the cancelling transaction); everyone is told. */
    void eventCancelled(@Observes EventCancelled cancelled) {
        List<Registration> active = em.createQuery(
                        "select r from Registration r where r.eventId = :e and r.activeAccountId is not null", Registration.class)
                .setParameter("e", cancelled.eventId()).getResultList();
        for (Registration r : active) {
            RegistrationStatus before = r.getStatus();
            r.cancel(cancelled.reason(), clock.instant());
            audit.record(null, "registration", r.getId(), "registration.cancel", before, r.getStatus(), cancelled.reason());
            changed.fire(new RegistrationChanged(r.getId(), r.getEventId(), r.getAccountId(), Change.EVENT_CANCELLED,
                    cancelled.reason()));
        }
        if (!active.isEmpty()) {
            seats.set(cancelled.eventId(), 0);
        }
    }

    @Inject
    Instance<Waitlist> selfInstance;

    private Waitlist self() {
        return selfInstance.get();
    }
}
