package cn.pujin.open.message.control;

import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputAttachments;
import cn.pujin.open.input.control.InputQueues;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.message.entity.Message;
import cn.pujin.open.message.entity.MessageAttachment;
import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.control.Consultations;
import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Enums;
import cn.pujin.open.platform.control.FileTypes;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.control.Clocks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The message board (政策留言板): signed-in people leave messages, public or for themselves only; the office
 * acknowledges each the working day it is received ("所有留言当天有回应") — in its own words or with the standard text,
 * recorded as such — and answers within five working days ("最终回复不超过5个工作日") through the one citizen-input
 * workflow; staff tag messages with topics.
 */
@ApplicationScoped
public class MessageBoard {

    public static final int TEXT_MAX = 2000;
    public static final int ACKNOWLEDGEMENT_MAX = 500;
    /** A message after this time of day counts from the next working day. */
    public static final LocalTime DAY_ENDS = LocalTime.of(17, 0);

    @PersistenceContext
    EntityManager em;

    @Inject
    InputWorkflow workflow;

    @Inject
    InputQueues queues;

    @Inject
    MessageSource source;

    @Inject
    WorkingDayCalendar calendar;

    @Inject
    Notifications notifications;

    @Inject
    Topics topics;

    @Inject
    Consultations consultations;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** The working day a message received at {@code at} counts from: that day before 17:00, else the next working day. */
    public LocalDate receivedOn(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, Clocks.ZONE);
        LocalDate day = local.toLocalDate();
        if (!calendar.days().isWorkingDay(day)) {
            return calendar.plus(day, 0);
        }
        return local.toLocalTime().isBefore(DAY_ENDS) ? day : calendar.plus(day, 1);
    }

    /**
     * A new message: text of 1 to {@value #TEXT_MAX} characters, an existing topic, a consultation that is open now; its
     * acknowledgement is due the day it counts from and its answer {@code MESSAGE_ANSWER_DAYS} working days later.
     */
    @Transactional
    public Message submit(Long author, MessageRequest request) {
        MessageRequest r = request == null ? new MessageRequest(null, null, null, null, null) : request;
        Message.Kind kind = Objects.requireNonNullElse(Enums.optional("kind", r.kind(), Message.Kind.class), Message.Kind.QUESTION);
        String text = Texts.strip(r.text());
        if (text == null || Texts.length(text) > TEXT_MAX) {
            throw Problem.invalid("text", "message.text.size", 1, TEXT_MAX);
        }
        if (r.topicId() != null && !topics.exist(List.of(r.topicId()))) {
            throw Problem.invalid("topicId", "validation.unknownReference");
        }
        Instant now = clock.instant();
        if (r.consultationId() != null) {
            Consultation c = consultations.findOrNull(r.consultationId());
            if (c == null || c.getStatus() != Consultation.Status.PUBLISHED || !c.isOpen(now)) {
                throw Problem.invalid("consultationId", "message.consultation.notOpen");
            }
        }
        LocalDate received = receivedOn(now);
        Message m = new Message(author, kind, text, r.consultationId(), Boolean.TRUE.equals(r.isPublic()), received, now);
        m.handling().receive(received, calendar.plus(received, source.answerDays()));
        if (r.topicId() != null) {
            m.tag(Set.of(r.topicId()));
        }
        em.persist(m);
        em.flush();
        audit.record(author, "message", m.getId(), "message.create", null, m.handling().getStatus(), kind.name());
        return m;
    }

    /** The message and its files at once: a refused file leaves nothing stored, so the person corrects it and sends again. */
    @Transactional
    public Message submit(InputActor actor, MessageRequest request, List<InputAttachments.Upload> uploads) {
        InputAttachments.requireAtMostAllowed(uploads);
        Message m = submit(actor.id(), request);
        for (InputAttachments.Upload u : uploads) {
            attach(actor, m.getId(), u.fileName(), u.content());
        }
        return m;
    }

    /**
     * Staff tell the author the message has been received: with {@code templated} the standard text (it says when the
     * answer is due), otherwise their own words. The author is told by mail.
     */
    @Transactional
    public Message acknowledge(InputActor actor, Long id, String text, boolean templated) {
        Message m = workflow.handled(actor, source, id);
        String words;
        if (templated) {
            words = Messages.get(Messages.CHINESE,
                    "message.acknowledgement.template", MessageSource.number(id),
                    java.time.format.DateTimeFormatter.ofPattern(Messages.get(Messages.CHINESE, "format.day")).format(m.handling().getDueOn()));
        } else {
            words = Texts.strip(text);
            if (words == null || Texts.length(words) > ACKNOWLEDGEMENT_MAX) {
                throw Problem.invalid("text", "validation.length", 1, ACKNOWLEDGEMENT_MAX);
            }
        }
        if (m.getAcknowledgement() != null) {
            throw Problem.conflict(ProblemCode.INVALID_TRANSITION, "suggestion.transition.invalid",
                    "acknowledge", "ACKNOWLEDGED");
        }
        workflow.acknowledge(actor, source, id);
        m.acknowledge(actor.id(), words, templated);
        if (m.getAuthorId() != null) {
            Object[] args = Arrays.copyOf(source.mailArgs(m), 6);
            args[5] = words;
            notifications.notify(m.getAuthorId(), null, "MESSAGE_ACKNOWLEDGED", "mail.message.acknowledged", args, null);
        }
        return m;
    }

    /** Staff set the message's topics (unknown ids: 400 naming {@code topicIds}). */
    @Transactional
    public Message tag(InputActor actor, Long id, Collection<Long> topicIds) {
        if (!actor.organiser()) {
            throw Problem.forbidden();
        }
        Message m = workflow.visible(actor, source, id);
        Set<Long> wanted = new LinkedHashSet<>(topicIds == null ? List.of() : topicIds);
        if (wanted.contains(null) || wanted.size() > 20 || !topics.exist(wanted)) {
            throw Problem.invalid("topicIds", "validation.unknownReference");
        }
        String before = m.getTopicIds().toString();
        m.tag(wanted);
        audit.record(actor.id(), "message", id, "message.tag", before, wanted.toString(), null);
        return m;
    }

    public Message visible(InputActor actor, Long id) {
        return workflow.visible(actor, source, id);
    }

    /** A message anyone may read (published and public), or one the caller may see; 404 otherwise — a private one too. */
    public Message readable(InputActor actor, Long id) {
        Message m = id == null ? null : em.find(Message.class, id);
        if (m != null && isPublic(m)) {
            return m;
        }
        if (actor == null) {
            throw Problem.notFound();
        }
        return visible(actor, id);
    }

    public static boolean isPublic(Message m) {
        return m.isPublicWanted() && m.handling().getStatus() == InputStatus.PUBLISHED;
    }

    /** Published public messages, newest answer first, optionally of one topic. */
    public Page<Message> published(Long topicId, Paging paging) {
        String where = " where m.publicWanted = true and m.handling.status = :p" + (topicId == null ? "" : " and :t member of m.topicIds");
        var items = em.createQuery("select m from Message m" + where + " order by m.handling.publishedAt desc, m.id desc", Message.class)
                .setParameter("p", InputStatus.PUBLISHED);
        var count = em.createQuery("select count(m) from Message m" + where, Long.class).setParameter("p", InputStatus.PUBLISHED);
        if (topicId != null) {
            items.setParameter("t", topicId);
            count.setParameter("t", topicId);
        }
        return new Page<>(items.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList(), count.getSingleResult());
    }

    /** The work queue of the board: as for suggestions, and by topic. */
    public Page<Message> queue(InputActor actor, InputStatus status, Long departmentId, boolean overdue, Long topicId, Paging paging) {
        Map<String, Object> attributes = topicId == null ? Map.of() : Map.of("topicIds", new InputQueues.Member(topicId));
        return queues.queue(actor, source, new InputQueues.QueueFilter(status, departmentId, overdue, false, attributes), paging);
    }

    public Page<Message> mine(Long accountId, Paging paging) {
        return queues.mine(source, accountId, paging);
    }

    public Message assign(InputActor actor, Long id, Long departmentId) {
        return workflow.assign(actor, source, id, departmentId);
    }

    public Message answer(InputActor actor, Long id, String outcome, String reason, String plan) {
        return workflow.answer(actor, source, id, outcome, reason, plan);
    }

    public Message publish(InputActor actor, Long id) {
        return workflow.publish(actor, source, id);
    }

    public Message returnAnswer(InputActor actor, Long id, String reason) {
        return workflow.returnAnswer(actor, source, id, reason);
    }

    public Message rate(InputActor actor, Long id, Integer stars, String comment) {
        return workflow.rate(actor, source, id, stars, comment);
    }

    /** The answer date moves later for a reason; the author is told the new date and why. */
    @Transactional
    public Message extend(InputActor actor, Long id, LocalDate dueOn, String reason) {
        Message m = workflow.extend(actor, source, id, dueOn, reason);
        if (m.getAuthorId() != null) {
            Object[] args = Arrays.copyOf(source.mailArgs(m), 6);
            args[5] = m.handling().getExtendedReason();
            notifications.notify(m.getAuthorId(), null, "MESSAGE_EXTENDED", "mail.message.extended", args, null);
        }
        return m;
    }

    @Transactional
    public MessageAttachment attach(InputActor actor, Long id, String fileName, byte[] content) {
        Message m = visible(actor, id);
        em.lock(m, LockModeType.PESSIMISTIC_WRITE);
        long count = em.createQuery("select count(a) from MessageAttachment a where a.messageId = :m", Long.class)
                .setParameter("m", id).getSingleResult();
        String type = InputAttachments.accept(actor, m, content, count);
        MessageAttachment a = new MessageAttachment(id, FileTypes.safeName(fileName, type), type, content, clock.instant());
        em.persist(a);
        audit.record(actor.id(), "message", id, "message.attach", null, null, a.getFileName());
        return a;
    }

    /**
     * An attachment, for the message's author, staff and its department's handlers only: a file may hold personal data,
     * so it is never public, not even with a published public message.
     */
    public MessageAttachment attachment(InputActor actor, Long id, Long attachmentId) {
        if (actor == null) {
            throw Problem.notFound();
        }
        visible(actor, id);
        MessageAttachment a = attachmentId == null ? null : em.find(MessageAttachment.class, attachmentId);
        if (a == null || !a.getMessageId().equals(id)) {
            throw Problem.notFound();
        }
        return a;
    }

    public List<MessageAttachment> attachments(Long id) {
        return em.createQuery("select a from MessageAttachment a where a.messageId = :m order by a.id", MessageAttachment.class)
                .setParameter("m", id).getResultList();
    }
}
