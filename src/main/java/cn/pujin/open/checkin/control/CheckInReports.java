package cn.pujin.open.checkin.control;

import java.util.HashSet;
import java.util.stream.Stream;
import java.util.Objects;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.checkin.entity.CheckIn;
import cn.pujin.open.checkin.entity.Verdict;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.pass.control.PassKeys;
import cn.pujin.open.pass.control.Passes;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** What organisers and stations read about an event's check-in: counts, roster, keys for offline use. */
@ApplicationScoped
public class CheckInReports {

    /** What a scan by staff (not at a station) is listed under. */
    static final String STAFF = Messages.get(Messages.CHINESE, "checkin.station.staff");

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    PassKeys keys;

    @Inject
    Clock clock;

    @Inject
    RegistrationQueries registrations;

    @Inject
    Passes passes;

    public record Counts(Long eventId, long checkedIn, long expected) {}

    /** People admitted at the door per event (events without any are missing). */
    public Map<Long, Long> admittedByEvent(Collection<Long> eventIds) {
        Map<Long, Long> admitted = new HashMap<>();
        if (!eventIds.isEmpty()) {
            em.createQuery("""
                            select c.eventId, count(c) from CheckIn c where c.eventId in :ids and c.admittedRegistrationId is not null
                            group by c.eventId""", Object[].class).setParameter("ids", List.copyOf(eventIds)).getResultList()
                    .forEach(r -> admitted.put((Long) r[0], (Long) r[1]));
        }
        return admitted;
    }

    /** Which of these registrations were admitted at the door. */
    public Set<Long> admitted(Collection<Long> registrationIds) {
        if (registrationIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("select c.admittedRegistrationId from CheckIn c where c.admittedRegistrationId in :ids",
                Long.class).setParameter("ids", List.copyOf(registrationIds)).getResultList());
    }

    public Counts counts(Long eventId) {
        long in = em.createQuery("select count(c) from CheckIn c where c.eventId = :e and c.admittedRegistrationId is not null", Long.class)
                .setParameter("e", eventId).getSingleResult();
        long expected = registrations.confirmedByEvent(List.of(eventId)).getOrDefault(eventId, 0L);
        return new Counts(eventId, in, expected);
    }

    /** One person of the event as the door sees them; {@code status} CONFIRMED for everyone on the roster. */
    public record Person(Long registrationId, String number, String name, String phoneTail, Category category,
                         Long passId, OffsetDateTime checkedInAt, String station, RegistrationStatus status) {}

    public record Failed(OffsetDateTime at, String station, Verdict verdict, String reason, String number, String name) {}

    public record Summary(Long eventId, String title, long checkedIn, long expected, Map<String, Long> byStation,
                          Map<Category, Long> byCategory, long failedCount, long duplicates, Map<Verdict, Long> failedByVerdict,
                          List<Failed> failed, boolean ended, List<Person> noShows) {}

    public Summary summary(Event event) {
        Long eventId = event.getId();
        List<Person> roster = roster(eventId);
        Map<String, Long> byStation = new LinkedHashMap<>();
        Map<Category, Long> byCategory = new LinkedHashMap<>();
        List<Person> noShows = new ArrayList<>();
        for (Person p : roster) {
            if (p.checkedInAt() != null) {
                byStation.merge(p.station() == null ? STAFF : p.station(), 1L, Long::sum);
                byCategory.merge(p.category() == null ? Category.OTHER : p.category(), 1L, Long::sum);
            } else {
                noShows.add(p);
            }
        }
        // a second scan of an admitted pass is no failure: the person is in; it is counted apart
        Map<Verdict, Long> byVerdict = new LinkedHashMap<>();
        long duplicates = 0;
        for (Object[] row : em.createQuery("""
                        select c.verdict, count(c) from CheckIn c where c.eventId = :e and c.verdict <> :a group by c.verdict
                        order by c.verdict""", Object[].class)
                .setParameter("e", eventId).setParameter("a", Verdict.ADMITTED).getResultList()) {
            if (row[0] == Verdict.ALREADY_CHECKED_IN) {
                duplicates = (Long) row[1];
            } else {
                byVerdict.put((Verdict) row[0], (Long) row[1]);
            }
        }
        List<CheckIn> failedRows = em.createQuery("""
                        select c from CheckIn c where c.eventId = :e and c.verdict not in :ok order by c.scannedAt desc, c.id desc""", CheckIn.class)
                .setParameter("e", eventId).setParameter("ok", List.of(Verdict.ADMITTED, Verdict.ALREADY_CHECKED_IN))
                .setMaxResults(200).getResultList();
        Map<Long, Person> byRegistration = new LinkedHashMap<>();
        roster.forEach(p -> byRegistration.put(p.registrationId(), p));
        List<Failed> failed = failedRows.stream().map(c -> {
            Person p = c.getRegistrationId() == null ? null : byRegistration.get(c.getRegistrationId());
            return new Failed(Times.local(c.getScannedAt()), c.getStationName(), c.getVerdict(), c.getReason(),
                    p == null ? null : p.number(), p == null ? null : p.name());
        }).toList();
        long checkedIn = roster.size() - noShows.size();
        return new Summary(eventId, event.getTitle(), checkedIn, roster.size(), byStation, byCategory,
                byVerdict.values().stream().mapToLong(Long::longValue).sum(), duplicates, byVerdict, failed,
                !clock.instant().isBefore(event.getEndsAt()), noShows);
    }

