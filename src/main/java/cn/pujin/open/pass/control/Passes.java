package cn.pujin.open.pass.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.event.control.EventFacts;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.pass.entity.Pass;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.control.RegistrationChanged.Change;
import cn.pujin.open.registration.control.RegistrationChanged;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Passes follow registrations: a seat (confirmed, promoted, selected) issues one in the same transaction;
 * losing the seat (cancelled, rejected, back to alternates, event cancelled) revokes it. Re-issuing
 * revokes the old token and signs a new serial.
 */
@ApplicationScoped
public class Passes {

    /** How long a re-issued pass stands against another re-issue (a double click, a burst of retries). */
    static final Duration REISSUE_SETTLING = Duration.ofSeconds(10);

    private static final Set<Change> ISSUE = EnumSet.of(Change.CONFIRMED, Change.PROMOTED, Change.SELECTED);
    /** A newcomer put on the waitlist (WAITLISTED) never had a pass: nothing to look up. */
    private static final Set<Change> REVOKE = EnumSet.of(Change.CANCELLED, Change.REJECTED, Change.EVENT_CANCELLED,
            Change.ALTERNATE);

    @PersistenceContext
    EntityManager em;

    @Inject
    PassKeys keys;

    @Inject
    Clock clock;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Accounts accounts;

    @Inject
    Events events;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Audit audit;

    @Inject
    EventFacts eventFacts;

    void registrationChanged(@Observes RegistrationChanged c) {
        if (ISSUE.contains(c.change())) {
            if (c.change() == Change.CONFIRMED) {
                issue(c.registrationId(), c.eventId(), 1);
            } else if (active(c.registrationId()).isEmpty()) {
                issue(c.registrationId(), c.eventId(), nextSerial(c.registrationId()));
            }
        } else if (REVOKE.contains(c.change())) {
            active(c.registrationId()).ifPresent(p -> p.revoke(c.change().name(), clock.instant()));
        }
    }

    private Pass issue(Long registrationId, Long eventId, int serial) {
        PassKeys.Loaded key = keys.signing();
        Pass pass = new Pass(registrationId, eventId, serial, key.id(), clock.instant());
        em.persist(pass);
        pass.signed(keys.sign(key.id(), pass.getId(), eventId, serial));
        return pass;
    }

