package cn.pujin.open.registration.control;

import cn.pujin.open.account.control.Contact;
import cn.pujin.open.account.control.Contacts;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.registration.control.RegistrationChanged.Change;
import cn.pujin.open.registration.entity.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Group commit: the registrations waiting at the {@link RegistrationDesk} for one open day, made in one transaction.
 * The event row is locked once and the seats counted once for the whole batch, the rows go in as JDBC batches, and
 * there is one commit — where one registration at a time paid a transaction, a lock, a commit (an fsync) and a dozen
 * round trips each. The rules stay those of {@link Registrations#register}: first come, first served in arrival
 * order (a seat only while nobody waits), one registration per person (refused before the insert; a registration
 * made elsewhere meanwhile fails the batch, and the desk then registers each on its own), never over capacity on
 * any number of instances (the row lock), each caller answered only after the commit.
 */
@ApplicationScoped
public class RegistrationBatches {

    /** At most this many registrations in one transaction. */
    public static final int MAX = 100;

    /** What became of one applicant of a batch: registered, or refused with a problem. */
    public record Outcome(Registrations.Registered registered, Problem refused) {}

    /** The event is not one a batch serves (a decision meeting's applications are moderated one by one). */
    public static final class NotBatchable extends RuntimeException {
        NotBatchable() {
            super("not an open day", null, false, false);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Contacts contacts;

    @Inject
    RegistrationQueries queries;

    @Inject
    Registrations registrations;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Event<RegistrationChanged> changed;

    @Inject
    Event<Registrations.Preparing> prepared;

    @Inject
    Event<Registrations.SeatFreed> seatFreed;

    /**
     * Registers the accounts, in this order, for the open day; a problem that concerns the event (unknown, cancelled,
     * closed) is thrown for all of them.
     */
    @Transactional
    public List<Outcome> register(Long eventId, List<Long> accountIds) {
        Seats.Bookable event = seats.bookable(eventId);
        if (event.isMeeting()) {
            throw new NotBatchable();
        }
        Instant now = clock.instant();
        Registrations.requireOpen(event, now);
        // what the notices need is read before the row is locked: the people, and the event's mail parts
        Map<Long, Contact> people = contacts.of(accountIds);
        prepared.fire(new Registrations.Preparing(eventId));
        Set<Long> taken = new HashSet<>(queries.activeAmong(eventId, accountIds));
        long waiting = queries.waiting(eventId);
        int free = seats.lockFree(eventId);
        List<Long> newcomers = new ArrayList<>();
        for (Long id : accountIds) {
            if (people.containsKey(id) && taken.add(id)) {
                newcomers.add(id);
            }
        }
        int seated = waiting == 0 ? Math.max(0, Math.min(free, newcomers.size())) : 0;
        if (seated > 0) {
            seats.takeMany(eventId, seated);
        }
        List<Registration> made = new ArrayList<>();
        for (int i = 0; i < newcomers.size() && (i < seated || event.waitlist()); i++) {
            Registration r = Registration.place(eventId, newcomers.get(i), i < seated, now);
            r.consent(registrations.privacyVersion());
            em.persist(r);
            made.add(r);
        }
        em.flush();
        List<Outcome> outcomes = new ArrayList<>();
        int place = 0;
        for (Long id : accountIds) {
            int index = newcomers.indexOf(id);
            Registration r = index < 0 || index >= made.size() ? null : made.get(index);
            if (r == null) {
                outcomes.add(new Outcome(null, !people.containsKey(id) ? Problem.notFound()
                        : index < 0 ? Problem.conflict(ProblemCode.ALREADY_REGISTERED, "registration.already")
                        : Problem.conflict(ProblemCode.EVENT_FULL, "registration.full")));
                continue;
            }
            newcomers.set(index, null); // the same person twice in one batch: the second is "already registered"
            boolean seat = index < seated;
            audit.record(id, "registration", r.getId(), "registration.create", null, r.getStatus(), null);
            changed.fire(new RegistrationChanged(r.getId(), eventId, id, seat ? Change.CONFIRMED : Change.WAITLISTED, null));
            outcomes.add(new Outcome(new Registrations.Registered(r, queries.view(r, event, people.get(id),
                    seat ? null : (int) waiting + ++place)), null));
        }
        if (place > 0 && free - seated > 0) {
            // a seat is free while people wait (a capacity just raised, a promotion not yet run): after the commit it
            // goes to the first in line
            seatFreed.fire(new Registrations.SeatFreed(eventId));
        }
        return outcomes;
    }
}
