package cn.pujin.open.checkin.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.checkin.entity.CheckIn;
import cn.pujin.open.checkin.entity.Verdict;
import cn.pujin.open.event.control.EventFacts;
import cn.pujin.open.pass.control.PassKeys;
import cn.pujin.open.pass.control.PassVerifier;
import cn.pujin.open.pass.entity.Pass;
import cn.pujin.open.platform.control.ExpiringCache;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Check-in (签到): verifies a pass token (form, Ed25519 signature, key expiry, revocation, event, the
 * registration's state and the event's check-in window) and records the scan. The registration row is
 * locked while its admission is decided, and a unique constraint on the admission backs it up, so two
 * stations scanning one pass at the same moment admit it once. A repeated (scanner, nonce) returns the
 * first answer without a second record.
 */
@ApplicationScoped
public class CheckIns {

    /**
     * Longer than any token a scanner could have read is not a scan but a request to refuse (400); up to this, an
     * unreadable token is a scan with the verdict MALFORMED, stored as a failed scan.
     */
    public static final int MAX_TOKEN_TEXT = 4096;

    /** What a scan by staff (not at a station) is listed under. */
    static final String STAFF = Messages.get(Messages.CHINESE, "checkin.station.staff");

    /** Check-in opens this long before an event starts and closes when it ends. */
    public static final Duration OPENS_BEFORE = Duration.ofHours(2);
    private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    @PersistenceContext
    EntityManager em;

    @Inject
    PassKeys keys;

    @Inject
    Accounts accounts;

    @Inject
    Clock clock;

    @Inject
    Event<CheckedIn> checkedIn;

    /** Who scans: a station (by its key) or a signed-in organiser at an optional station of theirs. */
    public record Scanner(String id, Stations.StationRef station, Long eventId) {

        public static Scanner station(Stations.StationRef s) {
            return new Scanner("station:" + s.id(), s, s.eventId());
        }

        public static Scanner organiser(Long accountId, Stations.StationRef s, Long eventId) {
            return new Scanner("account:" + accountId, s, s != null ? s.eventId() : eventId);
        }
    }

    /** One scan as the client sends it; {@code scannedAt} only for offline scans uploaded later. */
    public record Scan(String token, Long registrationId, String nonce, Instant scannedAt) {}

    /** CDI event after a scan was recorded (observed after commit for live counters). */
    public record CheckedIn(Long eventId, Answer answer) {}

    /** The answer a station shows. */
    public record Answer(Verdict verdict, String nonce, Long registrationId, String number, String name, Category category,
                         Long eventId, OffsetDateTime scannedAt, String station, OffsetDateTime firstCheckedInAt,
                         String firstStation, String reason, boolean offline) {}

    public static boolean isNonce(String nonce) {
        return nonce != null && NONCE.matcher(nonce).matches();
    }

    public static void checkNonce(String nonce) {
        if (!isNonce(nonce)) {
            throw Problem.invalid("nonce", "checkin.nonce");
        }
    }

