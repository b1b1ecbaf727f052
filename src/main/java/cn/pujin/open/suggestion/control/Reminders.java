package cn.pujin.open.suggestion.control;

import cn.pujin.open.account.entity.Account;
import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.ChainedTask;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.WorkingDayCalendar;
import cn.pujin.open.suggestion.entity.Suggestion;
import cn.pujin.open.suggestion.entity.SuggestionStatus;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminder mails of supervision (督办提醒): on the working day before an answer is due, and on every working
 * day it is overdue. Runs on the platform's managed scheduler every few minutes; a row per suggestion and
 * day, written under the suggestion's row lock, makes it send at most once a day however many instances
 * run it and however often.
 */
@ApplicationScoped
public class Reminders {

    public enum Kind { DUE_TOMORROW, OVERDUE }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Suggestions suggestions;

    @Inject
    Notifications notifications;

    @Inject
    Audit audit;

    @Inject
    Reminders self;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "REMINDER_INTERVAL_SECONDS", defaultValue = "300")
    long intervalSeconds;

    private ChainedTask chain;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        Duration every = Duration.ofSeconds(Math.max(1, intervalSeconds));
        chain = new ChainedTask(scheduler, "reminder run", this::runToday);
        chain.start(every, every);
    }

    @PreDestroy
    void stop() {
        if (chain != null) {
            chain.stop();
        }
    }

    public record Run(LocalDate date, boolean workingDay, int sent) {}

    public Run runToday() {
        LocalDate today = LocalDate.now(clock);
        if (!calendar.days().isWorkingDay(today)) {
            return new Run(today, false, 0);
        }
        LocalDate tomorrow = calendar.plus(today, 1);
        List<Long> due = em.createQuery("""
                        select s.id from Suggestion s where s.status = :assigned and s.dueOn is not null
                        and (s.dueOn = :tomorrow or s.dueOn < :today) order by s.dueOn, s.id""", Long.class)
                .setParameter("assigned", SuggestionStatus.ASSIGNED).setParameter("tomorrow", tomorrow)
                .setParameter("today", today).getResultList();
        int sent = 0;
        for (Long id : due) {
            if (self.remind(id, today, tomorrow)) {
                sent++;
            }
        }
        return new Run(today, true, sent);
    }

    /** One suggestion, in its own transaction: true when this call sent today's reminder. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean remind(Long suggestionId, LocalDate today, LocalDate tomorrow) {
        Suggestion s = em.find(Suggestion.class, suggestionId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || s.getStatus() != SuggestionStatus.ASSIGNED || s.getDueOn() == null) {
            return false;
        }
        Kind kind = s.getDueOn().equals(tomorrow) ? Kind.DUE_TOMORROW : s.getDueOn().isBefore(today) ? Kind.OVERDUE : null;
        if (kind == null) {
            return false;
        }
        long already = ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM suggestion_reminder WHERE suggestion_id = ?1 AND sent_on = ?2")
                .setParameter(1, suggestionId).setParameter(2, today).getSingleResult()).longValue();
        if (already > 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO suggestion_reminder (suggestion_id, sent_on, kind) VALUES (?1, ?2, ?3)")
                .setParameter(1, suggestionId).setParameter(2, today).setParameter(3, kind.name()).executeUpdate();
        List<Account> handlers = suggestions.handlers(s.getDepartmentId());
        Object[] args = suggestions.mailArgs(s);
        String key = kind == Kind.DUE_TOMORROW ? "mail.suggestion.dueTomorrow" : "mail.suggestion.overdue";
        if (handlers.isEmpty()) {
            notifications.notify(s.getAssignedBy(), s.getEventId(), "SUGGESTION_" + kind, key, args, null);
        }
        for (Account handler : handlers) {
            notifications.notify(handler.getId(), s.getEventId(), "SUGGESTION_" + kind, key, args, null);
        }
        audit.record(null, "suggestion", suggestionId, "suggestion.remind", null, null, kind.name() + " " + today);
        return true;
    }
}
