package cn.pujin.open.message.control;

import cn.pujin.open.input.control.InputSource;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.message.entity.Message;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Messages;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Messages on the board in the citizen-input workflow. Their clock runs from receipt: acknowledged the working day
 * they are received, answered within {@code MESSAGE_ANSWER_DAYS} working days (default 5) of it.
 */
@ApplicationScoped
public class MessageSource implements InputSource<Message> {

    @Inject
    Links links;

    @Inject
    @ConfigProperty(name = "MESSAGE_ANSWER_DAYS", defaultValue = "5")
    int answerDays;

    @Override
    public String noun() {
        return "message";
    }

    @Override
    public Class<Message> type() {
        return Message.class;
    }

    @Override
    public Long eventOf(Message m) {
        return null;
    }

    @Override
    public int answerDays(Message m) {
        return answerDays();
    }

    /** {@code MESSAGE_ANSWER_DAYS}: the same for every message. */
    public int answerDays() {
        return answerDays;
    }

    @Override
    public boolean clockFromReceipt() {
        return true;
    }

    /** The number people quote: "LY" (留言) and the id — meeting suggestions are "YJ…", consultation comments "ZQ…". */
    public static String number(Long id) {
        return "LY" + id;
    }

    /** {0} the kind (咨询/建议/投诉), {1} the day it was received, {2} number, {3} text excerpt, {4} due date. */
    @Override
    public Object[] mailArgs(Message m) {
        String excerpt = m.getText().length() > 80 ? m.getText().substring(0, 80) + "…" : m.getText();
        return new Object[]{Messages.get(Messages.CHINESE, "message.kind." + m.getKind().name()), m.getReceivedOn().toString(),
                number(m.getId()), excerpt, m.handling().getDueOn() == null ? "—" : m.handling().getDueOn().toString()};
    }

    /** Also {5} outcome, {6} reason, {7} whether it is public (公开/仅本人可见), {8} the link to it. */
    @Override
    public Object[] answeredArgs(Message m) {
        Object[] args = Arrays.copyOf(mailArgs(m), 9);
        args[5] = InputWorkflow.outcomeLabel(m.handling().getOutcome());
        args[6] = m.handling().getReason();
        args[7] = Messages.get(Messages.CHINESE, m.isPublicWanted() ? "message.public.yes" : "message.public.no");
        args[8] = links.to("/messages/detail.xhtml?id=" + m.getId());
        return args;
    }
}
