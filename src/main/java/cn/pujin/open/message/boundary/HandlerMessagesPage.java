package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.message.control.MessageBoard;
import cn.pujin.open.message.control.MessageView;
import cn.pujin.open.message.control.MessageViews;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Paging;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /handler/messages.xhtml}: the messages given to the handler's department, oldest due date first, each with
 * similar answered ones, to answer with an outcome and a reason (a returned answer starts from the last one).
 */
@Named
@ViewScoped
public class HandlerMessagesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MessageBoard board;

    @Inject
    MessageViews views;

    @Inject
    CurrentInputActor actor;

    private final Map<Long, String> outcomes = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();
    private transient List<MessageView> messages;

    public List<MessageView> getMessages() {
        if (messages == null) {
            InputActor me = actor.get();
            messages = views.views(me, board.queue(me, InputStatus.ASSIGNED, me.departmentId(), false, null, new Paging(0, 50)).items(), true);
            for (MessageView m : messages) {
                if (m.outcome() != null) {
                    outcomes.putIfAbsent(m.id(), m.outcome());
                    reasons.putIfAbsent(m.id(), m.reason());
                }
            }
        }
        return messages;
    }

    public void answer(Long id) {
        String outcome = outcomes.get(id);
        if (outcome == null || outcome.isBlank()) {
            Faces.error("consultation.outcome.required");
            return;
        }
        if (Faces.attempt(() -> board.answer(actor.get(), id, outcome, reasons.get(id), null), "message.done.answered", "answers")) {
            outcomes.remove(id);
            reasons.remove(id);
            messages = null;
        }
    }

    public Outcome[] getChoices() {
        return Outcome.values();
    }

    public Map<Long, String> getOutcomes() { return outcomes; }
    public Map<Long, String> getReasons() { return reasons; }
}