    private int nextSerial(Long registrationId) {
        Integer max = em.createQuery("select max(p.serial) from Pass p where p.registrationId = :r", Integer.class)
                .setParameter("r", registrationId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    public Optional<Pass> active(Long registrationId) {
        return em.createQuery("select p from Pass p where p.registrationId = :r and p.revokedAt is null", Pass.class)
                .setParameter("r", registrationId).getResultStream().findFirst();
    }

    /** The valid pass tokens of the registrations: token by registration id (one query). */
    public Map<Long, String> activeTokens(Collection<Long> registrationIds) {
        Map<Long, String> tokens = new HashMap<>();
        if (!registrationIds.isEmpty()) {
            em.createQuery("select p.registrationId, p.token from Pass p where p.registrationId in :r and p.revokedAt is null", Object[].class)
                    .setParameter("r", registrationIds).getResultList().forEach(r -> tokens.put((Long) r[0], (String) r[1]));
        }
        return tokens;
    }

    /** The valid pass of each confirmed registration of an event: pass id by registration id. */
    public Map<Long, Long> activeByRegistration(Long eventId) {
        Map<Long, Long> passes = new HashMap<>();
        em.createQuery("select p.registrationId, p.id from Pass p where p.eventId = :e and p.revokedAt is null", Object[].class)
                .setParameter("e", eventId).getResultList().forEach(r -> passes.put((Long) r[0], (Long) r[1]));
        return passes;
    }

    /** The ids of an event's revoked passes (stations refuse them offline). */
    public List<Long> revokedIds(Long eventId) {
        return em.createQuery("select p.id from Pass p where p.eventId = :e and p.revokedAt is not null order by p.id", Long.class)
                .setParameter("e", eventId).getResultList();
    }

    public Pass find(Long passId) {
        return em.find(Pass.class, passId);
    }

    /** The current pass of a registration the caller may see (owner or organiser; others 404). */
    @Transactional
    public Pass current(Long registrationId, Long viewer, boolean organiser) {
        Registration r = registrationQueries.visible(registrationId, viewer, organiser);
        if (r.getStatus() != RegistrationStatus.CONFIRMED) {
            throw Problem.conflict(ProblemCode.NO_PASS, "pass.none", r.getStatus());
        }
        return active(r.getId()).orElseGet(() -> issueMissing(r));
    }

    /** Confirmed before passes existed: a pass now. */
    private Pass issueMissing(Registration r) {
        return issue(r.getId(), r.getEventId(), nextSerial(r.getId()));
    }

    /** A new token for a lost or shared pass; the old one stops working at once. */
    @Transactional
    public Pass reissue(Long actor, Long registrationId, boolean organiser) {
        Registration r = registrationQueries.visible(registrationId, actor, organiser);
        if (r.getStatus() != RegistrationStatus.CONFIRMED) {
            throw Problem.conflict(ProblemCode.NO_PASS, "pass.none", r.getStatus());
        }
        // Revoked only if still valid: of several reissues of the same pass at once, the first one's update holds the
        // row and the others then find it revoked (409), instead of all issuing the same next serial (unique index)
        Optional<Pass> current = active(r.getId());
        // A pass re-issued moments ago is the answer to this click too: ten clicks (or ten requests at once) give
        // one new pass, not ten passes each revoking the one just printed
        if (current.isPresent() && current.get().getSerial() > 1
                && current.get().getIssuedAt().isAfter(clock.instant().minus(REISSUE_SETTLING))) {
            throw Problem.conflict(ProblemCode.PASS_CHANGED, "pass.changed");
        }
        if (current.isPresent() && em.createQuery("""
                        update Pass p set p.revokedAt = :now, p.revokedReason = 'REISSUED', p.activeRegistrationId = null
                        where p.id = :id and p.revokedAt is null""")
                .setParameter("now", clock.instant()).setParameter("id", current.get().getId()).executeUpdate() == 0) {
            throw Problem.conflict(ProblemCode.PASS_CHANGED, "pass.changed");
        }
        Pass pass;
        try {
            pass = issue(r.getId(), r.getEventId(), nextSerial(r.getId()));
            em.flush();
        } catch (PersistenceException sameSerialAtOnce) {
            throw Problem.conflict(ProblemCode.PASS_CHANGED, "pass.changed");
        }
        audit.record(actor, "pass", pass.getId(), "pass.reissue", null, pass.getSerial(), null);
        return pass;
    }

    /** After a key rotation that expired the old keys: every valid pass of events not yet over, re-signed. */
    @Transactional
    public int reissueAll(Long actor, int newKeyId) {
        List<Long> notOver = eventFacts.endingAfter(clock.instant());
        List<Pass> stale = notOver.isEmpty() ? List.of() : em.createQuery("""
                        select p from Pass p where p.eventId in :events and p.revokedAt is null and p.keyId <> :k""", Pass.class)
                .setParameter("k", newKeyId).setParameter("events", notOver).getResultList();
        for (Pass p : stale) {
            p.revoke("KEY_ROTATED", clock.instant());
        }
        em.flush();
        for (Pass p : stale) {
            issue(p.getRegistrationId(), p.getEventId(), p.getSerial() + 1);
        }
        audit.record(actor, "pass_key", (long) newKeyId, "pass.key.rotate", null, stale.size(), null);
        return stale.size();
    }

    /** What a pass shows: the token and what a steward and the holder need to read. */
    public record PassView(Long registrationId, String number, Long passId, int serial, String token, Long eventId,
                           String eventTitle, OffsetDateTime startsAt, OffsetDateTime endsAt, String venue, String name,
                           OffsetDateTime issuedAt) {}

    public PassView view(Pass pass) {
        Registration r = registrationQueries.find(pass.getRegistrationId());
        EventView e = publicEvents.publishedForCalendar(pass.getEventId()).map(PublicEvents.Published::view)
                .orElseGet(() -> events.workingView(events.working(pass.getEventId())));
        String where = e.venue() != null ? e.venue() : e.onlineUrl();
        return new PassView(r.getId(), r.number(), pass.getId(), pass.getSerial(), pass.getToken(), e.id(), e.title(),
                e.startsAt(), e.endsAt(), where, Masking.name(accounts.get(r.getAccountId()).getDisplayName()),
                Times.local(pass.getIssuedAt()));
    }
}
