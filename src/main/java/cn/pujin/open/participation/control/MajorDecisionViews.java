package cn.pujin.open.participation.control;

import cn.pujin.open.event.control.Decisions;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.entity.MajorDecision;
import cn.pujin.open.participation.entity.MajorDecisionStep;
import cn.pujin.open.participation.entity.StepKind;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.selection.control.Selections;
import cn.pujin.open.selection.entity.Selection;
import cn.pujin.open.suggestion.control.Feedback;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The catalogue as people read it: the public sees published (and withdrawn) items with their published steps; staff
 * see drafts, items in review and pending steps too.
 */
@ApplicationScoped
public class MajorDecisionViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Selections selections;

    @Inject
    Feedback feedback;

    @Inject
    Decisions decisions;

    /**
     * A decision meeting named by a collective-decision step, with what the public may read of it: the representatives
     * selected (its published 公示, else null), the suggestions answered and published, the decisions published.
     */
    public record MeetingLink(Long eventId, String title, OffsetDateTime startsAt, Integer representatives,
                              long suggestionsAnswered, List<DecisionText> decisions) {}

    /** A decision of the meeting (会议议定结果) on one agenda item, as published. */
    public record DecisionText(String agendaItem, String text) {}

    public record DocumentView(String title, String url) {}

    /** A published consultation on a draft of the item (征求意见), with its period. */
    public record ConsultationLink(Long id, String title, OffsetDateTime opensAt, OffsetDateTime closesAt) {}

    public record StepView(Long id, StepKind kind, LocalDate date, String summary, List<DocumentView> documents,
                           String status, MeetingLink meeting, OffsetDateTime publishedAt, Long authorId, String reviewNote) {}

    /**
     * One item; {@code stepsDone}: the kinds with a published step, for "progress at a glance". Staff only: the review
     * note, who wrote and who submitted it.
     */
    public record MajorDecisionView(Long id, int year, int number, String title, String department, String legalBasis,
                                    String plannedPeriod, String status, boolean addedDuringYear, String addedReason,
                                    String withdrawalReason, String reviewNote, OffsetDateTime publishedAt,
                                    OffsetDateTime withdrawnAt, long version, List<StepView> steps,
                                    List<StepKind> stepsDone, Long authorId, Long submittedBy,
                                    List<ConsultationLink> consultations) {

        @JsonbTransient
        public boolean isWithdrawn() {
            return "WITHDRAWN".equals(status) || "WITHDRAWAL_IN_REVIEW".equals(status);
        }

        @JsonbTransient
        public boolean done(String kind) {
            return stepsDone.contains(StepKind.valueOf(kind));
        }
    }

    /** The year's catalogue in item order. */
    public List<MajorDecisionView> catalogue(int year, boolean staff) {
        List<MajorDecision> items = em.createQuery("select m from MajorDecision m where m.year = :y and m.status in :s"
                        + " order by m.number", MajorDecision.class)
                .setParameter("y", year).setParameter("s", visible(staff)).getResultList();
        return views(items, staff);
    }

    public MajorDecisionView view(Long id, boolean staff) {
        MajorDecision m = id == null ? null : em.find(MajorDecision.class, id);
        if (m == null || !(staff || m.isPublic())) {
            throw Problem.notFound();
        }
        return views(List.of(m), staff).get(0);
    }

    /** Items and steps waiting for a reviewer (steps only of public items: the others cannot be published yet). */
    public List<MajorDecisionView> inReview() {
        List<MajorDecision> items = em.createQuery("select m from MajorDecision m where m.status in :s"
                        + " or (m.status in :p and exists (select st from MajorDecisionStep st where st.majorDecisionId = m.id"
                        + " and st.status = :pending)) order by m.year desc, m.number", MajorDecision.class)
                .setParameter("s", EnumSet.of(MajorDecision.Status.IN_REVIEW, MajorDecision.Status.WITHDRAWAL_IN_REVIEW))
                .setParameter("p", MajorDecision.PUBLIC).setParameter("pending", MajorDecisionStep.Status.PENDING)
                .setMaxResults(100).getResultList();
        return views(items, true);
    }

    /**
     * The year's catalogue in figures: public items (withdrawn ones included), those withdrawn, and by step kind the
     * items with that step published.
     */
    public record CatalogueFigures(long items, long withdrawn, Map<String, Long> itemsByStep) {}

    public CatalogueFigures figures(int year) {
        // counted from the two tables alone (the views would also read each linked meeting's 公示, answers and decisions)
        List<MajorDecision.Status> items = em.createQuery("select m.status from MajorDecision m where m.year = :y"
                + " and m.status in :s", MajorDecision.Status.class).setParameter("y", year)
                .setParameter("s", MajorDecision.PUBLIC).getResultList();
        List<Object[]> done = em.createQuery("select distinct s.majorDecisionId, s.kind from MajorDecisionStep s, MajorDecision m"
                        + " where m.id = s.majorDecisionId and m.year = :y and m.status in :s and s.status = :published", Object[].class)
                .setParameter("y", year).setParameter("s", MajorDecision.PUBLIC)
                .setParameter("published", MajorDecisionStep.Status.PUBLISHED).getResultList();
        Map<String, Long> byStep = new LinkedHashMap<>();
        for (StepKind k : StepKind.values()) {
            byStep.put(k.name(), done.stream().filter(row -> row[1] == k).count());
        }
        return new CatalogueFigures(items.size(), items.stream().filter(st -> st == MajorDecision.Status.WITHDRAWN).count(),
                byStep);
    }

    /** The years that have a catalogue (public: a published item), newest first. */
    public List<Integer> years(boolean staff) {
        return em.createQuery("select distinct m.year from MajorDecision m where m.status in :s order by m.year desc",
                Integer.class).setParameter("s", visible(staff)).getResultList();
    }

    private List<MajorDecisionView> views(List<MajorDecision> items, boolean staff) {
        if (items.isEmpty()) {
            return List.of();
        }
        Set<Long> ids = items.stream().map(MajorDecision::getId).collect(Collectors.toSet());
        Set<MajorDecisionStep.Status> shown = staff ? EnumSet.allOf(MajorDecisionStep.Status.class)
                : EnumSet.of(MajorDecisionStep.Status.PUBLISHED);
        Map<Long, List<MajorDecisionStep>> steps = em.createQuery("select s from MajorDecisionStep s where s.majorDecisionId in :ids"
                        + " and s.status in :shown order by s.date, s.id", MajorDecisionStep.class)
                .setParameter("ids", ids).setParameter("shown", shown)
                .getResultStream().collect(Collectors.groupingBy(MajorDecisionStep::getMajorDecisionId));
        Map<Long, List<ConsultationLink>> consultations = em.createQuery("select c from Consultation c where c.majorDecisionId in :ids"
                        + " and c.status = :p order by c.opensAt", Consultation.class)
                .setParameter("ids", ids).setParameter("p", Consultation.Status.PUBLISHED).getResultStream()
                .collect(Collectors.groupingBy(Consultation::getMajorDecisionId, Collectors.mapping(c -> new ConsultationLink(c.getId(),
                        c.getTitle(), Times.local(c.getOpensAt()), Times.local(c.getClosesAt())), Collectors.toList())));
        return items.stream().map(m -> view(m, steps.getOrDefault(m.getId(), List.of()),
                consultations.getOrDefault(m.getId(), List.of()), staff)).toList();
    }

    private MajorDecisionView view(MajorDecision m, List<MajorDecisionStep> steps, List<ConsultationLink> consultations,
                                   boolean staff) {
        List<StepKind> done = Arrays.stream(StepKind.values()).filter(k -> steps.stream()
                .anyMatch(s -> s.getKind() == k && s.getStatus() == MajorDecisionStep.Status.PUBLISHED)).toList();
        return new MajorDecisionView(m.getId(), m.getYear(), m.getNumber(), m.getTitle(), m.getDepartment(),
                m.getLegalBasis(), m.getPlannedPeriod(), m.getStatus().name(), m.isAddedDuringYear(), m.getAddedReason(),
                m.getWithdrawalReason(), staff ? m.getReviewNote() : null, Times.local(m.getPublishedAt()),
                Times.local(m.getWithdrawnAt()), m.getVersion(), steps.stream().map(s -> step(s, staff)).toList(), done,
                staff ? m.getAuthorId() : null, staff ? m.getSubmittedBy() : null, consultations);
    }

    private StepView step(MajorDecisionStep s, boolean staff) {
        MeetingLink meeting = null;
        if (s.getEventId() != null) {
            try {
                var e = seats.bookable(s.getEventId());
                Integer representatives = selections.selection(e.eventId()).filter(Selection::isPublished)
                        .map(x -> selections.get(x.getEventId(), false).selected().size()).orElse(null);
                long answered = feedback.feedback(e.eventId(), null, new Paging(0, 1)).total();
                List<DecisionText> decided = decisions.of(e.eventId(), false).stream().filter(d -> d.publishedText() != null)
                        .map(d -> new DecisionText(d.agendaItem(), d.publishedText())).toList();
                meeting = new MeetingLink(e.eventId(), e.title(), Times.local(e.startsAt()), representatives, answered, decided);
            } catch (Problem gone) {
                meeting = null; // the meeting is no longer public: the step stands without its link
            }
        }
        return new StepView(s.getId(), s.getKind(), s.getDate(), s.getSummary(),
                s.getDocuments().stream().map(d -> new DocumentView(d.getTitle(), d.getUrl())).toList(),
                s.getStatus().name(), meeting, Times.local(s.getPublishedAt()), staff ? s.getAuthorId() : null,
                staff ? s.getReviewNote() : null);
    }

    private static Set<MajorDecision.Status> visible(boolean staff) {
        return staff ? EnumSet.allOf(MajorDecision.Status.class) : MajorDecision.PUBLIC;
    }
}
