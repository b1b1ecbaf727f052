package cn.pujin.open.suggestion.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.Decisions;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.input.entity.Handling;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Rates;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.suggestion.entity.Milestone;
import cn.pujin.open.suggestion.entity.Suggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The public record of what came of the suggestions: published answers with masked authors, the meeting's
 * published decisions and milestones, and per event the adoption and on-time answer rates.
 */
@ApplicationScoped
public class Feedback {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Seats seats;

    @Inject
    Decisions decisions;

    @Inject
    SuggestionTexts texts;

    public FeedbackView feedback(Long eventId, Outcome outcome, Paging paging) {
        String where = " where s.handling.status = :published" + (eventId != null ? " and s.eventId = :event" : "")
                + (outcome != null ? " and s.handling.outcome = :outcome" : "");
        TypedQuery<Suggestion> q = em.createQuery("select s from Suggestion s" + where
                + " order by s.eventId desc, s.agendaItemId, s.handling.publishedAt desc, s.id", Suggestion.class);
        TypedQuery<Long> c = em.createQuery("select count(s) from Suggestion s" + where, Long.class);
        for (TypedQuery<?> t : List.of(q, c)) {
            t.setParameter("published", InputStatus.PUBLISHED);
            if (eventId != null) {
                t.setParameter("event", eventId);
            }
            if (outcome != null) {
                t.setParameter("outcome", outcome);
            }
        }
        List<Suggestion> page = q.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList();
        Map<Long, Account> authors = accounts.byIds(page.stream().map(Suggestion::getAuthorId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, List<SuggestionView.MilestoneView>> steps = new HashMap<>();
        if (!page.isEmpty()) {
            em.createQuery("select m from Milestone m where m.suggestionId in :ids and m.status = :p order by m.dueOn, m.id",
                            Milestone.class)
                    .setParameter("ids", page.stream().map(Suggestion::getId).toList())
                    .setParameter("p", Milestone.Status.PUBLISHED).getResultList()
                    .forEach(m -> steps.computeIfAbsent(m.getSuggestionId(), k -> new ArrayList<>()).add(SuggestionViews.milestoneView(m)));
        }
        List<FeedbackView.Item> items = new ArrayList<>();
        for (Suggestion s : page) {
            Account a = s.getAuthorId() == null ? null : authors.get(s.getAuthorId());
            String name = Masking.name(a != null ? a.getDisplayName() : s.getOnBehalfOf());
            List<SuggestionView.MilestoneView> ms = steps.getOrDefault(s.getId(), List.of());
            items.add(new FeedbackView.Item(s.getId(), s.getEventId(), texts.eventTitle(s.getEventId()),
                    s.getAgendaItemId(), texts.agendaTitle(s.getAgendaItemId()), name, s.getChannel().name(),
                    s.getText(), Times.local(s.getCreatedAt()), s.handling().getOutcome().name(), s.handling().getReason(), s.handling().getPlan(),
                    Times.local(s.handling().getPublishedAt()), s.handling().answeredOnTime(),
                    texts.decisionText(s.getAgendaItemId()).orElse(null), ms,
                    ms.stream().mapToInt(SuggestionView.MilestoneView::progress).max().orElse(0)));
        }
        return new FeedbackView(items, c.getSingleResult(), summaries(eventId));
    }

    /** Adoption and on-time rates over the published answers, per event (one event, or all with any). */
    List<FeedbackView.EventSummary> summaries(Long eventId) {
        TypedQuery<Object[]> q = em.createQuery("select s.eventId, s.handling.outcome, s.handling.answeredAt, s.handling.dueOn from Suggestion s"
                + " where s.handling.status = :published" + (eventId != null ? " and s.eventId = :event" : "")
                + " order by s.eventId desc", Object[].class).setParameter("published", InputStatus.PUBLISHED);
        if (eventId != null) {
            q.setParameter("event", eventId);
        }
        Map<Long, long[]> counts = new LinkedHashMap<>();
        for (Object[] r : q.getResultList()) {
            long[] n = counts.computeIfAbsent((Long) r[0], k -> new long[Outcome.values().length + 2]);
            n[((Outcome) r[1]).ordinal()]++;
            n[Outcome.values().length]++;
            if (Handling.onTime((Instant) r[2], (LocalDate) r[3])) {
                n[Outcome.values().length + 1]++;
            }
        }
        if (eventId != null && counts.isEmpty()) {
            counts.put(eventId, new long[Outcome.values().length + 2]);
        }
        List<FeedbackView.EventSummary> out = new ArrayList<>();
        counts.forEach((event, n) -> {
            long total = n[Outcome.values().length];
            long adopted = n[Outcome.ADOPTED.ordinal()] + n[Outcome.PARTLY_ADOPTED.ordinal()];
            var b = seats.bookable(event);
            List<FeedbackView.AgendaDecision> agenda = decisions.of(event, false).stream()
                    .map(d -> new FeedbackView.AgendaDecision(d.agendaItemId(), d.agendaItem(), d.publishedText(),
                            d.publishedAt() == null ? null : d.publishedAt().toLocalDate()))
                    .toList();
            out.add(new FeedbackView.EventSummary(event, b.title(), Times.local(b.startsAt()), total,
                    n[Outcome.ADOPTED.ordinal()], n[Outcome.PARTLY_ADOPTED.ordinal()], n[Outcome.NOT_ADOPTED.ordinal()],
                    n[Outcome.EXPLAINED.ordinal()], Rates.percent(adopted, total), Rates.percent(n[Outcome.values().length + 1], total), agenda));
        });
        return out;
    }
}
