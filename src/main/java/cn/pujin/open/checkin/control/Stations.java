package cn.pujin.open.checkin.control;

import cn.pujin.open.account.control.StationKeys;
import cn.pujin.open.checkin.entity.Station;
import cn.pujin.open.event.control.EventFacts;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.ClusterBus;
import cn.pujin.open.platform.control.ExpiringCache;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Reception;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Check-in stations of an event. A station's key ({@code st_…}) is shown once at creation and kept only as
 * a SHA-256; as a Bearer token it can check in for its own event only, until it is revoked.
 */
@ApplicationScoped
public class Stations implements StationKeys {

    public static final String KEY_PREFIX = "st_";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Events events;

    @Inject
    Audit audit;

    /** What a scan needs to know of its station; cached for a few seconds so a busy door does not query it. */
    public record StationRef(Long id, Long eventId, String name) {}

    /** A revoked key stops working here at once, on other instances when they hear of it and at most this later. */
    static final Duration CACHED_FOR = Duration.ofSeconds(5);
    private final ExpiringCache<String, StationRef> byKeyHash = new ExpiringCache<>(CACHED_FOR, 10_000);
    private final ExpiringCache<Long, StationRef> byId = new ExpiringCache<>(CACHED_FOR, 10_000);

    public record StationView(Long id, Long eventId, String name, OffsetDateTime createdAt, boolean revoked, String key) {}

    @Transactional
    public StationView create(Long organiser, Long eventId, String name) {
        events.working(eventId);
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty() || clean.length() > 40) {
            throw Problem.invalid("name", "validation.length", 1, 40);
        }
        boolean taken = !em.createQuery("select s.id from Station s where s.eventId = :e and s.name = :n", Long.class)
                .setParameter("e", eventId).setParameter("n", clean).getResultList().isEmpty();
        if (taken) {
            throw Problem.conflict(ProblemCode.STATION_EXISTS, "station.exists", clean);
        }
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Station station = new Station(eventId, clean, hash(key), organiser, clock.instant());
        em.persist(station);
        audit.record(organiser, "station", station.getId(), "station.create", null, clean, null);
        return view(station, key);
    }

    public List<StationView> forEvent(Long eventId) {
        return em.createQuery("select s from Station s where s.eventId = :e order by s.id", Station.class)
                .setParameter("e", eventId).getResultStream().map(s -> view(s, null)).toList();
    }

    /** Every station of every event, newest first, with the event's title and how many scans it made: the admin overview. */
    public record StationOverview(Long id, Long eventId, String eventTitle, String name, OffsetDateTime createdAt,
                                  OffsetDateTime revokedAt, long scans) {}

    @Inject
    EventFacts eventFacts;

    public List<StationOverview> overview(int max) {
        List<Object[]> rows = em.createQuery("""
                        select s, (select count(c) from CheckIn c where c.stationId = s.id)
                        from Station s order by s.createdAt desc, s.id desc""", Object[].class).setMaxResults(max).getResultList();
        Map<Long, String> titles = eventFacts.titles(rows.stream().map(r -> ((Station) r[0]).getEventId()).collect(Collectors.toSet()));
        return rows.stream().filter(r -> titles.containsKey(((Station) r[0]).getEventId())).map(r -> {
            Station st = (Station) r[0];
            return new StationOverview(st.getId(), st.getEventId(), titles.get(st.getEventId()), st.getName(),
                    Times.local(st.getCreatedAt()), Times.local(st.getRevokedAt()), (Long) r[1]);
        }).toList();
    }

    @Transactional
    public StationView revoke(Long organiser, Long eventId, Long stationId) {
        Station station = get(eventId, stationId);
        if (!station.isRevoked()) {
            station.revoke(clock.instant());
            forgetHere(stationId);
            cluster.publish(ClusterBus.Kind.STATION, stationId);
            audit.record(organiser, "station", stationId, "station.revoke", null, "REVOKED", null);
        }
        return view(station, null);
    }

    @Inject
    ClusterBus cluster;

    void changedElsewhere(@Observes(notifyObserver = Reception.IF_EXISTS) ClusterBus.Changed change) {
        if (change.kind() == ClusterBus.Kind.STATION && change.id() != null) {
            forgetHere(change.id());
        }
    }

    private void forgetHere(Long stationId) {
        byKeyHash.removeIf(ref -> ref.id().equals(stationId));
        byId.removeIf(ref -> ref.id().equals(stationId));
    }

    public Station get(Long eventId, Long stationId) {
        Station station = stationId == null ? null : em.find(Station.class, stationId);
        if (station == null || (eventId != null && !station.getEventId().equals(eventId))) {
            throw Problem.notFound();
        }
        return station;
    }

    /** The active station a Bearer key belongs to. */
    @Override
    public Optional<Long> stationOf(String key) {
        return byKey(key).map(StationRef::id);
    }

    public Optional<StationRef> byKey(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX) || key.length() > 100) {
            return Optional.empty();
        }
        return Optional.ofNullable(byKeyHash.get(hash(key), h -> em.createQuery(
                        "select s from Station s where s.keyHash = :h and s.revokedAt is null", Station.class)
                .setParameter("h", h).getResultStream().findFirst().map(Stations::ref).orElse(null)));
    }

    /** An active station by id, for scans (404 when unknown or of another event, 409 when revoked). */
    public StationRef active(Long eventId, Long stationId) {
        if (stationId == null) {
            throw Problem.notFound();
        }
        StationRef ref = byId.get(stationId, id -> {
            Station station = get(null, id);
            if (station.isRevoked()) {
                throw Problem.conflict(ProblemCode.STATION_REVOKED, "station.revoked", station.getName());
            }
            return ref(station);
        });
        if (eventId != null && !ref.eventId().equals(eventId)) {
            throw Problem.notFound();
        }
        return ref;
    }

    private static StationRef ref(Station s) {
        return new StationRef(s.getId(), s.getEventId(), s.getName());
    }

    private static StationView view(Station s, String key) {
        return new StationView(s.getId(), s.getEventId(), s.getName(), Times.local(s.getCreatedAt()),
                s.isRevoked(), key);
    }

    static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
