package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.suggestion.control.Milestones;
import cn.pujin.open.suggestion.control.SuggestionView;
import cn.pujin.open.suggestion.control.SuggestionViews;
import cn.pujin.open.suggestion.control.Suggestions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/** {@code /handler/}: the department's suggestions, oldest due first, with acknowledgement, answer and milestones. */
@Named
@ViewScoped
public class HandlerQueuePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Suggestions suggestions;

    @Inject
    Milestones milestones;

    @Inject
    SuggestionViews suggestionViews;

    @Inject
    CurrentInputActor actor;

    private InputStatus status = InputStatus.ASSIGNED;
    private boolean overdueOnly;
    private Long selectedId;
    /** The text of the suggestion being answered, shown above the answer form. */
    private String selectedText;
    private Outcome outcome;
    private String reason;
    private String plan;
    private LocalDate milestoneDate;
    private String milestoneText;
    private Integer milestoneProgress;
    private transient List<SuggestionView> items;

    public List<SuggestionView> getItems() {
        if (items == null) {
            InputActor me = actor.get();
            Long department = me.handler() ? me.departmentId() : null;
            items = suggestionViews.views(me, suggestions.queue(me, new Suggestions.QueueFilter(status, department, overdueOnly, null,
                    false), new Paging(0, 100)).items());
        }
        return items;
    }

    public InputStatus[] getStatuses() {
        return InputStatus.values();
    }

    public Outcome[] getOutcomes() {
        return Outcome.values();
    }

    public void refresh() {
        items = null;
    }

    public void acknowledge(Long id) {
        try {
            suggestions.acknowledge(actor.get(), id);
            Faces.info("suggestion.done.acknowledged");
        } catch (Problem e) {
            Faces.show(e, "queue", Map.of());
        }
        items = null;
    }

    public void prepareAnswer(SuggestionView s) {
        selectedId = s.id();
        selectedText = s.number() + " " + s.text();
        outcome = s.outcome() == null ? null : Outcome.valueOf(s.outcome());
        reason = s.reason();
        plan = s.plan();
    }

    public void answer() {
        try {
            suggestions.answer(actor.get(), selectedId, outcome == null ? null : outcome.name(), reason, plan);
            Faces.info("suggestion.done.answered");
            PrimeFaces.current().executeScript("PF('answerDialog').hide()");
            items = null;
        } catch (Problem e) {
            Faces.show(e, "answerForm", Map.of("outcome", "outcome", "reason", "reason", "plan", "plan"));
        }
    }

    public void prepareMilestone(Long id) {
        selectedId = id;
        milestoneDate = null;
        milestoneText = null;
        milestoneProgress = null;
    }

    public void addMilestone() {
        try {
            milestones.add(actor.get(), selectedId, milestoneDate, milestoneText, milestoneProgress);
            Faces.info("suggestion.done.milestone");
            PrimeFaces.current().executeScript("PF('milestoneDialog').hide()");
            items = null;
        } catch (Problem e) {
            Faces.show(e, "milestoneForm", Map.of("date", "date", "text", "text", "progress", "progress"));
        }
    }

    public InputStatus getStatus() { return status; }
    public void setStatus(InputStatus status) { this.status = status; }
    public boolean isOverdueOnly() { return overdueOnly; }
    public void setOverdueOnly(boolean overdueOnly) { this.overdueOnly = overdueOnly; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome outcome) { this.outcome = outcome; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public String getPlan() { return plan; }
    public void setPlan(String plan) { this.plan = plan; }
    public LocalDate getMilestoneDate() { return milestoneDate; }
    public void setMilestoneDate(LocalDate milestoneDate) { this.milestoneDate = milestoneDate; }
    public String getMilestoneText() { return milestoneText; }
    public void setMilestoneText(String milestoneText) { this.milestoneText = milestoneText; }
    public Integer getMilestoneProgress() { return milestoneProgress; }
    public void setMilestoneProgress(Integer milestoneProgress) { this.milestoneProgress = milestoneProgress; }

    public String getSelectedText() { return selectedText; }
}
