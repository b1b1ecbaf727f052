package cn.pujin.open.selection.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputQueues;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.Waitlist;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.selection.entity.Objection;
import cn.pujin.open.selection.entity.Selection;
import cn.pujin.open.selection.entity.SelectionRevision;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Objections (异议) to a published selection during its 公示 period, answered through the one citizen-input workflow,
 * and the revision a sustained one leads to: the person objected to is removed, the first alternate moves up, and the
 * 公示 is re-published with the revision listed — never a silent change.
 */
@ApplicationScoped
public class Objections {

    public static final int TEXT_MIN = 10;

    @PersistenceContext
    EntityManager em;

    @Inject
    ObjectionSource source;

    @Inject
    InputWorkflow workflow;

    @Inject
    InputQueues queues;

    @Inject
    Selections selections;

    @Inject
    Waitlist waitlist;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Accounts accounts;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    public record ObjectionRequest(String text) {}

    public record RevisionRequest(Long objectionId, Long registrationId) {}

    /** An objection as its reader may see it: the author's name masked, and only for staff and the author. */
    public record ObjectionView(Long id, String number, Long eventId, String text, InputStatus status, OffsetDateTime createdAt,
                                LocalDate dueOn, Long departmentId, Outcome outcome, String reason, OffsetDateTime answeredAt,
                                OffsetDateTime publishedAt, String returnedReason, Integer rating, String author, boolean mine) {}

    @Transactional
    public Objection raise(Long author, Long eventId, ObjectionRequest request) {
        Selection selection = em.find(Selection.class, eventId);
        if (selection == null || !selection.isPublished()) {
            throw Problem.notFound();
        }
        if (selection.getObjectionsCloseAt() == null || !clock.instant().isBefore(selection.getObjectionsCloseAt())) {
            throw Problem.conflict(ProblemCode.OBJECTION_CLOSED, "selection.objection.closed");
        }
        String text = request == null ? null : Texts.strip(request.text());
        if (text == null || Texts.length(text) < TEXT_MIN || Texts.length(text) > InputWorkflow.TEXT_MAX) {
            throw Problem.invalid("text", "validation.length", TEXT_MIN, InputWorkflow.TEXT_MAX);
        }
        LocalDate received = calendar.plus(LocalDate.now(clock), 0);
        Objection objection = new Objection(eventId, author, text, received, clock.instant());
        objection.handling().receive(received, calendar.plus(received, source.answerDays(objection)));
        em.persist(objection);
        em.flush();
        audit.record(author, "objection", objection.getId(), "objection.create", null, objection.handling().getStatus(), null);
        return objection;
    }

    /** The objections to one meeting's selection: all for staff, the published answers (and one's own) for others. */
    public List<Objection> ofEvent(Long eventId, InputActor actor) {
        return em.createQuery("select o from Objection o where o.eventId = :e order by o.createdAt, o.id", Objection.class)
                .setParameter("e", eventId).getResultStream()
                .filter(o -> (actor != null && InputWorkflow.maySee(actor, o)) || o.handling().getStatus() == InputStatus.PUBLISHED)
                .toList();
    }

    public Page<Objection> queue(InputActor actor, InputStatus status, Long eventId, Paging paging) {
        return queues.queue(actor, source, new InputQueues.QueueFilter(status, null, false, false,
                eventId == null ? Map.of() : Map.of("eventId", eventId)), paging);
    }

    public List<ObjectionView> views(List<Objection> objections, InputActor actor) {
        Map<Long, Account> authors = accounts.byIds(objections.stream().map(Objection::getAuthorId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        return objections.stream().map(o -> view(o, actor, authors)).toList();
    }

    public ObjectionView view(Objection o, InputActor actor) {
        return views(List.of(o), actor).get(0);
    }

    private static ObjectionView view(Objection o, InputActor actor, Map<Long, Account> authors) {
        boolean mine = actor != null && actor.id().equals(o.getAuthorId());
        boolean staff = actor != null && actor.staff();
        var h = o.handling();
        boolean answerShown = staff || h.getStatus() == InputStatus.PUBLISHED;
        Account author = authors.get(o.getAuthorId());
        return new ObjectionView(o.getId(), ObjectionSource.number(o.getId()), o.getEventId(), o.getText(), h.getStatus(),
                Times.local(o.getCreatedAt()), h.getDueOn(), staff ? h.getDepartmentId() : null,
                answerShown ? h.getOutcome() : null, answerShown ? h.getReason() : null,
                answerShown ? Times.local(h.getAnsweredAt()) : null, Times.local(h.getPublishedAt()),
                staff ? h.getReturnedReason() : null, h.getRating(),
                staff || mine ? (author == null ? null : Masking.name(author.getDisplayName())) : null, mine);
    }

    /**
     * A sustained objection (published answer ADOPTED or PARTLY_ADOPTED) changes the result: the representative it names
     * is removed with the answer as the reason, the first alternate moves up, and the 公示 is re-published.
     */
    @Transactional
    public Selections.SelectionView revise(Long organiser, Long eventId, RevisionRequest request) {
        if (request == null || request.objectionId() == null || request.registrationId() == null) {
            throw Problem.invalid(List.of(new Problem.FieldError("objectionId", "validation.required"),
                    new Problem.FieldError("registrationId", "validation.required")));
        }
        Selection selection = em.find(Selection.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (selection == null || !selection.isPublished()) {
            throw Problem.conflict(ProblemCode.NO_SELECTION, "selection.none");
        }
        Objection objection = em.find(Objection.class, request.objectionId());
        if (objection == null || !objection.getEventId().equals(eventId)) {
            throw Problem.invalid("objectionId", "selection.objection.unknown");
        }
        var h = objection.handling();
        if (h.getStatus() != InputStatus.PUBLISHED || (h.getOutcome() != Outcome.ADOPTED && h.getOutcome() != Outcome.PARTLY_ADOPTED)) {
            throw Problem.conflict(ProblemCode.OBJECTION_NOT_SUSTAINED, "selection.objection.notSustained");
        }
        Registration removed = registrationQueries.findOptional(request.registrationId())
                .filter(r -> r.getEventId().equals(eventId)).orElseThrow(() -> Problem.invalid("registrationId", "selection.revision.unknown"));
        if (removed.getStatus() != RegistrationStatus.CONFIRMED) {
            throw Problem.conflict(ProblemCode.NOT_SELECTED, "selection.revision.notSelected");
        }
        Optional<Registration> next = waitlist.firstInLine(eventId);
        waitlist.cancel(organiser, removed.getId(), true, h.getReason());
        Long promoted = next.filter(r -> r.getStatus() == RegistrationStatus.CONFIRMED).map(Registration::getId).orElse(null);
        em.persist(new SelectionRevision(eventId, clock.instant(), objection.getId(), removed.getId(), promoted, h.getReason(), organiser));
        selection.revised(clock.instant());
        audit.record(organiser, "event", eventId, "selection.revise", null, null,
                ObjectionSource.number(objection.getId()) + ": " + removed.number() + " removed"
                        + (promoted == null ? "" : ", " + Registration.number(promoted) + " moved up"));
        return selections.get(eventId, true);
    }
}
