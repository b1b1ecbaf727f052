package cn.pujin.open.participation.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.participation.control.ConsultationComments;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.CommentView;
import cn.pujin.open.participation.control.ConsultationViews.ConsultationView;
import cn.pujin.open.participation.control.ConsultationViews.GroupView;
import cn.pujin.open.participation.control.ConsultationViews.Waiting;
import cn.pujin.open.participation.control.Consultations;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * {@code /review/consultations.xhtml}: drafts to publish with their interpretation or return, comments to show
 * publicly or keep out of view, answered comment groups to publish (every commenter is told) or return.
 */
@Named
@ViewScoped
public class ConsultationReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Consultations consultations;

    @Inject
    ConsultationComments comments;

    @Inject
    ConsultationViews views;

    @Inject
    CurrentUser user;

    @Inject
    CurrentInputActor actor;

    private Long returnId;
    private boolean returningGroup;
    private String returnTitle;
    private String returnReason;

    public List<ConsultationView> getDrafts() {
        return views.list(null, true).stream().filter(c -> "IN_REVIEW".equals(c.status())).toList();
    }

    public List<Waiting<CommentView>> getComments() {
        return views.toModerate();
    }

    public List<Waiting<GroupView>> getGroups() {
        return views.answeredGroups();
    }

    /** The reviewer wrote or submitted it: someone else must review it. */
    public boolean mine(ConsultationView c) {
        Long me = user.require();
        return me.equals(c.authorId()) || me.equals(c.submittedBy());
    }

    public void approve(ConsultationView c) {
        Long me = user.require(Role.REVIEWER);
        Faces.attempt(() -> consultations.approve(me, c.id()), "consultation.done.published", "queue");
    }

    public void moderate(Long commentId, boolean show) {
        Long me = user.require(Role.REVIEWER);
        Faces.attempt(() -> comments.moderate(me, commentId, show), show ? "consultation.done.shown" : "consultation.done.hidden",
                "queue");
    }

    public void publish(Long groupId) {
        Faces.attempt(() -> comments.publish(actor.get(), groupId), "consultation.done.answerPublished", "queue");
    }

    public void prepareReturn(Long id, String title, boolean group) {
        returnId = id;
        returnTitle = title;
        returningGroup = group;
        returnReason = null;
    }

    public void returnIt() {
        Long me = user.require(Role.REVIEWER);
        if (Faces.attempt(() -> {
            if (returningGroup) {
                comments.returnAnswer(actor.get(), returnId, returnReason);
            } else {
                consultations.reject(me, returnId, returnReason);
            }
        }, "consultation.done.returned", "returnForm", Map.of("reason", "reason"))) {
            PrimeFaces.current().executeScript("PF('returnDialog').hide()");
            Faces.bringIntoView("queue:messages");
        }
    }


    public String getReturnTitle() { return returnTitle; }
    public String getReturnReason() { return returnReason; }
    public void setReturnReason(String returnReason) { this.returnReason = returnReason; }
}
