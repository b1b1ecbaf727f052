package cn.pujin.open.participation.control;

import cn.pujin.open.account.control.Departments;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.participation.entity.CommentGroup;
import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.entity.ConsultationComment;
import cn.pujin.open.participation.entity.ConsultationParagraph;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Comments on a consultation (意见) and the adoption report (意见采纳情况): signed-in people comment during the period,
 * reviewers show comments publicly, after the period staff group them and each group is answered, reviewed and
 * published through the one citizen-input workflow — every comment of the group gets its answer, every commenter is
 * told and may rate it.
 */
@ApplicationScoped
public class ConsultationComments {

    public static final int TEXT_MAX = 2000;
    public static final int TITLE_MAX = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Consultations consultations;

    @Inject
    InputWorkflow workflow;

    @Inject
    CommentSource source;

    @Inject
    Departments departments;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /**
     * A comment while the consultation is open (else 409 CONSULTATION_CLOSED); on a paragraph of this consultation (of
     * another: 404); as an organisation only as one invited by name.
     */
    @Transactional
    public ConsultationComment comment(Long author, Long consultationId, CommentRequest request) {
        Consultation c = consultations.find(consultationId);
        if (c.getStatus() != Consultation.Status.PUBLISHED) {
            throw Problem.notFound();
        }
        if (!c.isOpen(clock.instant())) {
            throw Problem.conflict(ProblemCode.CONSULTATION_CLOSED, "consultation.comment.closed");
        }
        if (request == null) {
            throw Problem.invalid("text", "validation.required");
        }
        if (request.paragraphId() != null) {
            paragraph(consultationId, request.paragraphId());
        }
        String text = Texts.strip(request.text());
        if (text == null || Texts.length(text) > TEXT_MAX) {
            throw Problem.invalid("text", "validation.length", 1, TEXT_MAX);
        }
        String organisation = Texts.strip(request.organisation());
        if (organisation != null && !c.getInvitedOrganisations().contains(organisation)) {
            throw Problem.invalid("organisation", "consultation.organisation.notInvited");
        }
        ConsultationComment comment = new ConsultationComment(consultationId, request.paragraphId(), author, organisation,
                text, clock.instant());
        em.persist(comment);
        em.flush();
        audit.record(author, "comment", comment.getId(), "comment.create", null, comment.handling().getStatus(), null);
        return comment;
    }

    /** A reviewer shows the text publicly or keeps it out of view (it is counted and answered either way). */
    @Transactional
    public ConsultationComment moderate(Long reviewer, Long commentId, boolean show) {
        ConsultationComment comment = find(commentId);
        var before = comment.getModeration();
        comment.moderate(reviewer, show, clock.instant());
        audit.record(reviewer, "comment", commentId, show ? "comment.show" : "comment.hide", before, comment.getModeration(), null);
        return comment;
    }

    /**
     * After the period (else 409 CONSULTATION_OPEN), comments of this consultation not yet grouped become a group with
     * a title, given to a department to answer: each is assigned through the workflow, with its due date.
     */
    @Transactional
    public CommentGroup group(InputActor actor, Long consultationId, CommentGroupRequest request) {
        requireRole(actor.organiser());
        Consultation c = consultations.find(consultationId);
        if (c.getStatus() != Consultation.Status.PUBLISHED) {
            throw Problem.notFound();
        }
        if (c.period(clock.instant()) != Consultation.Period.CLOSED) {
            throw Problem.conflict(ProblemCode.CONSULTATION_OPEN, "consultation.group.stillOpen");
        }
        if (request == null || request.commentIds() == null || request.commentIds().isEmpty()) {
            throw Problem.invalid("commentIds", "consultation.group.noComments");
        }
        String title = Texts.strip(request.title());
        if (title == null || Texts.length(title) > TITLE_MAX) {
            throw Problem.invalid("title", "validation.length", 1, TITLE_MAX);
        }
        if (request.paragraphId() != null) {
            paragraph(consultationId, request.paragraphId());
        }
        if (request.departmentId() == null || departments.find(request.departmentId()).isEmpty()) {
            throw Problem.invalid("departmentId", "suggestion.department.unknown");
        }
        Set<Long> ids = new LinkedHashSet<>(request.commentIds());
        if (ids.contains(null)) {
            throw Problem.invalid("commentIds", "consultation.group.noComments");
        }
        List<ConsultationComment> comments = em.createQuery(
                        "select x from ConsultationComment x where x.id in :ids and x.consultationId = :c and x.groupId is null",
                        ConsultationComment.class).setParameter("ids", List.copyOf(ids)).setParameter("c", consultationId)
                .getResultList();
        if (comments.size() != ids.size()) {
            throw Problem.invalid("commentIds", "consultation.group.notOpenComments");
        }
        CommentGroup group = new CommentGroup(consultationId, request.paragraphId(), title, request.departmentId(), actor.id(),
                clock.instant());
        em.persist(group);
        em.flush();
        audit.record(actor.id(), "consultation", consultationId, "comment.group", null, null, title);
        for (ConsultationComment comment : comments) {
            comment.group(group.getId());
            workflow.assign(actor, source, comment.getId(), request.departmentId(), false);
        }
        // one notice per group, not per comment
        workflow.tellHandlers(source, comments.get(0), request.departmentId(), "assigned", groupArgs(group, comments,
                source.mailArgs(comments.get(0))));
        return group;
    }

