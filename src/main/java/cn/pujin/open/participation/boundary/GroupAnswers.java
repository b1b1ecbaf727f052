package cn.pujin.open.participation.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.participation.control.ConsultationComments;
import cn.pujin.open.participation.control.ConsultationViews.GroupView;
import cn.pujin.open.platform.boundary.Faces;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer form of comment groups (outcome and reason per group), on the organiser's and the handler's pages: a group
 * the reviewer returned starts from its last answer, so only what the reviewer asked for needs changing.
 */
@Dependent
public class GroupAnswers implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsultationComments comments;

    @Inject
    CurrentInputActor actor;

    private final Map<Long, String> outcomes = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();

    /** Fills the form of returned groups with their last answer (never over what was typed). */
    public <T extends List<GroupView>> T prefill(T groups) {
        for (GroupView g : groups) {
            if ("ASSIGNED".equals(g.status()) && g.outcome() != null) {
                outcomes.putIfAbsent(g.id(), g.outcome());
                reasons.putIfAbsent(g.id(), g.reason());
            }
        }
        return groups;
    }

    /** Sends the group's answer; {@code formId}: where messages go. True when it was taken. */
    public boolean answer(Long groupId, String formId) {
        String outcome = outcomes.get(groupId);
        if (outcome == null || outcome.isBlank()) {
            Faces.error("consultation.outcome.required");
            return false;
        }
        if (Faces.attempt(() -> comments.answer(actor.get(), groupId, outcome, reasons.get(groupId)),
                "consultation.done.answered", formId)) {
            outcomes.remove(groupId);
            reasons.remove(groupId);
            return true;
        }
        return false;
    }

    public Outcome[] getChoices() {
        return Outcome.values();
    }

    public Map<Long, String> getOutcomes() { return outcomes; }
    public Map<Long, String> getReasons() { return reasons; }
}
