package cn.pujin.open.message.control;

import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.message.entity.Investigation;
import cn.pujin.open.message.entity.Message;
import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Topic investigations (专题调查): when more than {@code MESSAGE_INVESTIGATION_THRESHOLD} messages on one topic arrive
 * within {@code MESSAGE_INVESTIGATION_DAYS} days the dashboard proposes one; staff open it (it takes the topic's
 * messages of the period), record findings and a conclusion and submit it; a reviewer who did not submit it publishes
 * it and every author of its messages is told.
 */
@ApplicationScoped
public class Investigations {

    public static final int TITLE_MAX = 200;
    public static final int TEXT_MAX = 8000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifications notifications;

    @Inject
    MessageViews messageViews;

    @Inject
    Links links;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "MESSAGE_INVESTIGATION_THRESHOLD", defaultValue = "5")
    int threshold;

    @Inject
    @ConfigProperty(name = "MESSAGE_INVESTIGATION_DAYS", defaultValue = "30")
    int days;

    /** Topics with at least the threshold of messages in the period and no investigation opened on them within it. */
    public List<InvestigationView.Proposal> proposals(InputActor actor) {
        if (!actor.staff()) {
            throw Problem.forbidden();
        }
        Instant since = since();
        Set<Long> covered = new LinkedHashSet<>(em.createQuery(
                        "select i.topicId from Investigation i where i.openedAt >= :since or i.status <> :p", Long.class)
                .setParameter("since", since).setParameter("p", Investigation.Status.PUBLISHED).getResultList());
        Map<Long, String> names = messageViews.topicNames();
        List<InvestigationView.Proposal> proposals = new ArrayList<>();
        for (Object[] r : em.createQuery("select t, count(m) from Message m join m.topicIds t where m.createdAt >= :since "
                        + "group by t having count(m) >= :n order by count(m) desc", Object[].class)
                .setParameter("since", since).setParameter("n", (long) threshold).getResultList()) {
            Long topic = (Long) r[0];
            if (!covered.contains(topic)) {
                proposals.add(new InvestigationView.Proposal(topic, names.get(topic), (Long) r[1], days));
            }
        }
        return proposals;
    }

    /** Opens one on a topic (404 for an unknown topic): it answers the topic's messages of the period. */
    @Transactional
    public Investigation open(InputActor actor, Long topicId, String title) {
        requireOrganiser(actor);
        if (topicId == null || !messageViews.topicNames().containsKey(topicId)) {
            throw Problem.notFound();
        }
        String t = Texts.strip(title);
        if (t == null || Texts.length(t) > TITLE_MAX) {
            throw Problem.invalid("title", "validation.length", 1, TITLE_MAX);
        }
        Set<Long> messages = new LinkedHashSet<>(em.createQuery(
                        "select m.id from Message m where :t member of m.topicIds and m.createdAt >= :since order by m.id", Long.class)
                .setParameter("t", topicId).setParameter("since", since()).getResultList());
        Investigation i = new Investigation(topicId, t, messages, actor.id(), clock.instant());
        em.persist(i);
        em.flush();
        audit.record(actor.id(), "investigation", i.getId(), "investigation.open", null, i.getStatus(), t);
        return i;
    }

    @Transactional
    public Investigation record(InputActor actor, Long id, String findings, String conclusion) {
        requireOrganiser(actor);
        Investigation i = find(id);
        List<Problem.FieldError> errors = new ArrayList<>();
        String f = Texts.strip(findings);
        String c = Texts.strip(conclusion);
        if (f != null && Texts.length(f) > TEXT_MAX) {
            errors.add(new Problem.FieldError("findings", "validation.size.max.n", TEXT_MAX));
        }
        if (c != null && Texts.length(c) > TEXT_MAX) {
            errors.add(new Problem.FieldError("conclusion", "validation.size.max.n", TEXT_MAX));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        i.record(f, c);
        audit.record(actor.id(), "investigation", id, "investigation.update", i.getStatus(), i.getStatus(), null);
        return i;
    }

    @Transactional
    public Investigation submit(InputActor actor, Long id) {
        requireOrganiser(actor);
        Investigation i = find(id);
        var before = i.getStatus();
        i.submit(actor.id());
        audit.record(actor.id(), "investigation", id, "investigation.submit", before, i.getStatus(), null);
        return i;
    }

    /** Published by a reviewer who did not submit it; every author of its messages is told by mail. */
    @Transactional
    public Investigation publish(InputActor actor, Long id) {
        Faqs.requireReviewer(actor);
        Investigation i = find(id);
        var before = i.getStatus();
        i.publish(actor.id(), clock.instant());
        audit.record(actor.id(), "investigation", id, "investigation.publish", before, i.getStatus(), null);
        if (!i.getMessageIds().isEmpty()) {
            Set<Long> authors = em.createQuery("select m.authorId from Message m where m.id in :ids and m.authorId is not null", Long.class)
                    .setParameter("ids", List.copyOf(i.getMessageIds())).getResultList().stream().collect(Collectors.toSet());
            String topic = messageViews.topicNames().get(i.getTopicId());
            String excerpt = i.getConclusion().length() > 200 ? i.getConclusion().substring(0, 200) + "…" : i.getConclusion();
            for (Long author : authors) {
                notifications.notify(author, null, "INVESTIGATION_PUBLISHED", "mail.investigation.published",
                        new Object[]{i.getTitle(), topic, excerpt, links.to("/messages/investigation.xhtml?id=" + id)}, null);
            }
        }
        return i;
    }

    @Transactional
    public Investigation returnToStaff(InputActor actor, Long id, String reason) {
        Faqs.requireReviewer(actor);
        String why = Texts.reason(reason, 500, "message.reason.review");
        Investigation i = find(id);
        var before = i.getStatus();
        i.returnToStaff(actor.id(), why);
        audit.record(actor.id(), "investigation", id, "investigation.return", before, i.getStatus(), why);
        return i;
    }

    /** A published one for anyone; staff see any. */
    public Investigation readable(InputActor actor, Long id) {
        Investigation i = id == null ? null : em.find(Investigation.class, id);
        if (i == null || i.getStatus() != Investigation.Status.PUBLISHED && (actor == null || !actor.staff())) {
            throw Problem.notFound();
        }
        return i;
    }

    /** Published ones, newest first; for staff with {@code all}, every one. */
    public List<Investigation> list(InputActor actor, boolean all) {
        if (all && (actor == null || !actor.staff())) {
            throw Problem.forbidden();
        }
        var query = em.createQuery("select i from Investigation i" + (all ? "" : " where i.status = :p")
                + " order by i.publishedAt desc, i.openedAt desc, i.id desc", Investigation.class);
        if (!all) {
            query.setParameter("p", Investigation.Status.PUBLISHED);
        }
        return query.setMaxResults(200).getResultList();
    }

    public InvestigationView view(InputActor actor, Investigation i) {
        boolean staff = actor != null && actor.staff();
        List<InvestigationView.Linked> linked = new ArrayList<>();
        if (!i.getMessageIds().isEmpty()) {
            for (Message m : em.createQuery("select m from Message m where m.id in :ids order by m.id", Message.class)
                    .setParameter("ids", List.copyOf(i.getMessageIds())).getResultList()) {
                linked.add(new InvestigationView.Linked(m.getId(), MessageSource.number(m.getId()),
                        staff || MessageBoard.isPublic(m) ? m.getText() : null));
            }
        }
        return new InvestigationView(i.getId(), i.getTopicId(), messageViews.topicNames().get(i.getTopicId()), i.getTitle(),
                i.getFindings(), i.getConclusion(), staff ? i.getStatus().name() : null, Times.local(i.getOpenedAt()),
                Times.local(i.getPublishedAt()), linked.size(), linked, staff ? i.getReviewNote() : null, i.getVersion());
    }

    private Instant since() {
        return clock.instant().minus(Duration.ofDays(days));
    }

    private Investigation find(Long id) {
        Investigation i = id == null ? null : em.find(Investigation.class, id);
        if (i == null) {
            throw Problem.notFound();
        }
        return i;
    }

    private static void requireOrganiser(InputActor actor) {
        Faqs.requireOrganiser(actor);
    }

}
