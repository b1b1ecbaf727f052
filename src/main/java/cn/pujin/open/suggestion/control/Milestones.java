package cn.pujin.open.suggestion.control;

import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.suggestion.entity.Milestone;
import cn.pujin.open.suggestion.entity.Suggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Implementation milestones of an adopted suggestion (落实进度): written by its department, public after review. */
@ApplicationScoped
public class Milestones {

    @PersistenceContext
    EntityManager em;

    @Inject
    InputWorkflow workflow;

    @Inject
    SuggestionSource source;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Milestone add(InputActor actor, Long id, LocalDate dueOn, String text, Integer progress) {
        Suggestion s = workflow.handled(actor, source, id);
        if (s.handling().getOutcome() == null || !s.handling().getOutcome().isAdoption()) {
            throw Problem.conflict(ProblemCode.NOT_ADOPTED, "suggestion.milestone.notAdopted");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (dueOn == null) {
            errors.add(new Problem.FieldError("date", "validation.date"));
        }
        String what = Texts.strip(text);
        if (what == null || Texts.length(what) > 500) {
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
    public Milestone publish(InputActor actor, Long milestoneId) {
        if (!actor.reviewer()) {
            throw Problem.forbidden();
        }
        Milestone m = milestoneId == null ? null : em.find(Milestone.class, milestoneId);
        if (m == null) {
            throw Problem.notFound();
        }
        Milestone.Status before = m.getStatus();
        m.publish(actor.id(), clock.instant());
        audit.record(actor.id(), "milestone", milestoneId, "milestone.publish", before, m.getStatus(), null);
        return m;
    }

    public List<Milestone> pending() {
        return em.createQuery("select m from Milestone m where m.status = :p order by m.createdAt", Milestone.class)
                .setParameter("p", Milestone.Status.PENDING).setMaxResults(200).getResultList();
    }
}
