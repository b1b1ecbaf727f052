package cn.pujin.open.suggestion.control;

import cn.pujin.open.input.control.InputSource;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.suggestion.entity.Suggestion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;

/** Meeting suggestions in the citizen-input workflow: their notices name the meeting, agenda item and number. */
@ApplicationScoped
public class SuggestionSource implements InputSource<Suggestion> {

    @Inject
    SuggestionTexts texts;

    @Inject
    SuggestionSettings settings;

    @Override
    public String noun() {
        return "suggestion";
    }

    @Override
    public Class<Suggestion> type() {
        return Suggestion.class;
    }

    @Override
    public Long eventOf(Suggestion s) {
        return s.getEventId();
    }

    @Override
    public int answerDays(Suggestion s) {
        return settings.setting(s.getEventId()).getAnswerDays();
    }

    /** {0} event, {1} agenda item or "—", {2} suggestion number, {3} text excerpt, {4} due date. */
    @Override
    public Object[] mailArgs(Suggestion s) {
        String item = texts.agendaTitle(s.getAgendaItemId());
        String excerpt = s.getText().length() > 80 ? s.getText().substring(0, 80) + "…" : s.getText();
        return new Object[]{texts.eventTitle(s.getEventId()), item == null ? "—" : item, Suggestions.number(s.getId()), excerpt,
                s.handling().getDueOn() == null ? "—" : s.handling().getDueOn().toString()};
    }

    /** Also {5} outcome, {6} reason, {7} the meeting's decision on the item or "—", {8} plan or "—". */
    @Override
    public Object[] answeredArgs(Suggestion s) {
        String decision = texts.decisionText(s.getAgendaItemId()).orElse("");
        Object[] args = Arrays.copyOf(mailArgs(s), 9);
        args[5] = InputWorkflow.outcomeLabel(s.handling().getOutcome());
        args[6] = s.handling().getReason();
        args[7] = decision.isEmpty() ? "—" : decision;
        args[8] = s.handling().getPlan() == null ? "—" : s.handling().getPlan();
        return args;
    }
}
