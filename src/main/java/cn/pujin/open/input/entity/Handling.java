package cn.pujin.open.input.entity;

import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Times;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;

/**
 * How a citizen input (a meeting suggestion; later a message or a comment on a draft) is handled — the one workflow
 * of 意见处理: assigned to a department with due dates on the working-day clock, acknowledged, answered with an
 * outcome and a reason, published by a reviewer who did not answer it (先审查后公开), then rated by its author. Embedded
 * in each kind of input's own row, so every kind is queried in its own table with the same columns.
 */
@Embeddable
public class Handling {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private InputStatus status = InputStatus.SUBMITTED;

    @Column(name = "department_id")
    private Long departmentId;

    @Column(name = "assigned_by")
    private Long assignedBy;

    @Column(name = "assigned_at")
    private Instant assignedAt;

    @Column(name = "acknowledge_due_on")
    private LocalDate acknowledgeDueOn;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "extended_reason", length = 500)
    private String extendedReason;

    @Column(name = "extended_at")
    private Instant extendedAt;

    @Column(name = "answered_by")
    private Long answeredBy;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Outcome outcome;

    @Column(length = 2000)
    private String reason;

    @Column(length = 2000)
    private String plan;

    @Column(name = "returned_reason", length = 500)
    private String returnedReason;

    @Column(name = "published_by")
    private Long publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    private Integer rating;

    @Column(name = "rating_comment", length = 500)
    private String ratingComment;

    @Column(name = "rated_at")
    private Instant ratedAt;

    @Column(name = "flagged_at")
    private Instant flaggedAt;

    /** Assigns (or re-assigns) to a department; the answer is due on {@code dueOn}, the acknowledgement on {@code acknowledgeDueOn}. */
    public void assign(Long organiser, Long departmentId, LocalDate acknowledgeDueOn, LocalDate dueOn, Instant at) {
        if (status != InputStatus.SUBMITTED && status != InputStatus.ASSIGNED) {
            throw transition("assign");
        }
        this.status = InputStatus.ASSIGNED;
        this.departmentId = departmentId;
        this.assignedBy = organiser;
        this.assignedAt = at;
        this.acknowledgeDueOn = acknowledgeDueOn;
        this.acknowledgedAt = null;
        this.dueOn = dueOn;
    }

    /**
     * A kind whose clock runs from receipt (a message on the board): the due dates are fixed when it arrives, the office
     * acknowledges it before or after assigning, and a later (re-)assignment keeps both dates and the acknowledgement.
     */
    public void receive(LocalDate acknowledgeDueOn, LocalDate dueOn) {
        this.acknowledgeDueOn = acknowledgeDueOn;
        this.dueOn = dueOn;
    }

    /** (Re-)assigns a kind whose clock runs from receipt: the dates and the acknowledgement stay. */
    public void assignKeepingDates(Long organiser, Long departmentId, Instant at) {
        Instant acknowledged = acknowledgedAt;
        assign(organiser, departmentId, acknowledgeDueOn, dueOn, at);
        this.acknowledgedAt = acknowledged;
    }

    /** Acknowledges receipt before any department has it (a kind whose clock runs from receipt). */
    public void acknowledgeOnReceipt(Instant at) {
        if (status != InputStatus.SUBMITTED && status != InputStatus.ASSIGNED) {
            throw transition("acknowledge");
        }
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
    }

    /** Moves the answer's due date later, for a reason that is kept and shown; only while it is not answered yet. */
    public void extend(LocalDate newDueOn, String reason, Instant at) {
        if (status != InputStatus.SUBMITTED && status != InputStatus.ASSIGNED) {
            throw transition("extend");
        }
        if (dueOn != null && !newDueOn.isAfter(dueOn)) {
            throw Problem.invalid("dueOn", "input.extend.later", dueOn);
        }
        this.dueOn = newDueOn;
        this.extendedReason = reason;
        this.extendedAt = at;
    }

    public void acknowledge(Instant at) {
        if (status != InputStatus.ASSIGNED) {
            throw transition("acknowledge");
        }
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
    }

    public void answer(Long handler, Outcome outcome, String reason, String plan, Instant at) {
        if (status != InputStatus.ASSIGNED) {
            throw transition("answer");
        }
        this.status = InputStatus.ANSWERED;
        this.outcome = outcome;
        this.reason = reason;
        this.plan = plan;
        this.answeredBy = handler;
        this.answeredAt = at;
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
    }

    /** 先审查后公开: only someone other than the answerer publishes the answer. */
    public void publish(Long reviewer, Instant at) {
        if (status != InputStatus.ANSWERED) {
            throw transition("publish");
        }
        if (reviewer.equals(answeredBy)) {
            throw Problem.forbidden(ProblemCode.SELF_REVIEW, "suggestion.selfReview");
        }
        this.status = InputStatus.PUBLISHED;
        this.publishedBy = reviewer;
        this.publishedAt = at;
        this.returnedReason = null;
    }

    /** The reviewer sends the answer back to the department with a reason; the due date stays. */
    public void returnAnswer(Long reviewer, String why) {
        if (status != InputStatus.ANSWERED) {
            throw transition("return");
        }
        if (reviewer.equals(answeredBy)) {
            throw Problem.forbidden(ProblemCode.SELF_REVIEW, "suggestion.selfReview");
        }
        this.status = InputStatus.ASSIGNED;
        this.returnedReason = why;
    }

    /** The author rates the published answer once; two stars or fewer flag it for the organiser. */
    public void rate(int stars, String comment, Instant at) {
        if (status != InputStatus.PUBLISHED) {
            throw Problem.conflict(ProblemCode.ANSWER_NOT_PUBLISHED, "suggestion.rate.unpublished");
        }
        if (rating != null) {
            throw Problem.conflict(ProblemCode.ALREADY_RATED, "suggestion.rate.twice");
        }
        this.rating = stars;
        this.ratingComment = comment;
        this.ratedAt = at;
        this.flaggedAt = stars <= 2 ? at : null;
    }

    public void clearFlag() {
        this.flaggedAt = null;
    }

    /** Answered on or before the due date (an answer returned by the reviewer keeps its latest answer time). */
    public boolean answeredOnTime() {
        return onTime(answeredAt, dueOn);
    }

    /** The on-time rule, for figures computed from bare columns too: answered on a Shanghai day not after the due date. */
    public static boolean onTime(Instant answeredAt, LocalDate dueOn) {
        return answeredAt != null && dueOn != null && !Times.day(answeredAt).isAfter(dueOn);
    }

    public boolean isOverdue(LocalDate today) {
        return status == InputStatus.ASSIGNED && dueOn != null && today.isAfter(dueOn);
    }

    private Problem transition(String action) {
        return Problem.conflict(ProblemCode.INVALID_TRANSITION, "suggestion.transition.invalid", action, status);
    }

    public InputStatus getStatus() { return status; }
    public Long getDepartmentId() { return departmentId; }
    public Long getAssignedBy() { return assignedBy; }
    public Instant getAssignedAt() { return assignedAt; }
    public LocalDate getAcknowledgeDueOn() { return acknowledgeDueOn; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public LocalDate getDueOn() { return dueOn; }
    public String getExtendedReason() { return extendedReason; }
    public Instant getExtendedAt() { return extendedAt; }
    public Long getAnsweredBy() { return answeredBy; }
    public Instant getAnsweredAt() { return answeredAt; }
    public Outcome getOutcome() { return outcome; }
    public String getReason() { return reason; }
    public String getPlan() { return plan; }
    public String getReturnedReason() { return returnedReason; }
    public Long getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public Integer getRating() { return rating; }
    public String getRatingComment() { return ratingComment; }
    public Instant getRatedAt() { return ratedAt; }
    public boolean isFlagged() { return flaggedAt != null; }
    public Instant getFlaggedAt() { return flaggedAt; }
}
