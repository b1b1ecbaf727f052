package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.suggestion.control.Decisions;
import cn.pujin.open.suggestion.control.SuggestionView;
import cn.pujin.open.suggestion.control.Suggestions;
import cn.pujin.open.suggestion.entity.Milestone;
import cn.pujin.open.suggestion.entity.SuggestionStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /review/suggestions.xhtml}: answers, meeting decisions and milestones waiting for a reviewer (先审查后公开). */
@Named
@ViewScoped
public class SuggestionReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Suggestions suggestions;

    @Inject
    Decisions decisions;

    @Inject
    SuggestionActor actor;

    private final Map<Long, String> returnReasons = new HashMap<>();
    private final Map<Long, String> decisionReasons = new HashMap<>();
    private final Map<Long, String> summaryReasons = new HashMap<>();
    private transient List<SuggestionView> answers;

    public List<SuggestionView> getAnswers() {
        if (answers == null) {
            Suggestions.Actor me = actor.get();
            answers = suggestions.views(me, suggestions.queue(me, new Suggestions.QueueFilter(SuggestionStatus.ANSWERED, null,
                    false, null, false), new Paging(0, 100)).items());
        }
        return answers;
    }

    public List<Decisions.DecisionView> getDecisions() {
        return decisions.inReview();
    }

    public List<Milestone> getMilestones() {
        return suggestions.pendingMilestones();
    }

    @Inject
    cn.pujin.open.openness.control.Summaries summaries;

    public List<cn.pujin.open.openness.control.Summaries.SummaryView> getSummaries() {
        return summaries.inReview();
    }

    public void publishSummary(Long eventId) {
        act(() -> summaries.publish(actor.get().id(), eventId), "decision.done.published");
    }

    public void returnSummary(Long eventId) {
        act(() -> summaries.returnToAuthor(actor.get().id(), eventId, summaryReasons.get(eventId)),
                "suggestion.done.returned");
    }

    public String number(Long suggestionId) {
        return Suggestions.number(suggestionId);
    }

    public void publish(Long id) {
        act(() -> suggestions.publish(actor.get(), id), "suggestion.done.published");
    }

    public void returnAnswer(Long id) {
        act(() -> suggestions.returnAnswer(actor.get(), id, returnReasons.get(id)), "suggestion.done.returned");
    }

    public void publishDecision(Long eventId, Long agendaItemId) {
        act(() -> decisions.publish(actor.get().id(), eventId, agendaItemId), "decision.done.published");
    }

    public void returnDecision(Long eventId, Long agendaItemId) {
        act(() -> decisions.returnToAuthor(actor.get().id(), eventId, agendaItemId, decisionReasons.get(agendaItemId)),
                "suggestion.done.returned");
    }

    public void publishMilestone(Long id) {
        act(() -> suggestions.publishMilestone(actor.get(), id), "decision.done.published");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Faces.info(done);
        } catch (Problem e) {
            Faces.show(e, "reviews", Map.of());
        }
        answers = null;
    }

    /** Return reasons typed beside each item: answers by suggestion id, decisions by agenda item, summaries by event. */
    public Map<Long, String> getReturnReasons() { return returnReasons; }
    public Map<Long, String> getDecisionReasons() { return decisionReasons; }
    public Map<Long, String> getSummaryReasons() { return summaryReasons; }
}
