package cn.pujin.open.selection.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.selection.control.ObjectionSource;
import cn.pujin.open.selection.control.Objections;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /review/objections.xhtml}: 先审查后公开 for answers to objections (异议) on selections — published by a reviewer
 * who did not write them, or returned with a reason.
 */
@Named
@ViewScoped
public class ObjectionReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Objections objections;

    @Inject
    ObjectionSource source;

    @Inject
    InputWorkflow workflow;

    @Inject
    CurrentInputActor actor;

    private final Map<Long, String> reasons = new HashMap<>();
    private transient List<Objections.ObjectionView> answers;

    public List<Objections.ObjectionView> getAnswers() {
        if (answers == null) {
            InputActor me = actor.get();
            answers = objections.views(objections.queue(me, InputStatus.ANSWERED, null, new Paging(0, 50)).items(), me);
        }
        return answers;
    }

    public void publish(Long id) {
        Faces.attempt(() -> workflow.publish(actor.get(), source, id), "message.done.published", "answers");
        answers = null;
    }

    public void returnAnswer(Long id) {
        Faces.attempt(() -> workflow.returnAnswer(actor.get(), source, id, reasons.get(id)), "suggestion.done.returned", "answers");
        answers = null;
    }

    public Map<Long, String> getReasons() { return reasons; }
}
