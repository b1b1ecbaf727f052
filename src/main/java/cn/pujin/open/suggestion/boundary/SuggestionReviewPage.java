package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.event.control.Decisions;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.suggestion.control.Milestones;
import cn.pujin.open.suggestion.control.SuggestionView;
import cn.pujin.open.suggestion.control.SuggestionViews;
import cn.pujin.open.suggestion.control.Suggestions;
import cn.pujin.open.suggestion.entity.Milestone;
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
    Milestones milestones;

    @Inject
    SuggestionViews suggestionViews;

    @Inject
    Decisions decisions;

    @Inject
    CurrentInputActor actor;

    private final Map<Long, String> returnReasons = new HashMap<>();
    private final Map<Long, String> decisionReasons = new HashMap<>();
    private transient List<SuggestionView> answers;

    public List<SuggestionView> getAnswers() {
        if (answers == null) {
            InputActor me = actor.get();
            answers = suggestionViews.views(me, suggestions.queue(me, new Suggestions.QueueFilter(InputStatus.ANSWERED, null,
                    false, null, false), new Paging(0, 100)).items());
        }
        return answers;
    }

    public List<Decisions.DecisionView> getDecisions() {
        return decisions.inReview();
    }

    public List<Milestone> getMilestones() {
        return milestones.pending();
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
        act(() -> milestones.publish(actor.get(), id), "decision.done.published");
    }

    private void act(Runnable action, String done) {
        Faces.attempt(action, done, "reviews");
        answers = null;
    }

    /** Return reasons typed beside each item: answers by suggestion id, decisions by agenda item. */
    public Map<Long, String> getReturnReasons() { return returnReasons; }
    public Map<Long, String> getDecisionReasons() { return decisionReasons; }
}
