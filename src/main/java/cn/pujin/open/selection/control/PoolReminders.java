package cn.pujin.open.selection.control;

import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.platform.control.ChainedTask;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.selection.entity.Representative;
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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminders before a pool member's yearly review (复核): {@code POOL_REMINDER_DAYS} (default 30) days before the review
 * date, and again 7 days before (or once it has passed). Each is claimed with a conditional UPDATE, so it goes out once
 * however many instances run the job; a re-confirmation moves the date and the reminders start again for the new one.
 */
@ApplicationScoped
public class PoolReminders {

    static final int LAST_CALL_DAYS = 7;

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifications notifications;

    @Inject
    Links links;

    @Inject
    Clock clock;

    @Inject
    PoolReminders self;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "POOL_REMINDER_DAYS", defaultValue = "30")
    int firstReminderDays;

    @Inject
    @ConfigProperty(name = "REMINDER_INTERVAL_SECONDS", defaultValue = "300")
    long intervalSeconds;

    private ChainedTask chain;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        chain = ChainedTask.every(scheduler, "pool reminder run", intervalSeconds, this::run);
    }

    @PreDestroy
    void stop() {
        ChainedTask.stop(chain);
    }

    public int firstReminderDays() {
        return firstReminderDays;
    }

    /** Sends what is due today; the number sent by this call. */
    public int run() {
        LocalDate today = LocalDate.now(clock);
        List<Representative> due = em.createQuery("""
                        select r from Representative r where r.active = true and r.reviewDueOn <= :first order by r.id""",
                        Representative.class).setParameter("first", today.plusDays(firstReminderDays)).getResultList();
        int sent = 0;
        for (Representative r : due) {
            int stage = r.getReviewDueOn().isAfter(today.plusDays(LAST_CALL_DAYS)) ? 1 : 2;
            if (self.remind(r.getId(), r.getReviewDueOn(), stage)) {
                sent++;
            }
        }
        return sent;
    }

    /** One member in its own transaction: true when this call claimed and sent the reminder of this stage. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean remind(Long id, LocalDate dueOn, int stage) {
        int claimed = em.createQuery("""
                        update Representative r set r.remindedFor = :due, r.reminders = :stage
                        where r.id = :id and r.reviewDueOn = :due
                        and (r.remindedFor is null or r.remindedFor <> :due or r.reminders < :stage)""")
                .setParameter("due", dueOn).setParameter("stage", stage).setParameter("id", id).executeUpdate();
        if (claimed == 0) {
            return false;
        }
        Representative r = em.find(Representative.class, id);
        notifications.notify(r.getAccountId(), null, "POOL_REVIEW_DUE", "mail.pool.reviewDue",
                new Object[]{dueOn.toString(), links.to("/me/representative.xhtml")}, null);
        return true;
    }
}
