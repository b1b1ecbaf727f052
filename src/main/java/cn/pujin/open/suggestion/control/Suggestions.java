package cn.pujin.open.suggestion.control;

import cn.pujin.open.checkin.control.CheckInReports;
import cn.pujin.open.event.control.AgendaItemRemoving;
import cn.pujin.open.event.control.EventFacts;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputAttachments;
import cn.pujin.open.input.control.InputQueues;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.FileTypes;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.suggestion.entity.Channel;
import cn.pujin.open.suggestion.entity.Suggestion;
import cn.pujin.open.suggestion.entity.SuggestionAttachment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Suggestions on meetings (意见建议): who may write them and when, paper and oral ones entered by staff, attachments.
 * Their handling — assignment, due dates, answers, review, publication, rating — is the one citizen-input workflow
 * ({@link InputWorkflow}, with {@link SuggestionSource}); the methods below only name the kind.
 */
@ApplicationScoped
public class Suggestions {

    public static final int TEXT_MIN = 10;
    public static final int TEXT_MAX = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    EventFacts eventFacts;

    @Inject
    RegistrationQueries registrations;

    @Inject
    CheckInReports checkIns;

    @Inject
    SuggestionSettings settings;

    @Inject
    SuggestionSource source;

    @Inject
    InputWorkflow workflow;

    @Inject
    InputQueues queues;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    // writing

    /** A file sent with a suggestion from the page. */
    /**
     * The suggestion and its files at once: a refused file (type, size, count) leaves nothing stored, so the person
     * corrects it and sends again without a copy of the suggestion already filed.
     */
    @Transactional
    public Suggestion submit(InputActor actor, Long eventId, SuggestionRequest request, List<InputAttachments.Upload> uploads) {
        InputAttachments.requireAtMostAllowed(uploads);
        Suggestion s = submit(actor, eventId, request);
        for (InputAttachments.Upload u : uploads) {
            attach(actor, s.getId(), u.fileName(), u.content());
        }
        return s;
    }

