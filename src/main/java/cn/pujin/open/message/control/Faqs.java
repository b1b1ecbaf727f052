package cn.pujin.open.message.control;

import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.message.entity.Faq;
import cn.pujin.open.message.entity.Message;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Common questions (常见问题) per topic, written by staff from answered messages ("解决一件、带动一片"), public after a
 * reviewer who did not write them publishes them; the public list is searched by words (smartcn).
 */
@ApplicationScoped
public class Faqs {

    public static final int QUESTION_MAX = 500;
    public static final int ANSWER_MIN = 10;
    public static final int ANSWER_MAX = 4000;

    @PersistenceContext
    EntityManager em;

    @Inject
    MessageIndex index;

    @Inject
    MessageViews messageViews;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Transactional
    public Faq create(InputActor actor, FaqRequest request) {
        requireOrganiser(actor);
        Checked c = check(request);
        Faq f = new Faq(c.topicId(), c.question(), c.answer(), c.messageIds(), actor.id(), clock.instant());
        em.persist(f);
        em.flush();
        audit.record(actor.id(), "faq", f.getId(), "faq.create", null, f.getStatus(), c.question());
        return f;
    }

    /** Its author (or another organiser) rewrites an entry not yet published; it goes to review again. */
    @Transactional
    public Faq revise(InputActor actor, Long id, FaqRequest request) {
        requireOrganiser(actor);
        Faq f = find(id);
        Checked c = check(request);
        var before = f.getStatus();
        f.revise(c.topicId(), c.question(), c.answer(), c.messageIds());
        audit.record(actor.id(), "faq", id, "faq.update", before, f.getStatus(), c.question());
        return f;
    }

    @Transactional
    public Faq publish(InputActor actor, Long id) {
        requireReviewer(actor);
        Faq f = find(id);
        var before = f.getStatus();
        f.publish(actor.id(), clock.instant());
        audit.record(actor.id(), "faq", id, "faq.publish", before, f.getStatus(), null);
        return f;
    }

    @Transactional
    public Faq returnToAuthor(InputActor actor, Long id, String reason) {
        requireReviewer(actor);
        String why = Texts.reason(reason, 500, "message.reason.review");
        Faq f = find(id);
        var before = f.getStatus();
        f.returnToAuthor(actor.id(), why);
        audit.record(actor.id(), "faq", id, "faq.return", before, f.getStatus(), why);
        return f;
    }

    /** A published entry for anyone; staff see any. */
    public Faq readable(InputActor actor, Long id) {
        Faq f = id == null ? null : em.find(Faq.class, id);
        if (f == null || f.getStatus() != Faq.Status.PUBLISHED && (actor == null || !actor.staff())) {
            throw Problem.notFound();
        }
        return f;
    }

    /** Published entries, by topic name then newest; with {@code q}, those matching its words, best first. */
    public List<Faq> published(Long topicId, String q) {
        String words = Texts.strip(q);
        if (words != null) {
            List<Faq> found = new ArrayList<>();
            for (MessageIndex.Hit hit : index.similar(words, true, null, 200)) {
                if (hit.kind().equals("faq")) {
                    Faq f = em.find(Faq.class, hit.id());
                    if (f != null && (topicId == null || topicId.equals(f.getTopicId()))) {
                        found.add(f);
                    }
                }
            }
            return found;
        }
        var query = em.createQuery("select f from Faq f where f.status = :p"
                        + (topicId == null ? "" : " and f.topicId = :t") + " order by f.publishedAt desc, f.id desc", Faq.class)
                .setParameter("p", Faq.Status.PUBLISHED);
        if (topicId != null) {
            query.setParameter("t", topicId);
        }
        List<Long> order = List.copyOf(messageViews.topicNames().keySet());
        return query.getResultList().stream().sorted(java.util.Comparator.comparingInt(f -> order.indexOf(f.getTopicId()))).toList();
    }

    /** Entries waiting for review or returned to their authors (staff). */
    public List<Faq> unpublished(InputActor actor) {
        if (!actor.staff()) {
            throw Problem.forbidden();
        }
        return em.createQuery("select f from Faq f where f.status <> :p order by f.createdAt, f.id", Faq.class)
                .setParameter("p", Faq.Status.PUBLISHED).getResultList();
    }

    public List<FaqView> views(InputActor actor, List<Faq> list) {
        boolean staff = actor != null && actor.staff();
        Map<Long, String> topics = messageViews.topicNames();
        List<FaqView> views = new ArrayList<>();
        for (Faq f : list) {
            List<Long> ids = List.copyOf(f.getMessageIds());
            views.add(new FaqView(f.getId(), f.getTopicId(), topics.get(f.getTopicId()), f.getQuestion(), f.getAnswer(),
                    staff ? f.getStatus().name() : null, ids.stream().sorted().map(MessageSource::number).toList(),
                    staff ? ids : null, Times.local(f.getPublishedAt()), staff ? f.getReviewNote() : null,
                    staff ? f.getAuthorId() : null, f.getVersion()));
        }
        return views;
    }

    private record Checked(Long topicId, String question, String answer, Set<Long> messageIds) {}

    private Checked check(FaqRequest request) {
        FaqRequest r = request == null ? new FaqRequest(null, null, null, null) : request;
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.topicId() == null || !messageViews.topicNames().containsKey(r.topicId())) {
            errors.add(new Problem.FieldError("topicId", "faq.topic.required"));
        }
        String question = Texts.strip(r.question());
        if (question == null || Texts.length(question) > QUESTION_MAX) {
            errors.add(new Problem.FieldError("question", "validation.length", 1, QUESTION_MAX));
        }
        String answer = Texts.strip(r.answer());
        if (answer == null || Texts.length(answer) < ANSWER_MIN || Texts.length(answer) > ANSWER_MAX) {
            errors.add(new Problem.FieldError("answer", "validation.length", ANSWER_MIN, ANSWER_MAX));
        }
        Set<Long> ids = new LinkedHashSet<>(r.messageIds() == null ? List.of() : r.messageIds());
        if (ids.isEmpty() || ids.contains(null) || ids.size() > 50 || em.createQuery(
                "select count(m) from Message m where m.id in :ids and m.handling.status in :answered", Long.class)
                .setParameter("ids", List.copyOf(ids)).setParameter("answered", List.of(InputStatus.ANSWERED, InputStatus.PUBLISHED))
                .getSingleResult() != ids.size()) {
            errors.add(new Problem.FieldError("messageIds", "faq.messages.answered"));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        return new Checked(r.topicId(), question, answer, ids);
    }

    Faq find(Long id) {
        Faq f = id == null ? null : em.find(Faq.class, id);
        if (f == null) {
            throw Problem.notFound();
        }
        return f;
    }

    static void requireOrganiser(InputActor actor) {
        if (!actor.organiser()) {
            throw Problem.forbidden();
        }
    }

    static void requireReviewer(InputActor actor) {
        if (!actor.reviewer()) {
            throw Problem.forbidden();
        }
    }

    /** Messages an entry may be made from: answered ones, newest first (for the staff form). */
    public List<Message> answeredMessages(Long topicId) {
        var query = em.createQuery("select m from Message m where m.handling.status in :answered"
                        + (topicId == null ? "" : " and :t member of m.topicIds") + " order by m.handling.answeredAt desc", Message.class)
                .setParameter("answered", List.of(InputStatus.ANSWERED, InputStatus.PUBLISHED));
        if (topicId != null) {
            query.setParameter("t", topicId);
        }
        return query.setMaxResults(100).getResultList();
    }
}
