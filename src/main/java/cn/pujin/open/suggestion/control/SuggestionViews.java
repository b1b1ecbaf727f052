package cn.pujin.open.suggestion.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.input.entity.Handling;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.suggestion.entity.Milestone;
import cn.pujin.open.suggestion.entity.Suggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Suggestions as the API and the pages show them: the author sees outcome, reason and plan once the answer is
 * published, staff and the department's handlers the whole way; other people's names masked.
 */
@ApplicationScoped
public class SuggestionViews {

    @PersistenceContext
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    Departments departments;

    @Inject
    SuggestionTexts texts;

    @Inject
    Clock clock;

    public List<SuggestionView> views(InputActor actor, List<Suggestion> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Suggestion::getId).toList();
        Map<Long, List<SuggestionView.AttachmentView>> files = new HashMap<>();
        em.createQuery("""
                        select a.id, a.suggestionId, a.fileName, a.mediaType, a.size from SuggestionAttachment a
                        where a.suggestionId in :ids order by a.id""", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> files.computeIfAbsent((Long) r[1], k -> new ArrayList<>())
                        .add(new SuggestionView.AttachmentView((Long) r[0], (String) r[2], (String) r[3], (Integer) r[4])));
        Map<Long, List<SuggestionView.MilestoneView>> steps = new HashMap<>();
        for (Milestone m : em.createQuery("select m from Milestone m where m.suggestionId in :ids order by m.dueOn, m.id",
                Milestone.class).setParameter("ids", ids).getResultList()) {
            boolean seeAll = actor.staff() || actor.handler();
            if (seeAll || m.getStatus() == Milestone.Status.PUBLISHED) {
                steps.computeIfAbsent(m.getSuggestionId(), k -> new ArrayList<>()).add(milestoneView(m));
            }
        }
        Map<Long, Account> people = accounts.byIds(list.stream().map(Suggestion::getAuthorId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        Map<Long, String> departmentNames = departments.departments().stream()
                .collect(Collectors.toMap(Department::getId, Department::getName));
        LocalDate today = LocalDate.now(clock);
        List<SuggestionView> views = new ArrayList<>();
        for (Suggestion s : list) {
            Handling h = s.handling();
            boolean handles = InputWorkflow.handles(actor, s);
            boolean full = actor.staff() || handles || h.getStatus() == InputStatus.PUBLISHED;
            boolean own = actor.id().equals(s.getAuthorId());
            Account author = s.getAuthorId() == null ? null : people.get(s.getAuthorId());
            String authorName = author != null ? (own || actor.staff() || actor.handler() ? author.getDisplayName()
                    : Masking.name(author.getDisplayName())) : s.getOnBehalfOf();
            views.add(new SuggestionView(s.getId(), s.getEventId(), texts.eventTitle(s.getEventId()), s.getAgendaItemId(),
                    texts.agendaTitle(s.getAgendaItemId()), authorName, s.getChannel().name(), s.getOnBehalfOf(), s.getText(),
                    h.getStatus().name(), Times.local(s.getCreatedAt()), h.getDepartmentId(),
                    departmentNames.get(h.getDepartmentId()), Times.local(h.getAssignedAt()), h.getAcknowledgeDueOn(),
                    Times.local(h.getAcknowledgedAt()), h.getDueOn(), h.isOverdue(today),
                    full ? Times.local(h.getAnsweredAt()) : null, full && h.getOutcome() != null ? h.getOutcome().name() : null,
                    full ? h.getReason() : null, full ? h.getPlan() : null,
                    actor.staff() || handles ? h.getReturnedReason() : null,
                    Times.local(h.getPublishedAt()), h.getRating(), h.getRatingComment(), Times.local(h.getRatedAt()),
                    h.isFlagged(), texts.decisionText(s.getAgendaItemId()).orElse(null),
                    files.getOrDefault(s.getId(), List.of()), steps.getOrDefault(s.getId(), List.of()), s.getVersion()));
        }
        return views;
    }

    public SuggestionView view(InputActor actor, Suggestion s) {
        return views(actor, List.of(s)).get(0);
    }

    static SuggestionView.MilestoneView milestoneView(Milestone m) {
        return new SuggestionView.MilestoneView(m.getId(), m.getDueOn(), m.getText(), m.getProgress(), m.getStatus().name());
    }
}
