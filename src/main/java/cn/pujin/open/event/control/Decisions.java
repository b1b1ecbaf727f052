package cn.pujin.open.event.control;

import jakarta.enterprise.event.Event;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.event.entity.AgendaItem;
import cn.pujin.open.event.entity.Decision;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.review.entity.ReviewedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Meeting decisions (会议议定结果) per agenda item: written by an organiser, published after review. */
@ApplicationScoped
public class Decisions {

    public static final int TEXT_MAX = 4000;

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    @Inject
    Event<DecisionPublished> published;

    /** Staff see the text under review and the review note; everyone else only what was published. */
    public record DecisionView(Long agendaItemId, Long eventId, int position, String agendaItem, String text,
                               String status, String reviewNote, String publishedText, OffsetDateTime publishedAt,
                               long version) {}

    @Transactional
    public Decision write(Long organiser, Long eventId, Long agendaItemId, String text) {
        AgendaItem item = item(eventId, agendaItemId);
        String t = Texts.strip(text);
        if (t == null || Texts.length(t) > TEXT_MAX) {
            throw Problem.invalid("text", "validation.length", 1, TEXT_MAX);
        }
        Decision d = em.find(Decision.class, item.getId());
        if (d == null) {
            d = new Decision(item.getId(), eventId);
            em.persist(d);
        }
        ReviewedText.Status before = d.content().getStatus();
        d.content().write(organiser, t, clock.instant());
        audit.record(organiser, "decision", item.getId(), "decision.write", before, d.content().getStatus(), null);
        return d;
    }

    @Transactional
    public Decision publish(Long reviewer, Long eventId, Long agendaItemId) {
        Decision d = existing(eventId, agendaItemId);
        ReviewedText.Status before = d.content().getStatus();
        d.content().publish(reviewer, clock.instant());
        audit.record(reviewer, "decision", agendaItemId, "decision.publish", before, d.content().getStatus(), null);
        published.fire(new DecisionPublished(eventId, agendaItemId, item(eventId, agendaItemId).getTitle()));
        return d;
    }

    @Transactional
    public Decision returnToAuthor(Long reviewer, Long eventId, Long agendaItemId, String reason) {
        String why = Texts.strip(reason);
        if (why == null || why.length() > 500) {
            throw Problem.invalid("reason", "validation.length", 1, 500);
        }
        Decision d = existing(eventId, agendaItemId);
        ReviewedText.Status before = d.content().getStatus();
        d.content().returnToAuthor(reviewer, why);
        audit.record(reviewer, "decision", agendaItemId, "decision.return", before, d.content().getStatus(), why);
        return d;
    }

    /** Every agenda item of a published event with its decision (staff) or published decision (public). */
    public List<DecisionView> of(Long eventId, boolean staff) {
        seats.bookable(eventId);
        List<AgendaItem> items = em.createQuery("select i from AgendaItem i where i.event.id = :e order by i.position, i.id",
                AgendaItem.class).setParameter("e", eventId).getResultList();
        Map<Long, Decision> decisions = em.createQuery("select d from Decision d where d.eventId = :e", Decision.class)
                .setParameter("e", eventId).getResultList().stream()
                .collect(Collectors.toMap(Decision::getAgendaItemId, Function.identity()));
        return items.stream().map(i -> view(i, decisions.get(i.getId()), staff)).toList();
    }

    /** Decisions waiting for a reviewer. */
    public List<DecisionView> inReview() {
        return em.createQuery("select d from Decision d where d.content.status = :s order by d.content.writtenAt", Decision.class)
                .setParameter("s", ReviewedText.Status.IN_REVIEW).setMaxResults(200).getResultList().stream()
                .map(d -> view(em.find(AgendaItem.class, d.getAgendaItemId()), d, true)).toList();
    }

    /** The published decision on an agenda item, if there is one. */
    public Optional<String> publishedText(Long agendaItemId) {
        Decision d = agendaItemId == null ? null : em.find(Decision.class, agendaItemId);
        return Optional.ofNullable(d == null ? null : d.content().getPublishedText());
    }

    public DecisionView view(Long eventId, Long agendaItemId) {
        AgendaItem item = item(eventId, agendaItemId);
        return view(item, em.find(Decision.class, item.getId()), true);
    }

    private static DecisionView view(AgendaItem item, Decision d, boolean staff) {
        if (d == null) {
            return new DecisionView(item.getId(), item.getEvent().getId(), item.getPosition(), item.getTitle(), null, null,
                    null, null, null, 0);
        }
        return new DecisionView(item.getId(), d.getEventId(), item.getPosition(), item.getTitle(),
                staff ? d.content().getText() : d.content().getPublishedText(), staff ? d.content().getStatus().name() : null,
                staff ? d.content().getReviewNote() : null, d.content().getPublishedText(), Times.local(d.content().getPublishedAt()),
                d.getVersion());
    }

    private Decision existing(Long eventId, Long agendaItemId) {
        AgendaItem item = item(eventId, agendaItemId);
        Decision d = em.find(Decision.class, item.getId());
        if (d == null) {
            throw Problem.notFound();
        }
        return d;
    }

    private AgendaItem item(Long eventId, Long agendaItemId) {
        seats.bookable(eventId);
        AgendaItem item = agendaItemId == null ? null : em.find(AgendaItem.class, agendaItemId);
        if (item == null || !item.getEvent().getId().equals(eventId)) {
            throw Problem.notFound();
        }
        return item;
    }
}
