package cn.pujin.open.registration.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Contact;
import cn.pujin.open.account.control.Contacts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.registration.control.RegistrationChanged.Change;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.registration.entity.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registering for open days (a seat or the waitlist), applying for decision meetings and their moderation, walk-ins,
 * and what a published selection does to the applications. Cancelling and the waitlist: {@link Waitlist}; reading:
 * {@link RegistrationQueries}.
 */
@ApplicationScoped
public class Registrations {

    public static final int STATEMENT_MIN = 20;
    public static final int STATEMENT_MAX = 1000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Accounts accounts;

    @Inject
    Contacts contacts;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Event<RegistrationChanged> changed;

    @Inject
    @ConfigProperty(name = "PRIVACY_NOTICE_VERSION")
    String privacyVersion;

    @Inject
    Event<SeatFreed> seatFreed;

    /** Fired before a seat is taken, so observers can do their reading outside the seat lock. */
    public record Preparing(Long eventId) {}

    @Inject
    Event<Preparing> prepared;

    @Inject
    RegistrationQueries queries;

    /** Fired after a waitlisted registration or a seat release commits: maybe a seat is free for the waitlist. */
    public record SeatFreed(Long eventId) {}

    // ---- registering ----

    /** 409 EVENT_CANCELLED for a cancelled event, 409 REGISTRATION_CLOSED outside its registration period. */
    static void requireOpen(Seats.Bookable event, Instant now) {
        if (event.status() == EventStatus.CANCELLED) {
            throw Problem.conflict(ProblemCode.EVENT_CANCELLED, "event.cancelled");
        }
        if (!event.isOpenFor(now)) {
            throw Problem.conflict(ProblemCode.REGISTRATION_CLOSED, "registration.closed");
        }
    }

    /** A registration just made, and its view as the transaction that made it knew it (no reads after the commit). */
    public record Registered(Registration registration, RegistrationView view) {}

    /**
     * Registers for an open day (a seat, or the waitlist in arrival order) or applies for a decision meeting. On the
     * request path: the event, the person (rendering the notice needs them), the seat — one conditional UPDATE, and
     * for the waitlist one read that also gives the place in line — then the inserts and one commit. "Already
     * registered" is answered by the unique index, not by a query before.
     */
    @Transactional
    public Registered register(Long accountId, Long eventId, RegistrationRequest request) {
        Seats.Bookable event = seats.bookable(eventId);
        Instant now = clock.instant();
        requireOpen(event, now);
        if (event.isMeeting()) {
            RegistrationRequest r = request == null ? RegistrationRequest.EMPTY : request;
            validateApplication(r);
            Registration application = Registration.application(eventId, accountId, r.category(),
                    Texts.strip(r.organisation()), validStatement(r), Source.SELF, now);
            application.declare(Texts.strip(r.community()), Texts.strip(r.ageBand()), Texts.strip(r.gender()));
            persistUnique(application);
            audit.record(accountId, "registration", application.getId(), "registration.create", null, application.getStatus(), null);
            changed.fire(new RegistrationChanged(application.getId(), eventId, accountId, Change.APPLIED, null));
            return new Registered(application, queries.view(application, event, contacts.of(accountId), null));
        }
        // What the notice needs is read before the seat is taken: the event row stays locked from the seat UPDATE to
        // the commit, so only the inserts come after it.
        prepared.fire(new Preparing(eventId));
        Contact person = contacts.of(accountId);
        Turn turn = takeSeatInTurn(event);
        if (!turn.seated() && !event.waitlist()) {
            throw Problem.conflict(ProblemCode.EVENT_FULL, "registration.full");
        }
        Registration registration = Registration.place(eventId, accountId, turn.seated(), now);
        persistUnique(registration);
        Change change = turn.seated() ? Change.CONFIRMED : Change.WAITLISTED;
        audit.record(accountId, "registration", registration.getId(), "registration.create", null, registration.getStatus(), null);
        changed.fire(new RegistrationChanged(registration.getId(), eventId, accountId, change, null));
        if (turn.freeWhileWaiting()) {
            // a seat is free while people wait (given back as this person joined the line, or a capacity just raised):
            // after the commit it goes to the first in line
            seatFreed.fire(new SeatFreed(eventId));
        }
        return new Registered(registration, queries.view(registration, event, person,
                turn.seated() ? null : (int) turn.waitingAhead() + 1));
    }

    /**
     * What taking a seat in turn came to: a seat, or a place in line with the number waiting ahead, and whether a seat
     * is free although people wait (the caller lets the waitlist move on after the commit).
     */
    record Turn(boolean seated, long waitingAhead, boolean freeWhileWaiting) {}

