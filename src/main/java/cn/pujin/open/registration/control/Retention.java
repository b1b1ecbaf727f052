package cn.pujin.open.registration.control;

import cn.pujin.open.event.control.EventFacts;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.ChainedTask;
import cn.pujin.open.platform.control.Times;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Retention (PIPL: keep personal data no longer than needed): registrations of events that ended more than
 * {@code RETENTION_MONTHS} (default 24) ago are anonymised — given to the placeholder account -1 with their
 * statements, organisations and decision reasons cleared — so statistics keep counting them and no one can be
 * identified. Check-ins hold no personal fields beyond the link to the registration, which is what gets
 * anonymised. One UPDATE per event, idempotent (a second run, or another instance running at the same time, finds
 * nothing left), audited per event. Runs daily on the managed scheduler; admins preview and run it from a page.
 */
@ApplicationScoped
public class Retention {

    private static final Logger LOG = Logger.getLogger(Retention.class.getName());

    /** The placeholder account created by migration V6: a negative id, outside what the id sequence hands out. */
    public static final long ANONYMOUS = -1L;

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Retention self;

    @Inject
    @ConfigProperty(name = "RETENTION_MONTHS", defaultValue = "24")
    int months;

    @Inject
    @ConfigProperty(name = "RETENTION_INTERVAL_HOURS", defaultValue = "24")
    long intervalHours;

    @Resource
    ManagedScheduledExecutorService scheduler;

    public record Due(Long eventId, String title, OffsetDateTime endedAt, long registrations) {}

    public record Run(Instant cutoff, int events, long registrations) {}

    public int months() {
        return months;
    }

    @Inject
    EventFacts events;

    /** Events ended before this instant are past the retention period. */
    public Instant cutoff() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    /** What a run would anonymise now, oldest first. */
    public List<Due> preview() {
        List<EventFacts.Ended> ended = events.endedBefore(cutoff());
        if (ended.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> named = new HashMap<>();
        em.createQuery("""
                        select r.eventId, count(r) from Registration r where r.eventId in :ended and r.accountId <> :anonymous
                        group by r.eventId""", Object[].class)
                .setParameter("ended", ended.stream().map(EventFacts.Ended::eventId).toList()).setParameter("anonymous", ANONYMOUS)
                .getResultList().forEach(r -> named.put((Long) r[0], (Long) r[1]));
        List<Due> due = new ArrayList<>();
        for (EventFacts.Ended e : ended) {
            if (named.containsKey(e.eventId())) {
                due.add(new Due(e.eventId(), e.title(), Times.local(e.endsAt()), named.get(e.eventId())));
            }
        }
        return due;
    }

    /** Anonymises everything due; {@code actor} is the admin, or null for the scheduler. */
    public Run run(Long actor) {
        Instant cutoff = cutoff();
        int events = 0;
        long total = 0;
        for (Due d : preview()) {
            long n = self.anonymise(actor, d.eventId(), d.title());
            if (n > 0) {
                events++;
                total += n;
            }
        }
        return new Run(cutoff, events, total);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long anonymise(Long actor, Long eventId, String title) {
        int n = em.createNativeQuery("""
                        UPDATE registration SET account_id = ?1, active_account_id = NULL, statement = NULL,
                        organisation = NULL, decision_reason = NULL WHERE event_id = ?2 AND account_id <> ?1""")
                .setParameter(1, ANONYMOUS).setParameter(2, eventId).executeUpdate();
        if (n > 0) {
            audit.record(actor, "retention", eventId, "retention.anonymise", null, null, n + " · " + title);
        }
        return n;
    }

    private ChainedTask chain;

    /** First ten minutes after start, then every interval. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        chain = new ChainedTask(scheduler, "retention run", () -> {
            Run r = run(null);
            if (r.registrations() > 0) {
                LOG.info(() -> "retention: anonymised " + r.registrations() + " registrations of " + r.events() + " events");
            }
        });
        chain.start(Duration.ofMinutes(10), Duration.ofHours(Math.max(1, intervalHours)));
    }

    @PreDestroy
    void stop() {
        if (chain != null) {
            chain.stop();
        }
    }
}
