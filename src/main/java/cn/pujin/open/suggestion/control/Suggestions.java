package cn.pujin.open.suggestion.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.event.entity.AgendaItem;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.platform.control.WorkingDayCalendar;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.suggestion.entity.Channel;
import cn.pujin.open.suggestion.entity.Decision;
import cn.pujin.open.suggestion.entity.Milestone;
import cn.pujin.open.suggestion.entity.Outcome;
import cn.pujin.open.suggestion.entity.Suggestion;
import cn.pujin.open.suggestion.entity.SuggestionAttachment;
import cn.pujin.open.suggestion.entity.SuggestionSetting;
import cn.pujin.open.suggestion.entity.SuggestionStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Suggestions and their supervision (跟踪督办): who may write them and when, assignment to a department
 * with due dates on the working-day clock, answers with a reason, review before publication, feedback to
 * the author and the author's rating. Every transition leaves an audit entry.
 */
@ApplicationScoped
public class Suggestions {

    public static final int TEXT_MIN = 10;
    public static final int TEXT_MAX = 2000;
    public static final int REASON_MIN = 10;
    /** Open answers due within this many working days count as "due soon" on the dashboard. */
    public static final int DUE_SOON_WORKING_DAYS = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Accounts accounts;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Notifications notifications;

    /** Who is acting, with the roles that matter for suggestions. */
    public record Actor(Long id, boolean organiser, boolean reviewer, boolean handler, boolean admin, Long departmentId) {
        public boolean staff() {
            return organiser || reviewer || admin;
        }
    }

    // ---- writing ----

