package cn.pujin.open.registration.control;

import cn.pujin.open.event.control.Seats;
import cn.pujin.open.platform.control.ChainedTask;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.registration.control.RegistrationChanged.Change;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reminder the day before (活动提醒): from {@code EVENT_REMINDER_HOUR} (Shanghai time) on the day before an event,
 * every confirmed person gets one notice and mail. Each registration is claimed with a conditional UPDATE of its
 * {@code reminded_at}, so it goes out once however many instances run the job and however often.
 */
@ApplicationScoped
public class EventReminders {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Seats seats;

    @Inject
    Event<RegistrationChanged> changed;

    @Inject
    EventReminders self;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "EVENT_REMINDER_HOUR", defaultValue = "10")
    int hour;

    @Inject
    @ConfigProperty(name = "REMINDER_INTERVAL_SECONDS", defaultValue = "300")
    long intervalSeconds;

    private ChainedTask chain;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        chain = ChainedTask.every(scheduler, "event reminder run", intervalSeconds, this::run);
    }

    @PreDestroy
    void stop() {
        ChainedTask.stop(chain);
    }

    /** Sends what is due now; the number sent by this call. */
    public int run() {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(Clocks.ZONE));
        if (now.getHour() < Math.max(0, Math.min(23, hour))) {
            return 0;
        }
        LocalDate tomorrow = now.toLocalDate().plusDays(1);
        List<Long> events = seats.startingBetween(tomorrow.atStartOfDay(Clocks.ZONE).toInstant(),
                tomorrow.plusDays(1).atStartOfDay(Clocks.ZONE).toInstant());
        if (events.isEmpty()) {
            return 0;
        }
        List<Long> due = em.createQuery("""
                        select r.id from Registration r where r.eventId in :events and r.status = :confirmed
                        and r.remindedAt is null and r.accountId is not null order by r.id""", Long.class)
                .setParameter("events", events).setParameter("confirmed", RegistrationStatus.CONFIRMED).getResultList();
        int sent = 0;
        for (Long id : due) {
            if (self.remind(id)) {
                sent++;
            }
        }
        return sent;
    }

    /** One registration in its own transaction: true when this call claimed and sent its reminder. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean remind(Long registrationId) {
        int claimed = em.createQuery("""
                        update Registration r set r.remindedAt = :now
                        where r.id = :id and r.remindedAt is null and r.status = :confirmed""")
                .setParameter("now", clock.instant()).setParameter("id", registrationId)
                .setParameter("confirmed", RegistrationStatus.CONFIRMED).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        Registration r = em.find(Registration.class, registrationId);
        changed.fire(new RegistrationChanged(r.getId(), r.getEventId(), r.getAccountId(), Change.REMINDED, null));
        return true;
    }
}
