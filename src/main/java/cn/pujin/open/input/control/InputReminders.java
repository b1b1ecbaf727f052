package cn.pujin.open.input.control;

import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.input.entity.CitizenInput;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.ChainedTask;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reminder mails of supervision (督办提醒), for every kind of input: on the working day before an answer is due, and on
 * every working day it is overdue. Runs on the platform's managed scheduler every few minutes; a row per input and day
 * ({@code input_reminder}), written under the input's row lock, makes it send at most once a day however many instances
 * run it and however often.
 */
@ApplicationScoped
public class InputReminders {

    public enum Kind { DUE_TOMORROW, OVERDUE }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    InputQueues queues;

    @Inject
    InputWorkflow workflow;

    @Inject
    Audit audit;

    @Inject
    InputReminders self;

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @ConfigProperty(name = "REMINDER_INTERVAL_SECONDS", defaultValue = "300")
    long intervalSeconds;

    private ChainedTask chain;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        chain = ChainedTask.every(scheduler, "reminder run", intervalSeconds, this::runToday);
    }

    @PreDestroy
    void stop() {
        ChainedTask.stop(chain);
    }

    public record Run(LocalDate date, boolean workingDay, int sent) {}

    public Run runToday() {
        LocalDate today = LocalDate.now(clock);
        if (!calendar.days().isWorkingDay(today)) {
            return new Run(today, false, 0);
        }
        LocalDate tomorrow = calendar.plus(today, 1);
        int sent = 0;
        for (InputSource<?> source : queues.sources()) {
            List<Long> due = em.createQuery("select x.id from " + InputQueues.entity(source) + """
                             x where x.handling.status = :assigned and x.handling.dueOn is not null
                            and (x.handling.dueOn = :tomorrow or x.handling.dueOn < :today) order by x.handling.dueOn, x.id""", Long.class)
                    .setParameter("assigned", InputStatus.ASSIGNED).setParameter("tomorrow", tomorrow)
                    .setParameter("today", today).getResultList();
            for (Long id : due) {
                if (self.remind(source, id, today, tomorrow)) {
                    sent++;
                }
            }
        }
        return new Run(today, true, sent);
    }

    /** One input, in its own transaction: true when this call sent today's reminder. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T extends CitizenInput> boolean remind(InputSource<T> source, Long id, LocalDate today, LocalDate tomorrow) {
        T input = em.find(source.type(), id, LockModeType.PESSIMISTIC_WRITE);
        if (input == null || input.handling().getStatus() != InputStatus.ASSIGNED || input.handling().getDueOn() == null) {
            return false;
        }
        LocalDate dueOn = input.handling().getDueOn();
        Kind kind = dueOn.equals(tomorrow) ? Kind.DUE_TOMORROW : dueOn.isBefore(today) ? Kind.OVERDUE : null;
        if (kind == null) {
            return false;
        }
        long already = ((Number) em.createNativeQuery(
                        "SELECT COUNT(*) FROM input_reminder WHERE source = ?1 AND input_id = ?2 AND sent_on = ?3")
                .setParameter(1, source.noun()).setParameter(2, id).setParameter(3, today).getSingleResult()).longValue();
        if (already > 0) {
            return false;
        }
        em.createNativeQuery("INSERT INTO input_reminder (source, input_id, sent_on, kind) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, source.noun()).setParameter(2, id).setParameter(3, today).setParameter(4, kind.name()).executeUpdate();
        workflow.tellHandlers(source, input, input.handling().getDepartmentId(), kind == Kind.DUE_TOMORROW ? "dueTomorrow" : "overdue",
                source.mailArgs(input), true);
        audit.record(null, source.noun(), id, source.noun() + ".remind", null, null, kind.name() + " " + today);
        return true;
    }
}