    /** One answer — outcome and reason — for every comment of the group. */
    @Transactional
    public CommentGroup answer(InputActor actor, Long groupId, String outcome, String reason) {
        requireRole(actor.handler() || actor.organiser());
        CommentGroup group = findGroup(groupId);
        for (ConsultationComment comment : members(groupId)) {
            workflow.answer(actor, source, comment.getId(), outcome, reason, null);
        }
        return group;
    }

    /** A reviewer who did not answer publishes the group's answer: each commenter is told. */
    @Transactional
    public CommentGroup publish(InputActor actor, Long groupId) {
        requireRole(actor.reviewer());
        CommentGroup group = findGroup(groupId);
        for (ConsultationComment comment : members(groupId)) {
            workflow.publish(actor, source, comment.getId());
        }
        return group;
    }

    @Transactional
    public CommentGroup returnAnswer(InputActor actor, Long groupId, String reason) {
        requireRole(actor.reviewer());
        CommentGroup group = findGroup(groupId);
        List<ConsultationComment> members = members(groupId);
        for (ConsultationComment comment : members) {
            workflow.returnAnswer(actor, source, comment.getId(), reason, false);
        }
        if (!members.isEmpty()) {
            workflow.tellHandlers(source, members.get(0), group.getDepartmentId(), "returned",
                    groupArgs(group, members, workflow.returnedArgs(source, members.get(0))));
        }
        return group;
    }

    @Transactional
    public ConsultationComment rate(InputActor actor, Long commentId, Integer stars, String note) {
        return workflow.rate(actor, source, commentId, stars, note);
    }

    public ConsultationComment find(Long id) {
        ConsultationComment comment = id == null ? null : em.find(ConsultationComment.class, id);
        if (comment == null) {
            throw Problem.notFound();
        }
        return comment;
    }

    CommentGroup findGroup(Long id) {
        CommentGroup group = id == null ? null : em.find(CommentGroup.class, id);
        if (group == null) {
            throw Problem.notFound();
        }
        return group;
    }

    List<ConsultationComment> members(Long groupId) {
        return em.createQuery("select x from ConsultationComment x where x.groupId = :g order by x.id", ConsultationComment.class)
                .setParameter("g", groupId).getResultList();
    }

    /** A notice about a whole group: {2} its comments' numbers, {3} the group's title. */
    private static Object[] groupArgs(CommentGroup group, List<ConsultationComment> comments, Object[] args) {
        args[2] = String.join("、", comments.stream().map(c -> CommentSource.number(c.getId())).toList());
        args[3] = group.getTitle();
        return args;
    }

    private static void requireRole(boolean allowed) {
        if (!allowed) {
            throw Problem.forbidden();
        }
    }

    /** The paragraph, if it belongs to this consultation; a paragraph of another one does not exist here (404). */
    private ConsultationParagraph paragraph(Long consultationId, Long paragraphId) {
        ConsultationParagraph p = em.find(ConsultationParagraph.class, paragraphId);
        if (p == null || !p.getConsultationId().equals(consultationId)) {
            throw Problem.notFound();
        }
        return p;
    }
}