    /**
     * First come, first served: while anyone waits, a free seat (a capacity just raised, a promotion not yet run) goes
     * to them and the newcomer gets none; otherwise the conditional seat UPDATE decides. Joining the line holds the
     * event row against cancellations until the commit ({@link Seats#holdPlaceInLine}).
     */
    private Turn takeSeatInTurn(Seats.Bookable event) {
        long waiting = queries.waiting(event.eventId());
        if (waiting == 0 && seats.take(event.eventId())) {
            return new Turn(true, 0, false);
        }
        if (!event.waitlist()) {
            return new Turn(false, waiting, false);
        }
        int free = seats.holdPlaceInLine(event.eventId());
        return new Turn(false, waiting, free > 0);
    }

    /**
     * 现场登记: staff record someone who came to an event that has started, taking a seat like any other
     * confirmation (409 EVENT_FULL when none is left). No mail: the person is already there.
     */
    @Transactional
    public Registration recordWalkIn(Long staffId, Long eventId, Long accountId) {
        Seats.Bookable event = seats.bookable(eventId);
        if (clock.instant().isBefore(event.startsAt())) {
            throw Problem.conflict(ProblemCode.EVENT_NOT_STARTED, "registration.walkIn.notStarted");
        }
        if (queries.active(accountId, eventId).isPresent()) {
            throw Problem.conflict(ProblemCode.ALREADY_REGISTERED, "registration.already");
        }
        if (!seats.take(eventId)) {
            throw Problem.conflict(ProblemCode.EVENT_FULL, "registration.full");
        }
        Registration registration = Registration.walkIn(eventId, accountId, clock.instant());
        persistUnique(registration);
        audit.record(staffId, "registration", registration.getId(), "registration.walkIn", null, registration.getStatus(), null);
        return registration;
    }

    /**
     * 代为报名 ahead of time or 现场登记 at the door, for a resident without an account (or who does not use it): the
     * person's name and phone as staff took them down, with the consent given on paper (recorded and audited). A seat
     * is taken like any other confirmation; when none is left (or people wait for one) it is 409 EVENT_FULL unless
     * an organiser admits them over capacity, which is audited. The person gets a pass staff can print.
     */
    @Transactional
    public Registration registerOnBehalf(Long staffId, Long eventId, @NotNull(message = "{validation.body}") @Valid OnBehalfRequest r) {
        if (r.source() != Source.PROXY && r.source() != Source.WALK_IN) {
            throw Problem.invalid("source", "registration.onBehalf.source");
        }
        Seats.Bookable event = seats.bookable(eventId);
        if (event.status() == EventStatus.CANCELLED) {
            throw Problem.conflict(ProblemCode.EVENT_CANCELLED, "event.cancelled");
        }
        Instant now = clock.instant();
        if (!now.isBefore(event.endsAt())) {
            throw Problem.conflict(ProblemCode.REGISTRATION_CLOSED, "registration.closed");
        }
        Long personId = accounts.recordedPerson(staffId, r.name(), r.phone()).getId();
        if (queries.active(personId, eventId).isPresent()) {
            throw Problem.conflict(ProblemCode.ALREADY_REGISTERED, "registration.onBehalf.already");
        }
        Registration registration = Registration.onBehalf(eventId, personId, r.category(), r.source(), now);
        persistUnique(registration);
        boolean overCapacity = false;
        if (!takeSeatInTurn(event).seated()) {
            if (!r.overriding()) {
                throw Problem.conflict(ProblemCode.EVENT_FULL, "registration.onBehalf.full");
            }
            seats.lock(eventId);
            seats.takeOverCapacity(eventId);
            overCapacity = true;
        }
        audit.record(staffId, "registration", registration.getId(), "registration.onBehalf", null, registration.getStatus(),
                r.source() + ", consent on paper" + (overCapacity ? ", admitted over capacity" : ""));
        changed.fire(new RegistrationChanged(registration.getId(), eventId, personId, Change.CONFIRMED, null));
        return registration;
    }

    /** An accepted invitation counts as an application. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Registration applyFromInvitation(Long accountId, Long eventId, Category category, String organisation,
                                            String statement) {
        Registration registration = Registration.application(eventId, accountId, category, organisation, statement,
                Source.INVITATION, clock.instant());
        persistUnique(registration);
        audit.record(accountId, "registration", registration.getId(), "registration.create", null,
                registration.getStatus(), "invitation");
        changed.fire(new RegistrationChanged(registration.getId(), eventId, accountId, Change.APPLIED, null));
        return registration;
    }

    /** The privacy-notice version registration forms show and each registration records. */
    public String privacyVersion() {
        return privacyVersion;
    }

    private void persistUnique(Registration registration) {
        registration.consent(privacyVersion);
        try {
            em.persist(registration);
            em.flush();
        } catch (PersistenceException sameMomentSecondRequest) {
            throw Problem.conflict(ProblemCode.ALREADY_REGISTERED, "registration.already");
        }
    }

    private static String validStatement(RegistrationRequest r) {
        return r.statement() == null ? null : r.statement().strip();
    }

