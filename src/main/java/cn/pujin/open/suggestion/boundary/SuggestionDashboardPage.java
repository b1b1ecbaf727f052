package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.event.control.Decisions;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputQueues;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.suggestion.control.SuggestionRequest;
import cn.pujin.open.suggestion.control.SuggestionSettings;
import cn.pujin.open.suggestion.control.SuggestionView;
import cn.pujin.open.suggestion.control.SuggestionViews;
import cn.pujin.open.suggestion.control.Suggestions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /organiser/suggestions.xhtml}: supervision (督办) at a glance — per department open, due soon and
 * overdue with a chart, suggestions waiting to be assigned, low ratings; paper and oral comments entered on
 * someone's behalf; meeting decisions written per agenda item.
 */
@Named
@ViewScoped
public class SuggestionDashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Suggestions suggestions;

    @Inject
    SuggestionSettings suggestionSettings;

    @Inject
    InputQueues inputQueues;

    @Inject
    SuggestionViews suggestionViews;

    @Inject
    Decisions decisions;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Accounts accounts;

    @Inject
    Departments departments;

    @Inject
    CurrentInputActor actor;

    private final Map<Long, Long> assignTo = new HashMap<>();
    private Long eventId;
    private Long agendaItemId;
    private String onBehalfOf;
    private String channel = "PAPER";
    private String text;
    private String registrationNumber;
    private Integer windowDays;
    private Integer answerDays;
    private final Map<Long, String> decisionTexts = new HashMap<>();
    private transient List<InputQueues.DepartmentLoad> loads;

    public List<InputQueues.DepartmentLoad> getLoads() {
        if (loads == null) {
            loads = inputQueues.dashboard(actor.get());
        }
        return loads;
    }

    private transient List<InputQueues.KindLoad> kindLoads;

    /** Suggestions, comments and messages side by side per department: open, due today, overdue, on-time rate. */
    public List<InputQueues.KindLoad> getKindLoads() {
        if (kindLoads == null) {
            kindLoads = inputQueues.kindLoads(actor.get());
        }
        return kindLoads;
    }

    /** The longest bar of the chart: every department's open count is drawn relative to it. */
    public long getChartMax() {
        return Math.max(1, getLoads().stream().mapToLong(InputQueues.DepartmentLoad::open).max().orElse(1));
    }

    public List<SuggestionView> getUnassigned() {
        return list(new Suggestions.QueueFilter(InputStatus.SUBMITTED, null, false, eventId, false));
    }

    public List<SuggestionView> getOverdue() {
        return list(new Suggestions.QueueFilter(null, null, true, eventId, false));
    }

    public List<SuggestionView> getFlagged() {
        return list(new Suggestions.QueueFilter(null, null, false, eventId, true));
    }

    private List<SuggestionView> list(Suggestions.QueueFilter filter) {
        InputActor me = actor.get();
        return suggestionViews.views(me, suggestions.queue(me, filter, new Paging(0, 50)).items());
    }

    public List<Department> getDepartments() {
        return departments.departments();
    }

    /** Published events of the last 90 days and the coming ones: where comments and decisions are entered. */
    public List<EventView> getEvents() {
        return publicEvents.publicList(new PublicEvents.PublicQuery(null, publicEvents.upcomingFrom().minus(Duration.ofDays(90)), null, null, null, true),
                new Paging(0, 100)).items();
    }

    public EventView getEvent() {
        return eventId == null ? null : getEvents().stream().filter(e -> e.id().equals(eventId)).findFirst().orElse(null);
    }

    public List<Decisions.DecisionView> getDecisions() {
        if (eventId == null) {
            return List.of();
        }
        List<Decisions.DecisionView> list = decisions.of(eventId, true);
        list.forEach(d -> decisionTexts.putIfAbsent(d.agendaItemId(), d.text()));
        return list;
    }

    public void assign(Long id) {
        try {
            suggestions.assign(actor.get(), id, assignTo.get(id));
            Faces.info("suggestion.done.assigned");
        } catch (Problem e) {
            Faces.show(e, "board", Map.of());
        }
        loads = null;
        kindLoads = null;
    }

    public void clearFlag(Long id) {
        try {
            suggestions.clearFlag(actor.get(), id);
        } catch (Problem e) {
            Faces.show(e, "board", Map.of());
        }
    }

    public void enter() {
        try {
            var s = suggestions.submit(actor.get(), eventId, new SuggestionRequest(agendaItemId, text, onBehalfOf, channel,
                    registrationId()));
            Faces.info("suggestion.done.entered", Suggestions.number(s.getId()));
            text = null;
            onBehalfOf = null;
            registrationNumber = null;
        } catch (Problem e) {
            Faces.show(e, "entry", Map.of("text", "text", "onBehalfOf", "onBehalfOf", "channel", "channel",
                    "agendaItemId", "agendaItem", "registrationId", "registrationNumber"));
        }
    }

    /** "R000088" or "88" → 88; anything else is reported on the field. */
    private Long registrationId() {
        if (registrationNumber == null || registrationNumber.isBlank()) {
            return null;
        }
        String digits = registrationNumber.strip().replaceFirst("^[Rr]", "");
        if (!digits.matches("\\d{1,18}")) {
            throw Problem.invalid("registrationId", "suggestion.registration.unknown");
        }
        return Long.valueOf(digits);
    }

    /** The chosen event's suggestion window (days after it ends) and answer time (working days). */
    public void loadSettings() {
        if (eventId != null) {
            var s = suggestionSettings.setting(eventId);
            windowDays = s.getWindowDays();
            answerDays = s.getAnswerDays();
        }
    }

    public void saveSettings() {
        try {
            suggestionSettings.change(actor.get(), eventId, windowDays, answerDays);
            Faces.info("supervision.settings.saved");
        } catch (Problem e) {
            Faces.show(e, "decisions", Map.of("windowDays", "windowDays", "answerDays", "answerDays"));
        }
    }

    public void writeDecision(Long itemId) {
        try {
            decisions.write(actor.get().id(), eventId, itemId, decisionTexts.get(itemId));
            Faces.info("decision.done.submitted");
        } catch (Problem e) {
            Faces.show(e, "decisions", Map.of());
        }
    }

    public Map<Long, Long> getAssignTo() { return assignTo; }
    public Long getEventId() { return eventId; }
    public void setEventId(Long eventId) { this.eventId = eventId; }
    public Long getAgendaItemId() { return agendaItemId; }
    public void setAgendaItemId(Long agendaItemId) { this.agendaItemId = agendaItemId; }
    public String getOnBehalfOf() { return onBehalfOf; }
    public void setOnBehalfOf(String onBehalfOf) { this.onBehalfOf = onBehalfOf; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public Map<Long, String> getDecisionTexts() { return decisionTexts; }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String registrationNumber) { this.registrationNumber = registrationNumber; }
    public Integer getWindowDays() { return windowDays; }
    public void setWindowDays(Integer windowDays) { this.windowDays = windowDays; }
    public Integer getAnswerDays() { return answerDays; }
    public void setAnswerDays(Integer answerDays) { this.answerDays = answerDays; }
}
