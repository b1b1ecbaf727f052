package cn.pujin.open.participation.control;

import cn.pujin.open.event.control.Seats;
import cn.pujin.open.participation.entity.MajorDecision;
import cn.pujin.open.participation.entity.MajorDecisionStep;
import cn.pujin.open.participation.entity.StepDocument;
import cn.pujin.open.participation.entity.StepKind;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue of major administrative decisions (决策目录) and the steps of its items: organisers write, a reviewer
 * who did not write (or submit) publishes; every state change is audited. What the public reads:
 * {@link MajorDecisionViews}.
 */
@ApplicationScoped
public class MajorDecisions {

    public static final int REASON_MAX = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Seats seats;

    /**
     * A new draft item, numbered after the year's last. Once the year's catalogue has a published item, a new one is an
     * addition during the year and needs its reason.
     */
    @Transactional
    public MajorDecision create(Long author, @NotNull(message = "{validation.body}") @Valid MajorDecisionDraft d) {
        boolean during = em.createQuery("select count(m) from MajorDecision m where m.year = :y and m.status in :s", Long.class)
                .setParameter("y", d.year()).setParameter("s", MajorDecision.PUBLIC).getSingleResult() > 0;
        Integer last = em.createQuery("select max(m.number) from MajorDecision m where m.year = :y", Integer.class)
                .setParameter("y", d.year()).getSingleResult();
        MajorDecision m = new MajorDecision(d.year(), last == null ? 1 : last + 1, author, during, clock.instant());
        describe(m, d);
        em.persist(m);
        em.flush();
        audit.record(author, "majorDecision", m.getId(), "majorDecision.create", null, m.getStatus(),
                during ? m.getAddedReason() : null);
        return m;
    }

    @Transactional
    public MajorDecision update(Long editor, Long id, @NotNull(message = "{validation.body}") @Valid MajorDecisionDraft d) {
        if (d.version() == null) {
            throw Problem.invalid("version", "validation.required");
        }
        MajorDecision m = find(id);
        // in review or public: never edited (a public item is withdrawn instead)
        Problem.requireTransition(m.getStatus() == MajorDecision.Status.DRAFT, "majorDecision.transition.invalid", "edit",
                m.getStatus());
        Problem.requireVersion(d.version(), m.getVersion());
        if (m.getYear() != d.year()) {
            throw Problem.invalid("year", "majorDecision.year.fixed");
        }
        describe(m, d);
        audit.record(editor, "majorDecision", id, "majorDecision.update", m.getStatus(), m.getStatus(), null);
        return m;
    }

    @Transactional
    public MajorDecision submit(Long actor, Long id) {
        MajorDecision m = find(id);
        var before = m.getStatus();
        m.submit(actor, clock.instant());
        audit.record(actor, "majorDecision", id, "majorDecision.submit", before, m.getStatus(), null);
        return m;
    }

    @Transactional
    public MajorDecision approve(Long reviewer, Long id) {
        MajorDecision m = find(id);
        var before = m.getStatus();
        m.approve(reviewer, clock.instant());
        audit.record(reviewer, "majorDecision", id, before == MajorDecision.Status.WITHDRAWAL_IN_REVIEW
                ? "majorDecision.withdrawApprove" : "majorDecision.approve", before, m.getStatus(), null);
        return m;
    }

    @Transactional
    public MajorDecision reject(Long reviewer, Long id, String reason) {
        String why = Texts.reason(reason, REASON_MAX, "majorDecision.reason.review");
        MajorDecision m = find(id);
        var before = m.getStatus();
        m.reject(reviewer, why, clock.instant());
        audit.record(reviewer, "majorDecision", id, before == MajorDecision.Status.WITHDRAWAL_IN_REVIEW
                ? "majorDecision.withdrawRefuse" : "majorDecision.reject", before, m.getStatus(), why);
        return m;
    }

    /** Asks to take a published item out of the year's catalogue; public as withdrawn, with the reason, after review. */
    @Transactional
    public MajorDecision withdraw(Long actor, Long id, String reason) {
        String why = Texts.reason(reason, REASON_MAX, "majorDecision.reason.withdrawal");
        MajorDecision m = find(id);
        var before = m.getStatus();
        m.withdraw(actor, why, clock.instant());
        audit.record(actor, "majorDecision", id, "majorDecision.withdraw", before, m.getStatus(), why);
        return m;
    }

