package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.MajorDecisionViews;
import cn.pujin.open.participation.control.MajorDecisionViews.MajorDecisionView;
import cn.pujin.open.participation.control.MajorDecisions;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.primefaces.PrimeFaces;

/**
 * {@code /review/major-decisions.xhtml}: catalogue items (new ones and withdrawals) and steps waiting for a reviewer —
 * approve, return with a reason, publish a step. What the reviewer wrote or submitted is shown but cannot be approved.
 */
@Named
@ViewScoped
public class MajorDecisionReviewPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    MajorDecisions decisions;

    @Inject
    MajorDecisionViews views;

    @Inject
    CurrentUser user;

    private transient List<MajorDecisionView> items;
    private Long rejectId;
    private String rejectTitle;
    private boolean rejectingWithdrawal;
    private Long rejectStepId;
    private String rejectReason;

    public List<MajorDecisionView> getItems() {
        if (items == null) {
            items = views.inReview();
        }
        return items;
    }

    /** The item is the reviewer's own: written or submitted by them. */
    public boolean mine(MajorDecisionView md) {
        Long me = user.id().orElse(null);
        return Objects.equals(me, md.authorId()) || Objects.equals(me, md.submittedBy());
    }

    public boolean mineStep(MajorDecisionViews.StepView step) {
        return Objects.equals(user.id().orElse(null), step.authorId());
    }

    public boolean inReview(MajorDecisionView md) {
        return "IN_REVIEW".equals(md.status()) || "WITHDRAWAL_IN_REVIEW".equals(md.status());
    }

    public void approve(MajorDecisionView md) {
        Long me = user.require(Role.REVIEWER);
        String done = "WITHDRAWAL_IN_REVIEW".equals(md.status()) ? "majorDecision.withdrawApproved" : "majorDecision.approved";
        if (Faces.attempt(() -> decisions.approve(me, md.id()), done, "queue")) {
            items = null;
        }
        Faces.bringIntoView("queue:messages");
    }

    public void prepareReject(MajorDecisionView md) {
        rejectId = md.id();
        rejectTitle = md.title();
        rejectingWithdrawal = "WITHDRAWAL_IN_REVIEW".equals(md.status());
        rejectStepId = null;
        rejectReason = null;
    }

    /** Returns a step (not published) instead of an item: the same dialog, naming the step. */
    public void prepareReturnStep(MajorDecisionView md, MajorDecisionViews.StepView step) {
        prepareReject(md);
        rejectStepId = step.id();
        rejectTitle = md.title() + " · " + Faces.text("majorDecision.step." + step.kind());
    }

    public void reject() {
        Long me = user.require(Role.REVIEWER);
        String done = rejectStepId != null ? "majorDecision.stepReturned"
                : rejectingWithdrawal ? "majorDecision.withdrawRefused" : "majorDecision.returnedDone";
        if (Faces.attempt(() -> {
            if (rejectStepId != null) {
                decisions.returnStep(me, rejectStepId, rejectReason);
            } else {
                decisions.reject(me, rejectId, rejectReason);
            }
        }, done, "rejectForm", Map.of("reason", "reason"))) {
            items = null;
            PrimeFaces.current().executeScript("PF('rejectDialog').hide()");
            Faces.bringIntoView("queue:messages");
        }
    }

    public void publishStep(Long stepId) {
        Long me = user.require(Role.REVIEWER);
        if (Faces.attempt(() -> decisions.publishStep(me, stepId), "majorDecision.stepPublished", "queue")) {
            items = null;
        }
        Faces.bringIntoView("queue:messages");
    }

    public String getRejectTitle() { return rejectTitle; }
    public boolean isRejectingWithdrawal() { return rejectingWithdrawal && rejectStepId == null; }
    public boolean isReturningStep() { return rejectStepId != null; }
    public String getRejectReason() { return rejectReason; }
    public void setRejectReason(String rejectReason) { this.rejectReason = rejectReason; }
}
