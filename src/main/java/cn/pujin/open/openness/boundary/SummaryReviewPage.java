package cn.pujin.open.openness.boundary;

import cn.pujin.open.openness.control.Summaries;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@code /review/suggestions.xhtml}, its summaries part: summaries of past events waiting for a reviewer (先审查后公开). */
@Named
@ViewScoped
public class SummaryReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Summaries summaries;

    @Inject
    CurrentUser user;

    /** Return reasons typed beside each summary, by event. */
    private final Map<Long, String> summaryReasons = new HashMap<>();

    public List<Summaries.SummaryView> getSummaries() {
        return summaries.inReview();
    }

    public void publishSummary(Long eventId) {
        act(() -> summaries.publish(user.require(Role.REVIEWER), eventId), "decision.done.published");
    }

    public void returnSummary(Long eventId) {
        act(() -> summaries.returnToAuthor(user.require(Role.REVIEWER), eventId, summaryReasons.get(eventId)), "suggestion.done.returned");
    }

    private void act(Runnable action, String done) {
        Faces.attempt(action, done, "reviews");
    }

    public Map<Long, String> getSummaryReasons() { return summaryReasons; }
}