    @Transactional
    public Suggestion submit(InputActor actor, Long eventId, SuggestionRequest request) {
        if (request == null) {
            throw Problem.invalid("text", "validation.required");
        }
        Seats.Bookable event = seats.bookable(eventId);
        boolean onBehalf = request.onBehalfOf() != null || request.channel() != null || request.registrationId() != null;
        String text = Texts.strip(request.text());
        List<Problem.FieldError> errors = new ArrayList<>();
        if (text == null || Texts.length(text) < TEXT_MIN || Texts.length(text) > TEXT_MAX) {
            errors.add(new Problem.FieldError("text", "validation.length", TEXT_MIN, TEXT_MAX));
        }
        if (request.agendaItemId() != null) {
            Optional<EventFacts.AgendaItemRef> item = eventFacts.agendaItem(request.agendaItemId());
            if (item.isEmpty() || !item.get().eventId().equals(eventId)) {
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
            onBehalfOf = Texts.strip(request.onBehalfOf());
            if (onBehalfOf == null || Texts.length(onBehalfOf) > 40) {
                errors.add(new Problem.FieldError("onBehalfOf", "validation.length", 1, 40));
            }
            if (!"PAPER".equals(request.channel()) && !"ORAL".equals(request.channel())) {
                errors.add(new Problem.FieldError("channel", "validation.enum", List.of("PAPER", "ORAL")));
            } else {
                channel = Channel.valueOf(request.channel());
            }
            if (request.registrationId() != null) {
                registration = registrations.findOptional(request.registrationId()).orElse(null);
                if (registration == null || !registration.getEventId().equals(eventId)) {
                    errors.add(new Problem.FieldError("registrationId", "suggestion.registration.unknown"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        if (event.status() == EventStatus.CANCELLED) {
            throw Problem.conflict(ProblemCode.EVENT_CANCELLED, "event.cancelled");
        }
        Instant now = clock.instant();
        Long authorId;
        if (onBehalf) {
            if (now.isBefore(event.startsAt())) {
                throw Problem.conflict(ProblemCode.SUGGESTION_WINDOW_CLOSED, "suggestion.window.closed");
            }
            authorId = registration == null ? null : registration.getAccountId();
        } else {
            registration = attendance(actor.id(), eventId)
                    .orElseThrow(() -> Problem.forbidden(ProblemCode.NOT_AN_ATTENDEE, "suggestion.notAttendee"));
            Instant closes = event.endsAt().plus(Duration.ofDays(settings.setting(eventId).getWindowDays()));
            if (now.isBefore(event.startsAt()) || now.isAfter(closes)) {
                throw Problem.conflict(ProblemCode.SUGGESTION_WINDOW_CLOSED, "suggestion.window.closed");
            }
            authorId = actor.id();
        }
        Suggestion s = new Suggestion(eventId, request.agendaItemId(), registration == null ? null : registration.getId(),
                authorId, onBehalfOf, channel, actor.id(), text, now);
        em.persist(s);
        em.flush();
        audit.record(actor.id(), "suggestion", s.getId(), "suggestion.create", null, s.handling().getStatus(),
                onBehalf ? channel.name() : null);
        return s;
    }

    /** A confirmed registration, or one admitted at the door, makes someone an attendee. */
    Optional<Registration> attendance(Long accountId, Long eventId) {
        List<Registration> theirs = registrations.of(accountId, eventId);
        Set<Long> admitted = checkIns.admitted(theirs.stream().map(Registration::getId).toList());
        return theirs.stream().filter(r -> r.getStatus() == RegistrationStatus.CONFIRMED || admitted.contains(r.getId())).findFirst();
    }

    public boolean canSuggest(Long accountId, Long eventId) {
        if (accountId == null || attendance(accountId, eventId).isEmpty()) {
            return false;
        }
        Seats.Bookable event = seats.bookable(eventId);
        Instant now = clock.instant();
        return !now.isBefore(event.startsAt())
                && !now.isAfter(event.endsAt().plus(Duration.ofDays(settings.setting(eventId).getWindowDays())));
    }

    @Transactional
    public SuggestionAttachment attach(InputActor actor, Long suggestionId, String fileName, byte[] content) {
        Suggestion s = visible(actor, suggestionId);
        em.lock(s, LockModeType.PESSIMISTIC_WRITE);
        long count = em.createQuery("select count(a) from SuggestionAttachment a where a.suggestionId = :s", Long.class)
                .setParameter("s", suggestionId).getSingleResult();
        String type = InputAttachments.accept(actor, s, content, count);
        SuggestionAttachment a = new SuggestionAttachment(suggestionId, FileTypes.safeName(fileName, type), type, content,
                clock.instant());
        em.persist(a);
        audit.record(actor.id(), "suggestion", suggestionId, "suggestion.attach", null, null, a.getFileName());
        return a;
    }

    public SuggestionAttachment attachment(InputActor actor, Long suggestionId, Long attachmentId) {
        visible(actor, suggestionId);
        SuggestionAttachment a = em.find(SuggestionAttachment.class, attachmentId);
        if (a == null || !a.getSuggestionId().equals(suggestionId)) {
            throw Problem.notFound();
        }
        return a;
    }

    // its handling, through the one workflow

    /** The suggestion if the caller may see it; 404 otherwise. */
    public Suggestion visible(InputActor actor, Long id) {
        return workflow.visible(actor, source, id);
    }

    public Suggestion assign(InputActor actor, Long id, Long departmentId) {
        return workflow.assign(actor, source, id, departmentId);
    }

    public Suggestion acknowledge(InputActor actor, Long id) {
        return workflow.acknowledge(actor, source, id);
    }

    public Suggestion answer(InputActor actor, Long id, String outcome, String reason, String plan) {
        return workflow.answer(actor, source, id, outcome, reason, plan);
    }

    public Suggestion publish(InputActor actor, Long id) {
        return workflow.publish(actor, source, id);
    }

    public Suggestion returnAnswer(InputActor actor, Long id, String reason) {
        return workflow.returnAnswer(actor, source, id, reason);
    }

    public Suggestion rate(InputActor actor, Long id, Integer stars, String comment) {
        return workflow.rate(actor, source, id, stars, comment);
    }

    public Suggestion clearFlag(InputActor actor, Long id) {
        return workflow.clearFlag(actor, source, id);
    }

    public record QueueFilter(InputStatus status, Long departmentId, boolean overdue, Long eventId, boolean flagged) {}

    /** The work queue, optionally of one meeting. */
    public Page<Suggestion> queue(InputActor actor, QueueFilter filter, Paging paging) {
        Map<String, Object> attributes = new HashMap<>();
        if (filter.eventId() != null) {
            attributes.put("eventId", filter.eventId());
        }
        return queues.queue(actor, source, new InputQueues.QueueFilter(filter.status(), filter.departmentId(), filter.overdue(),
                filter.flagged(), attributes), paging);
    }

    /** Own suggestions, including paper or oral ones staff entered for the person's registration. */
    public Page<Suggestion> mine(Long accountId, Paging paging) {
        return queues.mine(source, accountId, paging);
    }

    /** Citizens' comments keep their agenda item: one with suggestions can be edited, never removed. */
    void agendaItemRemoving(@Observes AgendaItemRemoving removing) {
        long comments = em.createQuery("select count(s) from Suggestion s where s.agendaItemId = :i", Long.class)
                .setParameter("i", removing.agendaItemId()).getSingleResult();
        if (comments > 0) {
            throw Problem.conflict(ProblemCode.AGENDA_ITEM_HAS_SUGGESTIONS, "event.agendaItem.hasSuggestions", comments);
        }
    }

    /** YJ000031: the number people quote on the phone and in mails. */
    public static String number(Long id) {
        return "YJ" + String.format("%06d", id);
    }
}