    @Transactional
    public Suggestion submit(Actor actor, Long eventId, SuggestionRequest request) {
        if (request == null) {
            throw Problem.invalid("text", "validation.required");
        }
        Seats.Bookable event = seats.bookable(eventId);
        boolean onBehalf = request.onBehalfOf() != null || request.channel() != null || request.registrationId() != null;
        String text = strip(request.text());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (text == null || length(text) < TEXT_MIN || length(text) > TEXT_MAX) {
            errors.add(new Problem.FieldError("text", "validation.length", TEXT_MIN, TEXT_MAX));
        }
        if (request.agendaItemId() != null) {
            AgendaItem item = em.find(AgendaItem.class, request.agendaItemId());
            if (item == null || !item.getEvent().getId().equals(eventId)) {
                errors.add(new Problem.FieldError("agendaItemId", "suggestion.agendaItem.unknown"));
            }
        }
        Channel channel = Channel.ONLINE;
        String onBehalfOf = null;
        Registration registration = null;
        if (onBehalf) {
            if (!actor.organiser() && !actor.handler()) {
                throw Problem.forbidden();
            }
            onBehalfOf = strip(request.onBehalfOf());
            if (onBehalfOf == null || length(onBehalfOf) > 40) {
                errors.add(new Problem.FieldError("onBehalfOf", "validation.length", 1, 40));
            }
            if (!"PAPER".equals(request.channel()) && !"ORAL".equals(request.channel())) {
                errors.add(new Problem.FieldError("channel", "validation.enum", List.of("PAPER", "ORAL")));
            } else {
                channel = Channel.valueOf(request.channel());
            }
            if (request.registrationId() != null) {
                registration = em.find(Registration.class, request.registrationId());
                if (registration == null || !registration.getEventId().equals(eventId)) {
                    errors.add(new Problem.FieldError("registrationId", "suggestion.registration.unknown"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        if (event.status() == EventStatus.CANCELLED) {
            throw Problem.conflict("EVENT_CANCELLED", "event.cancelled");
        }
        Instant now = clock.instant();
        Long authorId;
        if (onBehalf) {
            if (now.isBefore(event.startsAt())) {
                throw Problem.conflict("SUGGESTION_WINDOW_CLOSED", "suggestion.window.closed");
            }
            authorId = registration == null ? null : registration.getAccountId();
        } else {
            registration = attendance(actor.id(), eventId)
                    .orElseThrow(() -> Problem.forbidden("NOT_AN_ATTENDEE", "suggestion.notAttendee"));
            Instant closes = event.endsAt().plus(Duration.ofDays(setting(eventId).getWindowDays()));
            if (now.isBefore(event.startsAt()) || now.isAfter(closes)) {
                throw Problem.conflict("SUGGESTION_WINDOW_CLOSED", "suggestion.window.closed");
            }
            authorId = actor.id();
        }
        Suggestion s = new Suggestion(eventId, request.agendaItemId(), registration == null ? null : registration.getId(),
                authorId, onBehalfOf, channel, actor.id(), text, now);
        em.persist(s);
        em.flush();
        audit.record(actor.id(), "suggestion", s.getId(), "suggestion.create", null, s.getStatus(),
                onBehalf ? channel.name() : null);
        return s;
    }

    /** A confirmed registration, or one admitted at the door, makes someone an attendee. */
    Optional<Registration> attendance(Long accountId, Long eventId) {
        return em.createQuery("""
                        select r from Registration r where r.accountId = :a and r.eventId = :e and (r.status = :confirmed
                        or exists (select c.id from CheckIn c where c.admittedRegistrationId = r.id))""", Registration.class)
                .setParameter("a", accountId).setParameter("e", eventId).setParameter("confirmed", RegistrationStatus.CONFIRMED)
                .setMaxResults(1).getResultStream().findFirst();
    }

    public boolean canSuggest(Long accountId, Long eventId) {
        if (accountId == null || attendance(accountId, eventId).isEmpty()) {
            return false;
        }
        Seats.Bookable event = seats.bookable(eventId);
        Instant now = clock.instant();
        return !now.isBefore(event.startsAt())
                && !now.isAfter(event.endsAt().plus(Duration.ofDays(setting(eventId).getWindowDays())));
    }

    @Transactional
    public SuggestionAttachment attach(Actor actor, Long suggestionId, String fileName, byte[] content) {
        Suggestion s = visible(actor, suggestionId);
        if (!actor.id().equals(s.getAuthorId()) && !actor.id().equals(s.getEnteredBy())) {
            throw Problem.forbidden();
        }
        if (s.getStatus() == SuggestionStatus.PUBLISHED) {
            throw Problem.conflict("INVALID_TRANSITION", "suggestion.transition.invalid", "attach", s.getStatus());
        }
        if (content == null || content.length == 0) {
            throw Problem.invalid("file", "validation.required");
        }
        if (content.length > Attachments.MAX_BYTES) {
            throw new Problem(413, "PAYLOAD_TOO_LARGE", "suggestion.attachment.tooLarge", null, null, Attachments.MAX_BYTES / 1024 / 1024);
        }
        String type = cn.pujin.open.platform.control.FileTypes.sniff(content)
                .orElseThrow(() -> Problem.badRequest("ATTACHMENT_TYPE", "suggestion.attachment.type"));
        em.lock(s, LockModeType.PESSIMISTIC_WRITE);
        long count = em.createQuery("select count(a) from SuggestionAttachment a where a.suggestionId = :s", Long.class)
                .setParameter("s", suggestionId).getSingleResult();
        if (count >= Attachments.MAX_PER_SUGGESTION) {
            throw Problem.conflict("TOO_MANY_ATTACHMENTS", "suggestion.attachment.tooMany", Attachments.MAX_PER_SUGGESTION);
        }
        SuggestionAttachment a = new SuggestionAttachment(suggestionId, Attachments.safeName(fileName, type), type, content,
                clock.instant());
        em.persist(a);
        audit.record(actor.id(), "suggestion", suggestionId, "suggestion.attach", null, null, a.getFileName());
        return a;
    }

    public SuggestionAttachment attachment(Actor actor, Long suggestionId, Long attachmentId) {
        visible(actor, suggestionId);
        SuggestionAttachment a = em.find(SuggestionAttachment.class, attachmentId);
        if (a == null || !a.getSuggestionId().equals(suggestionId)) {
            throw Problem.notFound();
        }
        return a;
    }

    // ---- who sees what ----

    /**
     * The author, organisers, reviewers and admins see a suggestion; a handler only while it is with their
     * department; everyone else gets 404, as if it did not exist.
     */
    public Suggestion visible(Actor actor, Long id) {
        Suggestion s = id == null ? null : em.find(Suggestion.class, id);
        if (s == null || !maySee(actor, s)) {
            throw Problem.notFound();
        }
        return s;
    }

    private static boolean maySee(Actor actor, Suggestion s) {
        return actor.staff() || actor.id().equals(s.getAuthorId()) || actor.id().equals(s.getEnteredBy()) || handles(actor, s);
    }

    private static boolean handles(Actor actor, Suggestion s) {
        return actor.handler() && actor.departmentId() != null && actor.departmentId().equals(s.getDepartmentId());
    }

    // ---- supervision ----

    @Transactional
    public Suggestion assign(Actor actor, Long id, Long departmentId) {
        requireRole(actor.organiser());
        Suggestion s = visible(actor, id);
        Department department = departmentId == null ? null : em.find(Department.class, departmentId);
        if (department == null) {
            throw Problem.invalid("departmentId", "suggestion.department.unknown");
        }
        LocalDate today = today();
        SuggestionStatus before = s.getStatus();
        s.assign(actor.id(), departmentId, calendar.plus(today, 0),
                calendar.plus(today, setting(s.getEventId()).getAnswerDays()), clock.instant());
        audit.record(actor.id(), "suggestion", id, "suggestion.assign", before, s.getStatus(), department.getName());
        for (Account handler : handlers(departmentId)) {
            notifications.notify(handler.getId(), s.getEventId(), "SUGGESTION_ASSIGNED", "mail.suggestion.assigned",
                    mailArgs(s), null);
        }
        return s;
    }

    @Transactional
    public Suggestion acknowledge(Actor actor, Long id) {
        Suggestion s = handled(actor, id);
        s.acknowledge(clock.instant());
        audit.record(actor.id(), "suggestion", id, "suggestion.acknowledge", s.getStatus(), s.getStatus(), null);
        return s;
    }

    /** Answers need an outcome and a reason of at least ten characters; "not adopted" must say why. */
    @Transactional
    public Suggestion answer(Actor actor, Long id, String outcome, String reason, String plan) {
        // who may answer is checked before what they sent: others learn nothing from validation messages
        Suggestion s = handled(actor, id);
        List<Problem.FieldError> errors = new ArrayList<>();
        Outcome o = null;
        try {
            o = outcome == null ? null : Outcome.valueOf(outcome);
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (o == null) {
            errors.add(new Problem.FieldError("outcome", "validation.enum", Arrays.toString(Outcome.values())));
        }
        String why = strip(reason);
        if (why == null || length(why) < REASON_MIN || length(why) > TEXT_MAX) {
            errors.add(new Problem.FieldError("reason",
                    o == Outcome.NOT_ADOPTED ? "suggestion.reason.whyNot" : "suggestion.reason.size", REASON_MIN, TEXT_MAX));
        }
        String how = strip(plan);
        if (how != null && length(how) > TEXT_MAX) {
            errors.add(new Problem.FieldError("plan", "validation.size.max.n", TEXT_MAX));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        SuggestionStatus before = s.getStatus();
        s.answer(actor.id(), o, why, how, clock.instant());
        audit.record(actor.id(), "suggestion", id, "suggestion.answer", before, s.getStatus(), o.name());
        return s;
    }

    /** The suggestion as the handler of its department (or an organiser) sees it; other handlers get 404. */
    private Suggestion handled(Actor actor, Long id) {
        requireRole(actor.handler() || actor.organiser());
        Suggestion s = id == null ? null : em.find(Suggestion.class, id);
        if (s == null || !(handles(actor, s) || actor.organiser())) {
            throw Problem.notFound();
        }
        return s;
    }

    @Transactional
    public Suggestion publish(Actor actor, Long id) {
        requireRole(actor.reviewer());
        Suggestion s = visible(actor, id);
        SuggestionStatus before = s.getStatus();
        s.publish(actor.id(), clock.instant());
        audit.record(actor.id(), "suggestion", id, "suggestion.publish", before, s.getStatus(), null);
        if (s.getAuthorId() != null) {
            String decision = decisionText(s.getAgendaItemId()).orElse("");
            Object[] args = Arrays.copyOf(mailArgs(s), 9);
            args[5] = outcomeLabel(s.getOutcome());
            args[6] = s.getReason();
            args[7] = decision.isEmpty() ? "—" : decision;
            args[8] = s.getPlan() == null ? "—" : s.getPlan();
            notifications.notify(s.getAuthorId(), s.getEventId(), "SUGGESTION_ANSWERED", "mail.suggestion.answered", args, null);
        }
        return s;
    }

    @Transactional
    public Suggestion returnAnswer(Actor actor, Long id, String reason) {
        requireRole(actor.reviewer());
        String why = strip(reason);
        if (why == null || length(why) > 500) {
            throw Problem.invalid("reason", "validation.length", 1, 500);
        }
        Suggestion s = visible(actor, id);
        SuggestionStatus before = s.getStatus();
        s.returnAnswer(actor.id(), why);
        audit.record(actor.id(), "suggestion", id, "suggestion.return", before, s.getStatus(), why);
        for (Account handler : handlers(s.getDepartmentId())) {
            Object[] args = Arrays.copyOf(mailArgs(s), 6);
            args[5] = why;
            notifications.notify(handler.getId(), s.getEventId(), "SUGGESTION_RETURNED", "mail.suggestion.returned", args, null);
        }
        return s;
    }

    /**
     * The author rates a published answer once. Someone else's published suggestion is 403, an unpublished one
     * of someone else 404 (it does not exist for them).
     */
    @Transactional
    public Suggestion rate(Actor actor, Long id, Integer stars, String comment) {
        Suggestion s = id == null ? null : em.find(Suggestion.class, id);
        if (s == null) {
            throw Problem.notFound();
        }
        if (!actor.id().equals(s.getAuthorId())) {
            if (s.getStatus() == SuggestionStatus.PUBLISHED || maySee(actor, s)) {
                throw Problem.forbidden("NOT_AUTHOR", "suggestion.rate.notAuthor");
            }
            throw Problem.notFound();
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (stars == null || stars < 1 || stars > 5) {
            errors.add(new Problem.FieldError("stars", "validation.range", 1, 5));
        }
        String note = strip(comment);
        if (note != null && length(note) > 500) {
            errors.add(new Problem.FieldError("comment", "validation.size.max.n", 500));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        s.rate(stars, note, clock.instant());
        audit.record(actor.id(), "suggestion", id, "suggestion.rate", null, stars, note);
        return s;
    }

    @Transactional
    public Suggestion clearFlag(Actor actor, Long id) {
        requireRole(actor.organiser());
        Suggestion s = visible(actor, id);
        s.clearFlag();
        audit.record(actor.id(), "suggestion", id, "suggestion.flag.clear", "FLAGGED", null, null);
        return s;
    }

    // ---- implementation milestones ----

    @Transactional
    public Milestone addMilestone(Actor actor, Long id, LocalDate dueOn, String text, Integer progress) {
        Suggestion s = handled(actor, id);
        if (s.getOutcome() == null || !s.getOutcome().isAdoption()) {
            throw Problem.conflict("NOT_ADOPTED", "suggestion.milestone.notAdopted");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (dueOn == null) {
            errors.add(new Problem.FieldError("date", "validation.date"));
        }
        String what = strip(text);
        if (what == null || length(what) > 500) {
            errors.add(new Problem.FieldError("text", "validation.length", 1, 500));
        }
        if (progress == null || progress < 0 || progress > 100) {
            errors.add(new Problem.FieldError("progress", "validation.range", 0, 100));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        Milestone m = new Milestone(id, dueOn, what, progress, actor.id(), clock.instant());
        em.persist(m);
        em.flush();
        audit.record(actor.id(), "milestone", m.getId(), "milestone.create", null, m.getStatus(), what);
        return m;
    }

    @Transactional
    public Milestone publishMilestone(Actor actor, Long milestoneId) {
        requireRole(actor.reviewer());
        Milestone m = milestoneId == null ? null : em.find(Milestone.class, milestoneId);
        if (m == null) {
            throw Problem.notFound();
        }
        Milestone.Status before = m.getStatus();
        m.publish(actor.id(), clock.instant());
        audit.record(actor.id(), "milestone", milestoneId, "milestone.publish", before, m.getStatus(), null);
        return m;
    }

    public List<Milestone> pendingMilestones() {
        return em.createQuery("select m from Milestone m where m.status = :p order by m.createdAt", Milestone.class)
                .setParameter("p", Milestone.Status.PENDING).setMaxResults(200).getResultList();
    }

    // ---- per-event settings ----

    public SuggestionSetting setting(Long eventId) {
        SuggestionSetting s = em.find(SuggestionSetting.class, eventId);
        return s != null ? s : new SuggestionSetting(eventId);
    }

    @Transactional
    public SuggestionSetting changeSetting(Actor actor, Long eventId, Integer windowDays, Integer answerDays) {
        requireRole(actor.organiser());
        seats.bookable(eventId);
        List<Problem.FieldError> errors = new ArrayList<>();
        if (windowDays == null || windowDays < 0 || windowDays > 90) {
            errors.add(new Problem.FieldError("windowDays", "validation.range", 0, 90));
        }
        if (answerDays == null || answerDays < 1 || answerDays > 120) {
            errors.add(new Problem.FieldError("answerDays", "validation.range", 1, 120));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        SuggestionSetting s = em.find(SuggestionSetting.class, eventId);
        if (s == null) {
            s = new SuggestionSetting(eventId);
            em.persist(s);
        }
        String before = s.getWindowDays() + "/" + s.getAnswerDays();
        s.change(windowDays, answerDays);
        audit.record(actor.id(), "event", eventId, "suggestion.settings", before, windowDays + "/" + answerDays, null);
        return s;
    }

    // ---- lists ----

    public record QueueFilter(SuggestionStatus status, Long departmentId, boolean overdue, Long eventId, boolean flagged) {}

    /** The work queue: organisers and reviewers see all, a handler only their department's. */
    public Page<Suggestion> queue(Actor actor, QueueFilter filter, Paging paging) {
        requireRole(actor.staff() || actor.handler());
        Long department = filter.departmentId();
        if (actor.handler() && !actor.staff()) {
            if (department != null && !department.equals(actor.departmentId())) {
                throw Problem.forbidden();
            }
            department = actor.departmentId() == null ? -1L : actor.departmentId();
        }
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.append(" and s.status = :status");
            params.put("status", filter.status());
        }
        if (department != null) {
            where.append(" and s.departmentId = :department");
            params.put("department", department);
        }
        if (filter.overdue()) {
            where.append(" and s.status = :assigned and s.dueOn < :today");
            params.put("assigned", SuggestionStatus.ASSIGNED);
            params.put("today", today());
        }
        if (filter.eventId() != null) {
            where.append(" and s.eventId = :event");
            params.put("event", filter.eventId());
        }
        if (filter.flagged()) {
            where.append(" and s.flaggedAt is not null");
        }
        TypedQuery<Suggestion> items = em.createQuery("select s from Suggestion s" + where
                + " order by s.dueOn nulls last, s.createdAt, s.id", Suggestion.class);
        TypedQuery<Long> count = em.createQuery("select count(s) from Suggestion s" + where, Long.class);
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(items.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList(),
                count.getSingleResult());
    }

    /** Own suggestions, including paper or oral ones staff entered for the person's registration. */
    public Page<Suggestion> mine(Long accountId, Paging paging) {
        List<Suggestion> items = em.createQuery(
                        "select s from Suggestion s where s.authorId = :a order by s.createdAt desc, s.id desc", Suggestion.class)
                .setParameter("a", accountId).setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList();
        long total = em.createQuery("select count(s) from Suggestion s where s.authorId = :a", Long.class)
                .setParameter("a", accountId).getSingleResult();
        return new Page<>(items, total);
    }

    /** Per department: open, due soon (within {@value #DUE_SOON_WORKING_DAYS} working days), overdue. */
    public record DepartmentLoad(Long departmentId, String department, long open, long dueSoon, long overdue,
                                 LocalDate oldestDueOn) {}

    public List<DepartmentLoad> dashboard(Actor actor) {
        requireRole(actor.organiser() || actor.reviewer() || actor.admin());
        LocalDate today = today();
        LocalDate soon = calendar.plus(today, DUE_SOON_WORKING_DAYS);
        List<Object[]> rows = em.createQuery("""
                        select s.departmentId,
                               count(s),
                               sum(case when s.dueOn >= :today and s.dueOn <= :soon then 1 else 0 end),
                               sum(case when s.dueOn < :today then 1 else 0 end),
                               min(s.dueOn)
                        from Suggestion s where s.status = :assigned group by s.departmentId""", Object[].class)
                .setParameter("today", today).setParameter("soon", soon)
                .setParameter("assigned", SuggestionStatus.ASSIGNED).getResultList();
        Map<Long, String> names = accounts.departments().stream().collect(Collectors.toMap(Department::getId, Department::getName));
        List<DepartmentLoad> loads = new ArrayList<>();
        for (Object[] r : rows) {
            Long d = (Long) r[0];
            loads.add(new DepartmentLoad(d, names.getOrDefault(d, "?"), ((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), (LocalDate) r[4]));
        }
        for (Map.Entry<Long, String> d : names.entrySet()) {
            if (loads.stream().noneMatch(l -> l.departmentId().equals(d.getKey()))) {
                loads.add(new DepartmentLoad(d.getKey(), d.getValue(), 0, 0, 0, null));
            }
        }
        loads.sort((a, b) -> a.oldestDueOn() == null ? (b.oldestDueOn() == null ? a.department().compareTo(b.department()) : 1)
                : b.oldestDueOn() == null ? -1 : a.oldestDueOn().compareTo(b.oldestDueOn()));
        return loads;
    }

    // ---- views ----

    public List<SuggestionView> views(Actor actor, List<Suggestion> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Suggestion::getId).toList();
        Map<Long, List<SuggestionView.AttachmentView>> files = new HashMap<>();
        em.createQuery("""
                        select a.id, a.suggestionId, a.fileName, a.mediaType, a.size from SuggestionAttachment a
                        where a.suggestionId in :ids order by a.id""", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> files.computeIfAbsent((Long) r[1], k -> new ArrayList<>())
                        .add(new SuggestionView.AttachmentView((Long) r[0], (String) r[2], (String) r[3], (Integer) r[4])));
        Map<Long, List<SuggestionView.MilestoneView>> steps = new HashMap<>();
        for (Milestone m : em.createQuery("select m from Milestone m where m.suggestionId in :ids order by m.dueOn, m.id",
                Milestone.class).setParameter("ids", ids).getResultList()) {
            boolean seeAll = actor.staff() || actor.handler();
            if (seeAll || m.getStatus() == Milestone.Status.PUBLISHED) {
                steps.computeIfAbsent(m.getSuggestionId(), k -> new ArrayList<>()).add(milestoneView(m));
            }
        }
        Map<Long, Account> people = accounts.byIds(list.stream().map(Suggestion::getAuthorId).filter(java.util.Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, String> departments = accounts.departments().stream()
                .collect(Collectors.toMap(Department::getId, Department::getName));
        LocalDate today = today();
        List<SuggestionView> views = new ArrayList<>();
        for (Suggestion s : list) {
            boolean full = actor.staff() || handles(actor, s) || s.getStatus() == SuggestionStatus.PUBLISHED;
            boolean own = actor.id().equals(s.getAuthorId());
            Account author = s.getAuthorId() == null ? null : people.get(s.getAuthorId());
            String authorName = author != null ? (own || actor.staff() || actor.handler() ? author.getDisplayName()
                    : Masking.name(author.getDisplayName())) : s.getOnBehalfOf();
            views.add(new SuggestionView(s.getId(), s.getEventId(), eventTitle(s.getEventId()), s.getAgendaItemId(),
                    agendaTitle(s.getAgendaItemId()), authorName, s.getChannel().name(), s.getOnBehalfOf(), s.getText(),
                    s.getStatus().name(), Times.local(s.getCreatedAt()), s.getDepartmentId(),
                    departments.get(s.getDepartmentId()), Times.local(s.getAssignedAt()), s.getAcknowledgeDueOn(),
                    Times.local(s.getAcknowledgedAt()), s.getDueOn(), s.isOverdue(today),
                    full ? Times.local(s.getAnsweredAt()) : null, full && s.getOutcome() != null ? s.getOutcome().name() : null,
                    full ? s.getReason() : null, full ? s.getPlan() : null,
                    actor.staff() || handles(actor, s) ? s.getReturnedReason() : null,
                    Times.local(s.getPublishedAt()), s.getRating(), s.getRatingComment(), Times.local(s.getRatedAt()),
                    s.isFlagged(), decisionText(s.getAgendaItemId()).orElse(null),
                    files.getOrDefault(s.getId(), List.of()), steps.getOrDefault(s.getId(), List.of()), s.getVersion()));
        }
        return views;
    }

    public SuggestionView view(Actor actor, Suggestion s) {
        return views(actor, List.of(s)).get(0);
    }

    static SuggestionView.MilestoneView milestoneView(Milestone m) {
        return new SuggestionView.MilestoneView(m.getId(), m.getDueOn(), m.getText(), m.getProgress(), m.getStatus().name());
    }

    String eventTitle(Long eventId) {
        return seats.bookable(eventId).title();
    }

    String agendaTitle(Long agendaItemId) {
        AgendaItem item = agendaItemId == null ? null : em.find(AgendaItem.class, agendaItemId);
        return item == null ? null : item.getTitle();
    }

    Optional<String> decisionText(Long agendaItemId) {
        Decision d = agendaItemId == null ? null : em.find(Decision.class, agendaItemId);
        return Optional.ofNullable(d == null ? null : d.content().getPublishedText());
    }

    // ---- helpers ----

    List<Account> handlers(Long departmentId) {
        return em.createQuery("select a from Account a join a.roles r where r = :role and a.departmentId = :d", Account.class)
                .setParameter("role", cn.pujin.open.account.entity.Role.HANDLER).setParameter("d", departmentId).getResultList();
    }

    /** {0} event, {1} agenda item or "—", {2} suggestion number, {3} text excerpt, {4} due date. */
    Object[] mailArgs(Suggestion s) {
        String item = agendaTitle(s.getAgendaItemId());
        String excerpt = s.getText().length() > 80 ? s.getText().substring(0, 80) + "…" : s.getText();
        return new Object[]{eventTitle(s.getEventId()), item == null ? "—" : item, number(s.getId()), excerpt,
                s.getDueOn() == null ? "—" : s.getDueOn().toString()};
    }

    public static String number(Long id) {
        return "YJ" + String.format("%06d", id);
    }

    static String outcomeLabel(Outcome o) {
        return cn.pujin.open.platform.control.Messages.get(cn.pujin.open.platform.control.Messages.CHINESE,
                "suggestion.outcome." + o.name());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    private static void requireRole(boolean allowed) {
        if (!allowed) {
            throw Problem.forbidden();
        }
    }

    static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
