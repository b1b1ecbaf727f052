package cn.pujin.open.participation.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.GroupView;
import cn.pujin.open.participation.control.ConsultationViews.Waiting;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * {@code /handler/consultations.xhtml}: the groups of consultation comments given to the handler's department, each
 * with its comments, to answer with an outcome and a reason (a reviewer publishes the answer).
 */
@Named
@ViewScoped
public class HandlerConsultationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsultationViews views;

    @Inject
    CurrentInputActor actor;

    @Inject
    GroupAnswers answers;

    private transient List<Waiting<GroupView>> groups;

    public List<Waiting<GroupView>> getGroups() {
        if (groups == null) {
            groups = views.groupsFor(actor.get().departmentId());
            answers.prefill(groups.stream().map(Waiting::item).toList());
        }
        return groups;
    }

    public void answer(Long groupId) {
        if (answers.answer(groupId, "groups")) {
            groups = null;
        }
    }


    public GroupAnswers getAnswers() {
        return answers;
    }
}
