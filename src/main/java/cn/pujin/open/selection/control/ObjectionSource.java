package cn.pujin.open.selection.control;

import cn.pujin.open.input.control.InputSource;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.selection.entity.Objection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Objections (异议) to a published selection in the citizen-input workflow. Their clock runs from receipt, like a
 * message's: answered within {@code SELECTION_OBJECTION_ANSWER_DAYS} working days (default 5) of arrival.
 */
@ApplicationScoped
public class ObjectionSource implements InputSource<Objection> {

    @Inject
    Links links;

    @Inject
    @ConfigProperty(name = "SELECTION_OBJECTION_ANSWER_DAYS", defaultValue = "5")
    int answerDays;

    @Override
    public String noun() {
        return "objection";
    }

    @Override
    public Class<Objection> type() {
        return Objection.class;
    }

    @Override
    public Long eventOf(Objection o) {
        return o.getEventId();
    }

    @Override
    public int answerDays(Objection o) {
        return answerDays;
    }

    @Override
    public boolean clockFromReceipt() {
        return true;
    }

    /** The number people quote: "YY" (异议) and the id. */
    public static String number(Long id) {
        return "YY" + id;
    }

    /** {0} the 公示 link, {1} the day it was received, {2} number, {3} text excerpt, {4} due date. */
    @Override
    public Object[] mailArgs(Objection o) {
        String excerpt = o.getText().length() > 80 ? o.getText().substring(0, 80) + "…" : o.getText();
        return new Object[]{links.to("/events/selection.xhtml?id=" + o.getEventId()), o.getReceivedOn().toString(),
                number(o.getId()), excerpt, o.handling().getDueOn() == null ? "—" : o.handling().getDueOn().toString()};
    }

    /** Also {5} outcome, {6} reason. */
    @Override
    public Object[] answeredArgs(Objection o) {
        Object[] args = Arrays.copyOf(mailArgs(o), 7);
        args[5] = InputWorkflow.outcomeLabel(o.handling().getOutcome());
        args[6] = o.handling().getReason();
        return args;
    }
}