    private static void validateApplication(RegistrationRequest r) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.category() == null) {
            errors.add(new Problem.FieldError("category", "validation.required"));
        }
        String statement = validStatement(r);
        if (statement == null || statement.codePointCount(0, statement.length()) < STATEMENT_MIN
                || statement.codePointCount(0, statement.length()) > STATEMENT_MAX) {
            errors.add(new Problem.FieldError("statement", "registration.statement.size", STATEMENT_MIN, STATEMENT_MAX));
        }
        if (r.category() == Category.ENTERPRISE && (r.organisation() == null || r.organisation().isBlank())) {
            errors.add(new Problem.FieldError("organisation", "registration.organisation.required"));
        }
        if (r.organisation() != null && r.organisation().length() > 120) {
            errors.add(new Problem.FieldError("organisation", "validation.size.max.n", 120));
        }
        errors.addAll(r.declarationErrors());
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }

    // ---- moderation of applications ----

    @Transactional
    public Registration approve(Long organiser, Long registrationId) {
        Registration r = queries.find(registrationId);
        RegistrationStatus before = r.getStatus();
        r.approve(organiser, clock.instant());
        audit.record(organiser, "registration", registrationId, "registration.approve", before, r.getStatus(), null);
        changed.fire(new RegistrationChanged(registrationId, r.getEventId(), r.getAccountId(), Change.APPROVED, null));
        return r;
    }

    @Transactional
    public Registration reject(Long organiser, Long registrationId, String reason) {
        String why = requireReason(reason);
        Registration r = queries.find(registrationId);
        RegistrationStatus before = r.getStatus();
        r.reject(organiser, why, clock.instant());
        audit.record(organiser, "registration", registrationId, "registration.reject", before, r.getStatus(), why);
        changed.fire(new RegistrationChanged(registrationId, r.getEventId(), r.getAccountId(), Change.REJECTED, why));
        return r;
    }

    /** The outcome of one item of a bulk decision. */
    public record Outcome(Long id, boolean done, String code) {}

    /** Bulk approve or reject: each item on its own, so one bad id does not undo the others. */
    public List<Outcome> decide(Long organiser, Collection<Long> ids, boolean approve, String reason) {
        if (ids == null || ids.isEmpty() || ids.contains(null)) {
            throw Problem.invalid("ids", "validation.required");
        }
        if (ids.size() > 500) {
            throw Problem.invalid("ids", "validation.size.max.n", 500);
        }
        if (!approve) {
            requireReason(reason);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Long id : ids) {
            try {
                if (approve) {
                    self().approve(organiser, id);
                } else {
                    self().reject(organiser, id, reason);
                }
                outcomes.add(new Outcome(id, true, null));
            } catch (Problem p) {
                outcomes.add(new Outcome(id, false, p.code().name()));
            }
        }
        return outcomes;
    }

    @Inject
    Instance<Registrations> selfInstance;

    private Registrations self() {
        return selfInstance.get();
    }

    static String requireReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Problem.invalid("reason", "validation.required");
        }
        if (reason.length() > 500) {
            throw Problem.invalid("reason", "validation.size.max.n", 500);
        }
        return reason.strip();
    }

    // ---- selection outcome ----

    /** Applied when a selection is published: seats for the selected, ranks for the alternates. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applySelection(Long eventId, List<Long> selected, List<Long> alternates, Long actor) {
        seats.lock(eventId);
        Instant now = clock.instant();
        Map<Long, Registration> byId = em.createQuery("select r from Registration r where r.eventId = :e", Registration.class)
                .setParameter("e", eventId).getResultStream().collect(Collectors.toMap(Registration::getId, Function.identity()));
        for (Long id : selected) {
            Registration r = byId.get(id);
            r.selected(now);
            audit.record(actor, "registration", id, "registration.select", RegistrationStatus.APPROVED, r.getStatus(), null);
            changed.fire(new RegistrationChanged(id, eventId, r.getAccountId(), Change.SELECTED, null));
        }
        for (int i = 0; i < alternates.size(); i++) {
            Registration r = byId.get(alternates.get(i));
            r.alternate(i + 1, now);
            audit.record(actor, "registration", r.getId(), "registration.alternate", RegistrationStatus.APPROVED, r.getStatus(),
                    "rank " + (i + 1));
            changed.fire(new RegistrationChanged(r.getId(), eventId, r.getAccountId(), Change.ALTERNATE, String.valueOf(i + 1)));
        }
        seats.set(eventId, selected.size());
    }

    /** An organiser looks up the number of a registrant to call them; the look-up is audited. */
    @Transactional
    public String revealPhone(Long organiser, Long registrationId) {
        Registration r = queries.find(registrationId);
        Account a = accounts.get(r.getAccountId());
        audit.record(organiser, "registration", registrationId, "registration.revealPhone", null, null, null);
        return a.getPhoneCipher() == null ? "" : accounts.phoneOf(a);
    }


}