    /** Everyone holding a seat, with their pass and check-in, for manual search and offline caching. */
    public List<Person> roster(Long eventId) {
        return people(eventId, false).stream().map(Found::person).toList();
    }

    /** A person of the event with the full name staff may search by (never shown: {@code person} has it masked). */
    private record Found(Person person, String fullName) {}

    /**
     * The confirmed (the roster: with pass and admission) and, when asked, those who hold no seat (waitlisted, applied,
     * cancelled, rejected: found by search, never admitted), read in one pass over their accounts.
     */
    private List<Found> people(Long eventId, boolean withoutSeat) {
        List<Registration> rows = new ArrayList<>(registrations.confirmed(eventId));
        if (withoutSeat) {
            rows.addAll(registrations.notConfirmed(eventId));
        }
        Map<Long, Account> accountsById = accounts.byIds(rows.stream().map(Registration::getAccountId).filter(Objects::nonNull).toList());
        Map<Long, Long> passes = this.passes.activeByRegistration(eventId);
        Map<Long, CheckIn> admissions = new HashMap<>();
        for (CheckIn c : em.createQuery("select c from CheckIn c where c.eventId = :e and c.admittedRegistrationId is not null",
                CheckIn.class).setParameter("e", eventId).getResultList()) {
            admissions.put(c.getRegistrationId(), c);
        }
        List<Found> out = new ArrayList<>(rows.size());
        for (Registration r : rows) {
            Account a = r.getAccountId() == null ? null : accountsById.get(r.getAccountId());
            String masked = a == null ? null : a.getPhoneMasked();
            boolean seat = r.getStatus() == RegistrationStatus.CONFIRMED;
            CheckIn c = seat ? admissions.get(r.getId()) : null;
            out.add(new Found(new Person(r.getId(), r.number(), a == null ? null : Masking.name(a.getDisplayName()),
                    masked == null || masked.length() < 4 ? null : masked.substring(masked.length() - 4), r.getCategory(),
                    seat ? passes.get(r.getId()) : null, c == null ? null : Times.local(c.getScannedAt()),
                    c == null ? null : c.getStationName() == null ? STAFF : c.getStationName(), r.getStatus()),
                    a == null ? null : a.getDisplayName()));
        }
        return out;
    }

    /**
     * Entries matching a character of the name (the volunteer types the name the person tells them; only the masked
     * one is shown), the phone's last four digits, or the registration number as the steward reads it off a printed
     * pass (R000123, 000123 and 123 are the same number; 12 is not).
     */
    public List<Person> search(Long eventId, String query) {
        String q = query == null ? "" : query.strip().toUpperCase(Locale.ROOT);
        Long number = registrationNumber(q);
        return people(eventId, true).stream().filter(f -> q.isEmpty()
                || (number != null && number.equals(f.person().registrationId()))
                || (f.person().phoneTail() != null && f.person().phoneTail().equals(q))
                || (f.person().name() != null && f.person().name().contains(q))
                || (number == null && f.fullName() != null && f.fullName().toUpperCase(Locale.ROOT).contains(q)))
                .map(Found::person).limit(50).toList();
    }

    private static Long registrationNumber(String q) {
        String digits = q.startsWith("R") ? q.substring(1) : q;
        if (digits.isEmpty() || digits.length() > 12 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return Long.valueOf(digits);
    }

    /** The registrations admitted at the event's doors: those who attended. */
    public Set<Long> admitted(Long eventId) {
        return new HashSet<>(em.createQuery("select c.admittedRegistrationId from CheckIn c where c.eventId = :e and c.admittedRegistrationId is not null",
                Long.class).setParameter("e", eventId).getResultList());
    }

    public record PublicKey(int id, String algorithm, String publicKey, OffsetDateTime expiresAt) {}

    public record VerificationKey(Long eventId, List<PublicKey> keys, List<Long> revoked, String rosterVersion,
                                  OffsetDateTime checkInOpensAt, OffsetDateTime checkInClosesAt, List<Person> roster) {}

    /** Public keys, revoked pass ids and the roster: what a station needs to verify passes offline. */
    public VerificationKey verificationKey(Event event) {
        List<PublicKey> publicKeys = keys.all().stream().map(k -> new PublicKey(k.id(), "Ed25519", k.publicKeyText(),
                Times.local(k.expiresAt()))).toList();
        List<Long> revoked = passes.revokedIds(event.getId());
        List<Person> roster = roster(event.getId());
        long passSum = roster.stream().mapToLong(p -> p.passId() == null ? 0 : p.passId()).sum();
        String version = Long.toString(roster.size(), 36) + "-" + Long.toString(passSum, 36) + "-" + revoked.size()
                + "-" + roster.stream().filter(p -> p.checkedInAt() != null).count();
        return new VerificationKey(event.getId(), publicKeys, revoked, version,
                Times.local(event.getStartsAt().minus(CheckIns.OPENS_BEFORE)), Times.local(event.getEndsAt()), roster);
    }
}
