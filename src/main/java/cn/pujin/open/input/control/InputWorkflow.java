package cn.pujin.open.input.control;

import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.input.entity.CitizenInput;
import cn.pujin.open.input.entity.Handling;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one workflow of citizen input (跟踪督办), for every kind ({@link InputSource}): assign to a department with due
 * dates on the working-day calendar, acknowledge, answer with an outcome and a reason ("not adopted" must say why),
 * review and publish by someone other than the answerer or return with a reason, rate by the author. Every transition
 * leaves an audit entry; the department's handlers and the author are told.
 */
@ApplicationScoped
public class InputWorkflow {

    public static final int TEXT_MAX = 2000;
    public static final int REASON_MIN = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    Departments departments;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Notifications notifications;

    /**
     * The author, the person who entered it, organisers, reviewers and admins see an input; a handler only while it is
     * with their department; everyone else gets 404, as if it did not exist.
     */
    public <T extends CitizenInput> T visible(InputActor actor, InputSource<T> source, Long id) {
        T input = id == null ? null : em.find(source.type(), id);
        if (input == null || !maySee(actor, input)) {
            throw Problem.notFound();
        }
        return input;
    }

    public static boolean maySee(InputActor actor, CitizenInput input) {
        return actor.staff() || actor.id().equals(input.getAuthorId()) || actor.id().equals(input.getEnteredBy())
                || handles(actor, input);
    }

    /** A handler of the department the input is with. */
    public static boolean handles(InputActor actor, CitizenInput input) {
        return actor.handler() && actor.departmentId() != null && actor.departmentId().equals(input.handling().getDepartmentId());
    }

    @Transactional
    public <T extends CitizenInput> T assign(InputActor actor, InputSource<T> source, Long id, Long departmentId) {
        return assign(actor, source, id, departmentId, true);
    }

    /**
     * Assigns; with {@code tell} false the department's handlers are not told of this one input (a kind that assigns
     * several together tells them once, with {@link #tellHandlers(InputSource, CitizenInput, Long, String, Object[])}).
     */
    @Transactional
    public <T extends CitizenInput> T assign(InputActor actor, InputSource<T> source, Long id, Long departmentId, boolean tell) {
        requireRole(actor.organiser());
        T input = visible(actor, source, id);
        Department department = departments.find(departmentId)
                .orElseThrow(() -> Problem.invalid("departmentId", "suggestion.department.unknown"));
        LocalDate today = LocalDate.now(clock);
        Handling h = input.handling();
        InputStatus before = h.getStatus();
        if (source.clockFromReceipt()) {
            h.assignKeepingDates(actor.id(), departmentId, clock.instant());
        } else {
            h.assign(actor.id(), departmentId, calendar.plus(today, 0), calendar.plus(today, source.answerDays(input)), clock.instant());
        }
        audit.record(actor.id(), source.noun(), id, source.noun() + ".assign", before, h.getStatus(), department.getName());
        if (tell) {
            tellHandlers(source, input, departmentId, "assigned", source.mailArgs(input), false);
        }
        return input;
    }

    @Transactional
    public <T extends CitizenInput> T acknowledge(InputActor actor, InputSource<T> source, Long id) {
        T input = handled(actor, source, id);
        if (source.clockFromReceipt()) {
            input.handling().acknowledgeOnReceipt(clock.instant());
        } else {
            input.handling().acknowledge(clock.instant());
        }
        audit.record(actor.id(), source.noun(), id, source.noun() + ".acknowledge", input.handling().getStatus(),
                input.handling().getStatus(), null);
        return input;
    }