    /** A step of an item (any but a withdrawn one); a collective decision may name a published decision meeting. */
    @Transactional
    public MajorDecisionStep addStep(Long author, Long id, @NotNull(message = "{validation.body}") @Valid StepDraft d) {
        MajorDecision m = find(id);
        Problem.requireTransition(m.getStatus() != MajorDecision.Status.WITHDRAWN, "majorDecision.transition.invalid", "addStep",
                m.getStatus());
        if (d.eventId() != null) {
            if (d.kind() != StepKind.COLLECTIVE_DECISION) {
                throw Problem.invalid("eventId", "majorDecision.step.meetingOnlyForDecision");
            }
            Seats.Bookable meeting;
            try {
                meeting = seats.bookable(d.eventId());
            } catch (Problem notFound) {
                throw Problem.invalid("eventId", "validation.unknownReference");
            }
            if (!meeting.isMeeting()) {
                throw Problem.invalid("eventId", "majorDecision.step.notAMeeting");
            }
        }
        List<StepDocument> documents = Optional.ofNullable(d.documents()).orElse(List.of()).stream()
                .map(doc -> new StepDocument(doc.title().strip(), doc.url().strip())).toList();
        MajorDecisionStep step = new MajorDecisionStep(id, d.kind(), d.date(), d.summary().strip(), d.eventId(), documents,
                author, clock.instant());
        em.persist(step);
        em.flush();
        audit.record(author, "majorDecision", id, "majorDecision.step.add", null, step.getStatus(),
                Messages.get(Messages.CHINESE, "majorDecision.step." + d.kind()));
        return step;
    }

    /** Publishes a step, after its item: a step of an item that is not public yet is refused (409). */
    @Transactional
    public MajorDecisionStep publishStep(Long reviewer, Long stepId) {
        MajorDecisionStep step = stepId == null ? null : em.find(MajorDecisionStep.class, stepId, LockModeType.OPTIMISTIC);
        if (step == null) {
            throw Problem.notFound();
        }
        MajorDecision m = find(step.getMajorDecisionId());
        if (!m.isPublic()) {
            throw Problem.conflict(ProblemCode.MAJOR_DECISION_NOT_PUBLISHED, "majorDecision.step.itemNotPublished");
        }
        var before = step.getStatus();
        step.publish(reviewer, clock.instant());
        audit.record(reviewer, "majorDecision", m.getId(), "majorDecision.step.publish", before, step.getStatus(),
                Messages.get(Messages.CHINESE, "majorDecision.step." + step.getKind()));
        return step;
    }

    /** Returns a pending step with the reason (it is never public; the organiser adds a corrected one). */
    @Transactional
    public MajorDecisionStep returnStep(Long reviewer, Long stepId, String reason) {
        String why = Texts.reason(reason, REASON_MAX, "majorDecision.reason.review");
        MajorDecisionStep step = stepId == null ? null : em.find(MajorDecisionStep.class, stepId, LockModeType.OPTIMISTIC);
        if (step == null) {
            throw Problem.notFound();
        }
        var before = step.getStatus();
        step.returnStep(reviewer, why);
        audit.record(reviewer, "majorDecision", step.getMajorDecisionId(), "majorDecision.step.return", before, step.getStatus(),
                Messages.get(Messages.CHINESE, "majorDecision.step." + step.getKind()) + "：" + why);
        return step;
    }

    MajorDecision find(Long id) {
        MajorDecision m = id == null ? null : em.find(MajorDecision.class, id);
        if (m == null) {
            throw Problem.notFound();
        }
        return m;
    }

    private void describe(MajorDecision m, MajorDecisionDraft d) {
        String reason = Texts.strip(d.reason());
        if (m.isAddedDuringYear() && reason == null) {
            throw Problem.invalid("reason", "majorDecision.reason.added");
        }
        m.describe(d.title().strip(), d.department().strip(), d.legalBasis().strip(), d.plannedPeriod().strip(),
                m.isAddedDuringYear() ? reason : null, clock.instant());
    }
}