    @Transactional
    public Answer scan(Scanner scanner, Scan scan, boolean offline) {
        checkNonce(scan.nonce());
        Optional<CheckIn> earlier = byNonce(scanner.id(), scan.nonce());
        if (earlier.isPresent()) {
            return answer(earlier.get());
        }
        Instant now = clock.instant();
        Instant at = offline && scan.scannedAt() != null && scan.scannedAt().isBefore(now) ? scan.scannedAt() : now;
        Stations.StationRef station = scanner.station();
        CheckIn record = new CheckIn(scanner.id(), scan.nonce(), station == null ? null : station.id(),
                station == null ? null : station.name(),
                scan.token() == null ? CheckIn.Method.MANUAL : CheckIn.Method.SCAN, offline, at, now);
        Registration registration;
        if (scan.token() != null) {
            PassVerifier.Checked checked = keys.check(scan.token());
            switch (checked.check()) {
                case MALFORMED -> {
                    return record(record.about(scanner.eventId(), null, null), Verdict.MALFORMED, null);
                }
                case INVALID_SIGNATURE -> {
                    return record(record.about(scanner.eventId(), null, null), Verdict.INVALID_SIGNATURE, null);
                }
                case KEY_EXPIRED -> {
                    return record(record.about(scanner.eventId(), null, null), Verdict.INVALID_SIGNATURE, "KEY_EXPIRED");
                }
                case VALID -> { }
            }
            var claims = checked.claims();
            if (scanner.eventId() != null && scanner.eventId() != claims.eventId()) {
                return record(record.about(scanner.eventId(), null, claims.passId()), Verdict.WRONG_EVENT, "OTHER_EVENT");
            }
            Pass pass = em.find(Pass.class, claims.passId());
            if (pass == null || pass.getEventId() != claims.eventId() || pass.getSerial() != claims.serial()) {
                return record(record.about(claims.eventId(), null, claims.passId()), Verdict.REVOKED, "UNKNOWN_PASS");
            }
            record.about(claims.eventId(), pass.getRegistrationId(), pass.getId());
            if (pass.isRevoked()) {
                return record(record, Verdict.REVOKED, pass.getRevokedReason());
            }
            registration = em.find(Registration.class, pass.getRegistrationId(), LockModeType.PESSIMISTIC_WRITE);
        } else {
            registration = scan.registrationId() == null ? null
                    : em.find(Registration.class, scan.registrationId(), LockModeType.PESSIMISTIC_WRITE);
            if (registration == null || (scanner.eventId() != null && !scanner.eventId().equals(registration.getEventId()))) {
                throw Problem.notFound();
            }
            record.about(registration.getEventId(), registration.getId(), null);
        }
        Window window = window(registration.getEventId());
        if (window.cancelled() || at.isBefore(window.opensAt()) || !at.isBefore(window.closesAt())) {
            return record(record, Verdict.EVENT_NOT_OPEN, null);
        }
        if (registration.getStatus() != RegistrationStatus.CONFIRMED) {
            return record(record, Verdict.NOT_CONFIRMED, registration.getStatus().name());
        }
        Optional<CheckIn> admission = admission(registration.getId());
        if (admission.isPresent()) {
            CheckIn first = admission.get();
            if (offline && at.isBefore(first.getScannedAt())) {
                // an earlier offline scan arrives late: it is the admission, the later one the duplicate
                first.demoteToDuplicate("earlier scan at " + (station == null ? scanner.id() : station.name()));
                em.flush();
                return record(record, Verdict.ADMITTED, null);
            }
            return record(record, Verdict.ALREADY_CHECKED_IN, null, first);
        }
        return record(record, Verdict.ADMITTED, null);
    }

    /** When an event's door is open; re-read every few seconds, so an edited or cancelled event applies soon. */
    record Window(Instant opensAt, Instant closesAt, boolean cancelled) {}

    private final ExpiringCache<Long, Window> windows = new ExpiringCache<>(Stations.CACHED_FOR, 10_000);

    @Inject
    EventFacts eventFacts;

    private Window window(Long eventId) {
        return windows.get(eventId, id -> {
            EventFacts.Schedule schedule = eventFacts.schedule(id);
            return new Window(schedule.startsAt().minus(OPENS_BEFORE), schedule.endsAt(), schedule.cancelled());
        });
    }

    private Answer record(CheckIn record, Verdict verdict, String reason) {
        return record(record, verdict, reason, null);
    }

    private Answer record(CheckIn record, Verdict verdict, String reason, CheckIn first) {
        record.verdict(verdict, reason);
        em.persist(record);
        Answer answer = answer(record, first);
        checkedIn.fire(new CheckedIn(record.getEventId(), answer));
        return answer;
    }

    public Optional<CheckIn> byNonce(String scanner, String nonce) {
        return em.createQuery("select c from CheckIn c where c.scanner = :s and c.nonce = :n", CheckIn.class)
                .setParameter("s", scanner).setParameter("n", nonce).getResultStream().findFirst();
    }

    public Optional<CheckIn> admission(Long registrationId) {
        return em.createQuery("select c from CheckIn c where c.admittedRegistrationId = :r", CheckIn.class)
                .setParameter("r", registrationId).getResultStream().findFirst();
    }

    /** The answer of a recorded scan, as first given (a retried nonce gets the same one). */
    public Answer answer(CheckIn c) {
        return answer(c, null);
    }

    private Answer answer(CheckIn c, CheckIn knownFirst) {
        Registration r = c.getRegistrationId() == null ? null : em.find(Registration.class, c.getRegistrationId());
        String name = r == null ? null : Masking.name(accounts.get(r.getAccountId()).getDisplayName());
        OffsetDateTime firstAt = null;
        String firstStation = null;
        if (c.getVerdict() == Verdict.ALREADY_CHECKED_IN && r != null) {
            Optional<CheckIn> first = knownFirst != null ? Optional.of(knownFirst) : admission(r.getId());
            if (first.isPresent()) {
                firstAt = Times.local(first.get().getScannedAt());
                firstStation = first.get().getStationName() != null ? first.get().getStationName() : STAFF;
            }
        }
        boolean showPerson = r != null && c.getVerdict() != Verdict.WRONG_EVENT;
        return new Answer(c.getVerdict(), c.getNonce(), showPerson ? r.getId() : null, showPerson ? r.number() : null,
                showPerson ? name : null, showPerson ? r.getCategory() : null, c.getEventId(), Times.local(c.getScannedAt()),
                c.getStationName(), firstAt, firstStation, c.getReason(), c.isOffline());
    }
}