    /**
     * An organiser moves the answer's due date to a later working day, for a reason of at least ten characters that is
     * kept, shown to the author and audited.
     */
    @Transactional
    public <T extends CitizenInput> T extend(InputActor actor, InputSource<T> source, Long id, LocalDate dueOn, String reason) {
        requireRole(actor.organiser());
        T input = visible(actor, source, id);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (dueOn == null || !calendar.days().isWorkingDay(dueOn)) {
            errors.add(new Problem.FieldError("dueOn", "input.extend.workingDay"));
        }
        String why = Texts.strip(reason);
        if (why == null || Texts.length(why) < REASON_MIN || Texts.length(why) > 500) {
            errors.add(new Problem.FieldError("reason", "validation.length", REASON_MIN, 500));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        LocalDate before = input.handling().getDueOn();
        input.handling().extend(dueOn, why, clock.instant());
        audit.record(actor.id(), source.noun(), id, source.noun() + ".extend", before, dueOn, why);
        return input;
    }

    /** Answers need an outcome and a reason of at least ten characters; "not adopted" must say why. */
    @Transactional
    public <T extends CitizenInput> T answer(InputActor actor, InputSource<T> source, Long id, String outcome, String reason,
                                             String plan) {
        // who may answer is checked before what they sent: others learn nothing from validation messages
        T input = handled(actor, source, id);
        List<Problem.FieldError> errors = new ArrayList<>();
        Outcome o = null;
        try {
            o = outcome == null ? null : Outcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (o == null) {
            errors.add(new Problem.FieldError("outcome", "validation.enum", List.of(Outcome.values())));
        }
        String why = Texts.strip(reason);
        if (why == null || Texts.length(why) < REASON_MIN || Texts.length(why) > TEXT_MAX) {
            errors.add(new Problem.FieldError("reason",
                    o == Outcome.NOT_ADOPTED ? "suggestion.reason.whyNot" : "suggestion.reason.size", REASON_MIN, TEXT_MAX));
        }
        String how = Texts.strip(plan);
        if (how != null && Texts.length(how) > TEXT_MAX) {
            errors.add(new Problem.FieldError("plan", "validation.size.max.n", TEXT_MAX));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        InputStatus before = input.handling().getStatus();
        input.handling().answer(actor.id(), o, why, how, clock.instant());
        audit.record(actor.id(), source.noun(), id, source.noun() + ".answer", before, input.handling().getStatus(), o.name());
        return input;
    }

    /** The input as the handler of its department (or an organiser) sees it; other handlers get 404. */
    public <T extends CitizenInput> T handled(InputActor actor, InputSource<T> source, Long id) {
        requireRole(actor.handler() || actor.organiser());
        T input = id == null ? null : em.find(source.type(), id);
        if (input == null || !(handles(actor, input) || actor.organiser())) {
            throw Problem.notFound();
        }
        return input;
    }

    @Transactional
    public <T extends CitizenInput> T publish(InputActor actor, InputSource<T> source, Long id) {
        requireRole(actor.reviewer());
        T input = visible(actor, source, id);
        InputStatus before = input.handling().getStatus();
        input.handling().publish(actor.id(), clock.instant());
        audit.record(actor.id(), source.noun(), id, source.noun() + ".publish", before, input.handling().getStatus(), null);
        if (input.getAuthorId() != null) {
            notifications.notify(input.getAuthorId(), source.eventOf(input), kind(source, "answered"),
                    "mail." + source.noun() + ".answered", source.answeredArgs(input), null);
        }
        return input;
    }

    @Transactional
    public <T extends CitizenInput> T returnAnswer(InputActor actor, InputSource<T> source, Long id, String reason) {
        return returnAnswer(actor, source, id, reason, true);
    }

    /** Returns; with {@code tell} false the handlers are not told of this one input (see {@link #assign}). */
    @Transactional
    public <T extends CitizenInput> T returnAnswer(InputActor actor, InputSource<T> source, Long id, String reason, boolean tell) {
        requireRole(actor.reviewer());
        String why = Texts.strip(reason);
        if (why == null || Texts.length(why) > 500) {
            throw Problem.invalid("reason", "validation.length", 1, 500);
        }
        T input = visible(actor, source, id);
        InputStatus before = input.handling().getStatus();
        input.handling().returnAnswer(actor.id(), why);
        audit.record(actor.id(), source.noun(), id, source.noun() + ".return", before, input.handling().getStatus(), why);
        if (tell) {
            tellHandlers(source, input, input.handling().getDepartmentId(), "returned", returnedArgs(source, input), false);
        }
        return input;
    }

    /** The arguments of the "returned" notice: the kind's mail arguments and {5} the reviewer's reason. */
    public <T extends CitizenInput> Object[] returnedArgs(InputSource<T> source, T input) {
        Object[] args = Arrays.copyOf(source.mailArgs(input), 6);
        args[5] = input.handling().getReturnedReason();
        return args;
    }

    /**
     * The author rates a published answer once. Someone else's published input is 403, an unpublished one of someone
     * else 404 (it does not exist for them).
     */
    @Transactional
    public <T extends CitizenInput> T rate(InputActor actor, InputSource<T> source, Long id, Integer stars, String comment) {
        T input = id == null ? null : em.find(source.type(), id);
        if (input == null) {
            throw Problem.notFound();
        }
        if (!actor.id().equals(input.getAuthorId())) {
            if (input.handling().getStatus() == InputStatus.PUBLISHED || maySee(actor, input)) {
                throw Problem.forbidden(ProblemCode.NOT_AUTHOR, "suggestion.rate.notAuthor");
            }
            throw Problem.notFound();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (stars == null || stars < 1 || stars > 5) {
            errors.add(new Problem.FieldError("stars", "validation.range", 1, 5));
        }
        String note = Texts.strip(comment);
        if (note != null && Texts.length(note) > 500) {
            errors.add(new Problem.FieldError("comment", "validation.size.max.n", 500));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        input.handling().rate(stars, note, clock.instant());
        audit.record(actor.id(), source.noun(), id, source.noun() + ".rate", null, stars, note);
        return input;
    }

    /** The organiser has looked at a badly rated answer. */
    @Transactional
    public <T extends CitizenInput> T clearFlag(InputActor actor, InputSource<T> source, Long id) {
        requireRole(actor.organiser());
        T input = visible(actor, source, id);
        input.handling().clearFlag();
        audit.record(actor.id(), source.noun(), id, source.noun() + ".flag.clear", "FLAGGED", null, null);
        return input;
    }

    /**
     * A notice to every handler of the department; with {@code orAssigner}, to whoever assigned it when the department
     * has no handler (a reminder must reach someone).
     */
    /** A notice ({@code mail.NOUN.WHAT}) to every handler of the department about an input (or a group of them). */
    public <T extends CitizenInput> void tellHandlers(InputSource<T> source, T input, Long departmentId, String what, Object[] args) {
        tellHandlers(source, input, departmentId, what, args, false);
    }

    <T extends CitizenInput> void tellHandlers(InputSource<T> source, T input, Long departmentId, String what, Object[] args,
                                               boolean orAssigner) {
        List<Account> handlers = departments.handlers(departmentId);
        String key = "mail." + source.noun() + "." + what;
        if (handlers.isEmpty() && orAssigner && input.handling().getAssignedBy() != null) {
            notifications.notify(input.handling().getAssignedBy(), source.eventOf(input), kind(source, what), key, args, null);
        }
        for (Account handler : handlers) {
            notifications.notify(handler.getId(), source.eventOf(input), kind(source, what), key, args, null);
        }
    }

    /** The notice's kind: {@code SUGGESTION_ASSIGNED}, {@code SUGGESTION_DUE_TOMORROW}… */
    static String kind(InputSource<?> source, String what) {
        return (source.noun() + "_" + what.replaceAll("([a-z])([A-Z])", "$1_$2")).toUpperCase(Locale.ROOT);
    }

    /** The outcome in words, as mails say it. */
    public static String outcomeLabel(Outcome o) {
        return Messages.get(Messages.CHINESE, "suggestion.outcome." + o.name());
    }

    private static void requireRole(boolean allowed) {
        if (!allowed) {
            throw Problem.forbidden();
        }
    }
}
