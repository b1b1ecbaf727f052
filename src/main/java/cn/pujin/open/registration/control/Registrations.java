package cn.pujin.open.registration.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.EventCancelled;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.control.RegistrationChanged.Change;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.registration.entity.Source;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Registrations for open days (seat or waitlist), applications for decision meetings (moderation), and
 * cancellation with promotion of the first waitlisted person in the same transaction.
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
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Event<RegistrationChanged> changed;

    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "PRIVACY_NOTICE_VERSION")
    String privacyVersion;

    @Inject
    Event<SeatFreed> seatFreed;

    /** Fired before a seat is taken, so observers can do their reading outside the seat lock. */
    public record Preparing(Long eventId, Long accountId) {}

    @Inject
    Event<Preparing> prepared;

    /** Fired after a waitlisted registration or a seat release commits: maybe a seat is free for the waitlist. */
    public record SeatFreed(Long eventId) {}

    // ---- registering ----

    @Transactional
    public Registration register(Long accountId, Long eventId, RegistrationRequest request) {
        Seats.Bookable event = seats.bookable(eventId);
        if (event.status() == EventStatus.CANCELLED) {
            throw Problem.conflict("EVENT_CANCELLED", "event.cancelled");
        }
        Instant now = clock.instant();
        if (!event.isOpenFor(now)) {
            throw Problem.conflict("REGISTRATION_CLOSED", "registration.closed");
        }
        if (active(accountId, eventId).isPresent()) {
            throw Problem.conflict("ALREADY_REGISTERED", "registration.already");
        }
        if (event.isMeeting()) {
            RegistrationRequest r = request == null ? RegistrationRequest.EMPTY : request;
            validateApplication(r);
            Registration application = Registration.application(eventId, accountId, r.category(),
                    blankToNull(r.organisation()), validStatement(r), Source.SELF, now);
            persistUnique(application);
            audit.record(accountId, "registration", application.getId(), "registration.create", null, application.getStatus(), null);
            changed.fire(new RegistrationChanged(application.getId(), eventId, accountId, Change.APPLIED, null));
            return application;
        }
        // Everything that reads happens before the seat is taken: the provisional row (which also checks
        // "one per person"), and what the notice needs. The event row stays locked from the seat UPDATE to the
        // commit, so only buffered writes come after it.
        Registration registration = Registration.place(eventId, accountId, false, now);
        persistUnique(registration);
        prepared.fire(new Preparing(eventId, accountId));
        Change change;
        if (seats.take(eventId)) {
            registration.confirm(now);
            change = Change.CONFIRMED;
        } else if (event.waitlist()) {
            change = Change.WAITLISTED;
        } else {
            throw Problem.conflict("EVENT_FULL", "registration.full");
        }
        audit.record(accountId, "registration", registration.getId(), "registration.create", null, registration.getStatus(), null);
        changed.fire(new RegistrationChanged(registration.getId(), eventId, accountId, change, null));
        if (change == Change.WAITLISTED) {
            seatFreed.fire(new SeatFreed(eventId));
        }
        return registration;
    }

    /**
     * 现场登记: staff record someone who came to an event that has started, taking a seat like any other
     * confirmation (409 EVENT_FULL when none is left). No mail: the person is already there.
     */
    @Transactional
    public Registration recordWalkIn(Long staffId, Long eventId, Long accountId) {
        Seats.Bookable event = seats.bookable(eventId);
        if (clock.instant().isBefore(event.startsAt())) {
            throw Problem.conflict("EVENT_NOT_STARTED", "registration.walkIn.notStarted");
        }
        if (active(accountId, eventId).isPresent()) {
            throw Problem.conflict("ALREADY_REGISTERED", "registration.already");
        }
        if (!seats.take(eventId)) {
            throw Problem.conflict("EVENT_FULL", "registration.full");
        }
        Registration registration = Registration.walkIn(eventId, accountId, clock.instant());
        persistUnique(registration);
        audit.record(staffId, "registration", registration.getId(), "registration.walkIn", null, registration.getStatus(), null);
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
            throw Problem.conflict("ALREADY_REGISTERED", "registration.already");
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
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
    }

    // ---- cancelling and the waitlist ----

    /**
     * Cancels (owner or organiser). A held seat goes to the first waitlisted person (FIFO; for a meeting
     * the first alternate) in the same transaction, or back to the pool. Cancelling twice answers the same.
     */
    @Transactional
    public Registration cancel(Long actorId, Long registrationId, boolean organiser, String reason) {
        Registration registration = visible(registrationId, actorId, organiser);
        if (registration.getStatus() == RegistrationStatus.CANCELLED) {
            return registration;
        }
        if (registration.getStatus() == RegistrationStatus.REJECTED) {
            throw Problem.conflict("INVALID_TRANSITION", "registration.transition.invalid", "cancel", registration.getStatus());
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

    /** Waitlist order: alternates by rank first (meetings), then first come, first served. */
    private Optional<Registration> firstInLine(Long eventId) {
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
    cn.pujin.open.event.control.Events publicEvents;

    /** Remaining seats are part of the public lists: they are read afresh after any change of a registration. */
    void seatsChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) RegistrationChanged c) {
        publicEvents.publicChanged();
    }

    void afterWaitlisting(@Observes(during = TransactionPhase.AFTER_SUCCESS) SeatFreed freed) {
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

    // ---- moderation of applications ----

    @Transactional
    public Registration approve(Long organiser, Long registrationId) {
        Registration r = find(registrationId);
        RegistrationStatus before = r.getStatus();
        r.approve(organiser, clock.instant());
        audit.record(organiser, "registration", registrationId, "registration.approve", before, r.getStatus(), null);
        changed.fire(new RegistrationChanged(registrationId, r.getEventId(), r.getAccountId(), Change.APPROVED, null));
        return r;
    }

    @Transactional
    public Registration reject(Long organiser, Long registrationId, String reason) {
        String why = requireReason(reason);
        Registration r = find(registrationId);
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
                outcomes.add(new Outcome(id, false, p.code()));
            }
        }
        return outcomes;
    }

    @Inject
    jakarta.enterprise.inject.Instance<Registrations> selfInstance;

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

    /** Approved applications of a meeting: the input of the lottery. */
    public List<Registration> approved(Long eventId) {
        return em.createQuery("select r from Registration r where r.eventId = :e and r.status = :a order by r.id", Registration.class)
                .setParameter("e", eventId).setParameter("a", RegistrationStatus.APPROVED).getResultList();
    }

    /** An organiser looks up the number of a registrant to call them; the look-up is audited. */
    @Transactional
    public String revealPhone(Long organiser, Long registrationId) {
        Registration r = find(registrationId);
        Account a = accounts.get(r.getAccountId());
        audit.record(organiser, "registration", registrationId, "registration.revealPhone", null, null, null);
        return a.getPhoneCipher() == null ? "" : accounts.phoneOf(a);
    }

    // ---- reading ----

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
            String name = a == null ? null : owner ? a.getDisplayName() : Masking.name(a.getDisplayName());
            String phone = a == null ? null : revealPhone && a.getPhoneCipher() != null ? accounts.phoneOf(a) : a.getPhoneMasked();
            views.add(new RegistrationView(r.getId(), r.number(), r.getEventId(), event == null ? null : event.title(),
                    event == null ? null : Times.local(event.startsAt()), r.getStatus(), r.getCategory(), r.getOrganisation(),
                    r.getStatement(), r.getSource(), waitlistPosition(r),
                    r.getAlternateRank(), r.getDecisionReason(), owner ? null : r.getAccountId(), name, phone,
                    Times.local(r.getCreatedAt()), Times.local(r.getUpdatedAt())));
        }
        return views;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
