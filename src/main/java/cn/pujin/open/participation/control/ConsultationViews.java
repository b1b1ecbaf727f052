package cn.pujin.open.participation.control;

import cn.pujin.open.account.control.AccountNames;
import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.participation.entity.CommentGroup;
import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.entity.ConsultationComment;
import cn.pujin.open.participation.entity.ConsultationParagraph;
import cn.pujin.open.participation.entity.MajorDecision;
import cn.pujin.open.participation.entity.Topic;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Rates;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Consultations as people read them: the public sees published ones (draft, interpretation, period, comment counts
 * per paragraph at once, comments once shown by a reviewer, the adoption report's published groups); staff see
 * drafts, every comment and the groups at work.
 */
@ApplicationScoped
public class ConsultationViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AccountNames names;

    @Inject
    Departments departments;

    public record ParagraphView(Long id, int number, String text, long comments) {}

    /**
     * A consultation; {@code authorId}, {@code submittedBy}, {@code reviewNote} and {@code version} for staff only.
     * {@code period}: UPCOMING, OPEN or CLOSED (null while not published).
     */
    public record ConsultationView(Long id, String title, Long majorDecisionId, String majorDecisionTitle, Long topicId,
                                   String topic, String interpretation, OffsetDateTime opensAt, OffsetDateTime closesAt,
                                   String status, String period, List<String> invitedOrganisations,
                                   List<ParagraphView> paragraphs, long comments, long wholeComments,
                                   OffsetDateTime publishedAt, Long authorId, Long submittedBy, String reviewNote,
                                   Long version) {

        @JsonbTransient
        public boolean isOpen() {
            return "OPEN".equals(period);
        }

        /** Comments on the whole draft and on each paragraph, for the page's "N 条意见" beside the text. */
        @JsonbTransient
        public int getParagraphCount() {
            return paragraphs.size();
        }
    }

    /**
     * A comment; {@code moderation} and {@code status} as staff and its author see them; {@code submitter}: for staff, the
     * person (masked) who sent a comment in an organisation's name.
     */
    public record CommentView(Long id, Long consultationId, String number, Long paragraphId, Integer paragraphNumber, String author,
                              String submitter, String organisation, String text, OffsetDateTime createdAt, String moderation,
                              Long groupId,
                              String status, String outcome, String reason, OffsetDateTime answeredAt, Integer rating,
                              String ratingComment) {}

    /** A group of the adoption report; {@code status}, {@code department} and {@code commentIds} for staff. */
    public record GroupView(Long id, String title, Long paragraphId, Integer paragraphNumber, long comments, String outcome,
                            String reason, OffsetDateTime publishedAt, String status, String department,
                            String returnedReason, List<Long> commentIds, List<CommentView> members) {}

    /** The adoption report: published groups; {@code complete} once every comment is answered in a published group. */
    public record Report(Long consultationId, String title, boolean complete, long comments, List<GroupView> groups) {}

    public List<ConsultationView> list(Consultation.Period period, boolean staff) {
        var query = em.createQuery("select c from Consultation c"
                + (staff ? "" : " where c.status = :p") + " order by c.opensAt desc, c.id desc", Consultation.class);
        List<Consultation> all = (staff ? query : query.setParameter("p", Consultation.Status.PUBLISHED)).getResultList();
        Instant now = clock.instant();
        return views(all.stream().filter(c -> period == null
                || c.getStatus() == Consultation.Status.PUBLISHED && c.period(now) == period).toList(), staff);
    }

    /** Open ones, closing soonest first (home page, 政府开放). */
    public List<ConsultationView> open() {
        return list(Consultation.Period.OPEN, false).stream().sorted(Comparator.comparing(ConsultationView::closesAt)).toList();
    }

    public ConsultationView view(Long id, boolean staff) {
        Consultation c = id == null ? null : em.find(Consultation.class, id);
        if (c == null || !staff && c.getStatus() != Consultation.Status.PUBLISHED) {
            throw Problem.notFound();
        }
        return views(List.of(c), staff).get(0);
    }

    private List<ConsultationView> views(List<Consultation> consultations, boolean staff) {
        if (consultations.isEmpty()) {
            return List.of();
        }
        List<Long> ids = consultations.stream().map(Consultation::getId).toList();
        Map<Long, List<ConsultationParagraph>> paragraphs = em.createQuery(
                        "select p from ConsultationParagraph p where p.consultationId in :ids order by p.number", ConsultationParagraph.class)
                .setParameter("ids", ids).getResultList().stream()
                .collect(Collectors.groupingBy(ConsultationParagraph::getConsultationId, LinkedHashMap::new, Collectors.toList()));
        Map<Long, Map<Long, Long>> counts = new HashMap<>();
        em.createQuery("select x.consultationId, x.paragraphId, count(x) from ConsultationComment x where x.consultationId in :ids"
                        + " group by x.consultationId, x.paragraphId", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> counts.computeIfAbsent((Long) r[0], k -> new HashMap<>()).put((Long) r[1], (Long) r[2]));
        Map<Long, String> topics = em.createQuery("select t from Topic t", Topic.class).getResultList().stream()
                .collect(Collectors.toMap(Topic::getId, Topic::getName));
        Instant now = clock.instant();
        List<ConsultationView> views = new ArrayList<>();
        for (Consultation c : consultations) {
            Map<Long, Long> byParagraph = counts.getOrDefault(c.getId(), new HashMap<>());
            List<ParagraphView> ps = paragraphs.getOrDefault(c.getId(), List.of()).stream()
                    .map(p -> new ParagraphView(p.getId(), p.getNumber(), p.getText(), byParagraph.getOrDefault(p.getId(), 0L)))
                    .toList();
            MajorDecision m = c.getMajorDecisionId() == null ? null : em.find(MajorDecision.class, c.getMajorDecisionId());
            boolean published = c.getStatus() == Consultation.Status.PUBLISHED;
            views.add(new ConsultationView(c.getId(), c.getTitle(), m == null || !staff && !m.isPublic() ? null : m.getId(),
                    m == null || !staff && !m.isPublic() ? null : m.getTitle(), c.getTopicId(), topics.get(c.getTopicId()),
                    c.getInterpretation(), Times.local(c.getOpensAt()), Times.local(c.getClosesAt()), c.getStatus().name(),
                    published ? c.period(now).name() : null, c.getInvitedOrganisations(), ps,
                    byParagraph.values().stream().mapToLong(Long::longValue).sum(), byParagraph.getOrDefault(null, 0L),
                    Times.local(c.getPublishedAt()), staff ? c.getAuthorId() : null, staff ? c.getSubmittedBy() : null,
                    staff ? c.getReviewNote() : null, staff ? c.getVersion() : null));
        }
        return views;
    }

    /** Comments of a consultation: the public reads those a reviewer showed; staff read all. */
    public List<CommentView> comments(Long consultationId, boolean staff) {
        view(consultationId, staff);
        var query = em.createQuery("select x from ConsultationComment x where x.consultationId = :c and x.moderation in :m"
                + " order by x.createdAt, x.id", ConsultationComment.class).setParameter("c", consultationId)
                .setParameter("m", staff ? List.of(ConsultationComment.Moderation.values()) : List.of(ConsultationComment.Moderation.SHOWN));
        return commentViews(query.getResultList(), staff);
    }

    /** The person's own comments on a consultation (or on all, when null), with their answers once published. */
    public List<CommentView> mine(Long accountId, Long consultationId) {
        var query = em.createQuery("select x from ConsultationComment x where x.authorId = :a"
                + (consultationId == null ? "" : " and x.consultationId = :c") + " order by x.createdAt desc, x.id desc",
                ConsultationComment.class).setParameter("a", accountId);
        return commentViews((consultationId == null ? query : query.setParameter("c", consultationId)).getResultList(), true);
    }

    private List<CommentView> commentViews(List<ConsultationComment> comments, boolean full) {
        Map<Long, Integer> numbers = new HashMap<>();
        List<Long> paragraphIds = comments.stream().map(ConsultationComment::getParagraphId).filter(p -> p != null).distinct().toList();
        if (!paragraphIds.isEmpty()) {
            em.createQuery("select p from ConsultationParagraph p where p.id in :ids", ConsultationParagraph.class)
                    .setParameter("ids", paragraphIds).getResultList().forEach(p -> numbers.put(p.getId(), p.getNumber()));
        }
        Map<Long, String> authors = names.of(comments.stream().map(ConsultationComment::getAuthorId).filter(a -> a != null)
                .collect(Collectors.toSet()));
        return comments.stream().map(x -> {
            boolean answered = x.handling().getStatus() == InputStatus.PUBLISHED;
            String author = x.getOrganisation() != null ? x.getOrganisation() : Masking.name(authors.get(x.getAuthorId()));
            return new CommentView(x.getId(), x.getConsultationId(), CommentSource.number(x.getId()), x.getParagraphId(),
                    numbers.get(x.getParagraphId()), author,
                    full && x.getOrganisation() != null ? Masking.name(authors.get(x.getAuthorId())) : null, x.getOrganisation(), x.getText(), Times.local(x.getCreatedAt()),
                    full ? x.getModeration().name() : null, x.getGroupId(), full ? x.handling().getStatus().name() : null,
                    answered ? x.handling().getOutcome().name() : null, answered ? x.handling().getReason() : null,
                    answered ? Times.local(x.handling().getPublishedAt()) : null, x.handling().getRating(),
                    full ? x.handling().getRatingComment() : null);
        }).toList();
    }

    /** A comment or group waiting for a reviewer, with the consultation it belongs to. */
    public record Waiting<T>(Long consultationId, String consultation, T item) {}

    /** Comments no reviewer has shown or kept out of view yet, oldest first. */
    public List<Waiting<CommentView>> toModerate() {
        List<ConsultationComment> pending = em.createQuery(
                "select x from ConsultationComment x where x.moderation = :m order by x.createdAt, x.id", ConsultationComment.class)
                .setParameter("m", ConsultationComment.Moderation.PENDING).setMaxResults(200).getResultList();
        Map<Long, String> titles = titles(pending.stream().map(ConsultationComment::getConsultationId).toList());
        List<CommentView> views = commentViews(pending, true);
        List<Waiting<CommentView>> out = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Long c = pending.get(i).getConsultationId();
            out.add(new Waiting<>(c, titles.get(c), views.get(i)));
        }
        return out;
    }

    /** Groups answered and waiting for a reviewer to publish or return the answer. */
    public List<Waiting<GroupView>> answeredGroups() {
        List<Long> consultations = em.createQuery("""
                select distinct x.consultationId from ConsultationComment x where x.groupId is not null and x.handling.status = :a""",
                Long.class).setParameter("a", InputStatus.ANSWERED).getResultList();
        Map<Long, String> titles = titles(consultations);
        List<Waiting<GroupView>> out = new ArrayList<>();
        for (Long c : consultations) {
            report(c, true).groups().stream().filter(g -> "ANSWERED".equals(g.status()))
                    .forEach(g -> out.add(new Waiting<>(c, titles.get(c), g)));
        }
        return out;
    }

    /** The person's comments on every consultation, newest first, each with its consultation's title. */
    public List<Waiting<CommentView>> mineEverywhere(Long accountId) {
        List<CommentView> mine = mine(accountId, null);
        Map<Long, String> titles = titles(mine.stream().map(CommentView::consultationId).toList());
        return mine.stream().map(c -> new Waiting<>(c.consultationId(), titles.get(c.consultationId()), c)).toList();
    }

    /** Groups given to a department and not answered yet (or returned): its handlers' work. */
    public List<Waiting<GroupView>> groupsFor(Long departmentId) {
        if (departmentId == null) {
            return List.of();
        }
        List<CommentGroup> groups = em.createQuery("select g from CommentGroup g where g.departmentId = :d order by g.id",
                CommentGroup.class).setParameter("d", departmentId).getResultList();
        Set<Long> ids = groups.stream().map(CommentGroup::getId).collect(Collectors.toSet());
        List<Long> consultations = groups.stream().map(CommentGroup::getConsultationId).distinct().toList();
        Map<Long, String> titles = titles(consultations);
        List<Waiting<GroupView>> out = new ArrayList<>();
        for (Long c : consultations) {
            report(c, true).groups().stream().filter(g -> ids.contains(g.id()) && "ASSIGNED".equals(g.status()))
                    .forEach(g -> out.add(new Waiting<>(c, titles.get(c), g)));
        }
        return out;
    }

    private Map<Long, String> titles(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("select c from Consultation c where c.id in :ids", Consultation.class)
                .setParameter("ids", ids.stream().distinct().toList()).getResultList().stream()
                .collect(Collectors.toMap(Consultation::getId, Consultation::getTitle));
    }

    /** The adoption report: published groups for everyone; staff also see the groups at work. */
    public Report report(Long consultationId, boolean staff) {
        ConsultationView c = view(consultationId, staff);
        List<ConsultationComment> comments = em.createQuery(
                "select x from ConsultationComment x where x.consultationId = :c order by x.id", ConsultationComment.class)
                .setParameter("c", consultationId).getResultList();
        Map<Long, List<ConsultationComment>> byGroup = comments.stream().filter(x -> x.getGroupId() != null)
                .collect(Collectors.groupingBy(ConsultationComment::getGroupId));
        Map<Long, String> departmentNames = departments.departments().stream()
                .collect(Collectors.toMap(Department::getId, Department::getName));
        Map<Long, Integer> numbers = c.paragraphs().stream().collect(Collectors.toMap(ParagraphView::id, ParagraphView::number));
        List<GroupView> groups = new ArrayList<>();
        for (CommentGroup g : em.createQuery("select g from CommentGroup g where g.consultationId = :c order by g.id", CommentGroup.class)
                .setParameter("c", consultationId).getResultList()) {
            List<ConsultationComment> members = byGroup.getOrDefault(g.getId(), List.of());
            InputStatus status = members.stream().map(x -> x.handling().getStatus()).min(Comparator.naturalOrder())
                    .orElse(InputStatus.ASSIGNED);
            boolean published = status == InputStatus.PUBLISHED;
            if (!published && !staff) {
                continue;
            }
            ConsultationComment first = members.isEmpty() ? null : members.get(0);
            boolean answered = first != null && first.handling().getOutcome() != null;
            groups.add(new GroupView(g.getId(), g.getTitle(), g.getParagraphId(), numbers.get(g.getParagraphId()), members.size(),
                    answered && (published || staff) ? first.handling().getOutcome().name() : null,
                    answered && (published || staff) ? first.handling().getReason() : null,
                    published ? Times.local(first.handling().getPublishedAt()) : null, staff ? status.name() : null,
                    staff ? departmentNames.get(g.getDepartmentId()) : null,
                    staff && first != null ? first.handling().getReturnedReason() : null,
                    staff ? members.stream().map(ConsultationComment::getId).toList() : null,
                    staff ? commentViews(members, true) : null));
        }
        groups.sort(Comparator.comparing((GroupView g) -> g.paragraphNumber() == null ? 0 : g.paragraphNumber())
                .thenComparing(GroupView::id));
        boolean complete = !comments.isEmpty() && comments.stream().allMatch(x -> x.handling().getStatus() == InputStatus.PUBLISHED);
        return new Report(consultationId, c.title(), complete, comments.size(), groups);
    }

    /** What the statistics count of a year's consultations (by the year they opened). */
    public record ConsultationFigures(long consultations, long comments, long answersPublished, long adopted,
                                      double adoptionRate) {}

    public ConsultationFigures figures(int year) {
        Instant from = Times.startOf(LocalDate.of(year, 1, 1));
        Instant to = Times.startOf(LocalDate.of(year + 1, 1, 1));
        long held = em.createQuery("select count(c) from Consultation c where c.status = :p and c.opensAt >= :f and c.opensAt < :t",
                Long.class).setParameter("p", Consultation.Status.PUBLISHED).setParameter("f", from).setParameter("t", to)
                .getSingleResult();
        long comments = 0;
        long answered = 0;
        long adopted = 0;
        for (Object[] r : em.createQuery("""
                        select x.handling.status, x.handling.outcome, count(x) from ConsultationComment x, Consultation c
                        where x.consultationId = c.id and c.status = :p and c.opensAt >= :f and c.opensAt < :t
                        group by x.handling.status, x.handling.outcome""", Object[].class)
                .setParameter("p", Consultation.Status.PUBLISHED).setParameter("f", from).setParameter("t", to).getResultList()) {
            long n = (Long) r[2];
            comments += n;
            if (r[0] == InputStatus.PUBLISHED) {
                answered += n;
                if (r[1] != null && ((Outcome) r[1]).isAdoption()) {
                    adopted += n;
                }
            }
        }
        return new ConsultationFigures(held, comments, answered, adopted,
                Rates.percent(adopted, answered));
    }
}
