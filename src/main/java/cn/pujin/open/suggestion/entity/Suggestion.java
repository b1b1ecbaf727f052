package cn.pujin.open.suggestion.entity;

import cn.pujin.open.platform.control.Problem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A suggestion (意见建议) by an attendee on a meeting or one of its agenda items, and its way through
 * supervision: assigned to a department with a due date on the working-day clock, answered with an
 * outcome and a reason, published by a reviewer who did not answer it, then rated by its author.
 */
@Entity
@Table(name = "suggestion")
public class Suggestion {

    @Id
    @SequenceGenerator(name = "suggestion_seq", sequenceName = "suggestion_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suggestion_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(name = "registration_id")
    private Long registrationId;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "on_behalf_of", length = 40)
    private String onBehalfOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "entered_by", nullable = false)
    private Long enteredBy;

    @Column(nullable = false, length = 2000)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private SuggestionStatus status = SuggestionStatus.SUBMITTED;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

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

    @Version
    private long version;

    protected Suggestion() {}

    public Suggestion(Long eventId, Long agendaItemId, Long registrationId, Long authorId, String onBehalfOf,
                      Channel channel, Long enteredBy, String text, Instant at) {
        this.eventId = eventId;
        this.agendaItemId = agendaItemId;
        this.registrationId = registrationId;
        this.authorId = authorId;
        this.onBehalfOf = onBehalfOf;
        this.channel = channel;
        this.enteredBy = enteredBy;
        this.text = text;
        this.createdAt = at;
    }

    /** Assigns (or re-assigns) to a department; the answer is due on {@code dueOn}, the acknowledgement the same working day. */
    public void assign(Long organiser, Long departmentId, LocalDate acknowledgeDueOn, LocalDate dueOn, Instant at) {
        if (status != SuggestionStatus.SUBMITTED && status != SuggestionStatus.ASSIGNED) {
            throw transition("assign");
        }
        this.status = SuggestionStatus.ASSIGNED;
        this.departmentId = departmentId;
        this.assignedBy = organiser;
        this.assignedAt = at;
        this.acknowledgeDueOn = acknowledgeDueOn;
        this.acknowledgedAt = null;
        this.dueOn = dueOn;
    }

    public void acknowledge(Instant at) {
        if (status != SuggestionStatus.ASSIGNED) {
            throw transition("acknowledge");
        }
        if (acknowledgedAt == null) {
            acknowledgedAt = at;
        }
    }

    public void answer(Long handler, Outcome outcome, String reason, String plan, Instant at) {
        if (status != SuggestionStatus.ASSIGNED) {
            throw transition("answer");
        }
        this.status = SuggestionStatus.ANSWERED;
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
        if (status != SuggestionStatus.ANSWERED) {
            throw transition("publish");
        }
        if (reviewer.equals(answeredBy)) {
            throw Problem.forbidden("SELF_REVIEW", "suggestion.selfReview");
        }
        this.status = SuggestionStatus.PUBLISHED;
        this.publishedBy = reviewer;
        this.publishedAt = at;
        this.returnedReason = null;
    }

    /** The reviewer sends the answer back to the department with a reason; the due date stays. */
    public void returnAnswer(Long reviewer, String why) {
        if (status != SuggestionStatus.ANSWERED) {
            throw transition("return");
        }
        if (reviewer.equals(answeredBy)) {
            throw Problem.forbidden("SELF_REVIEW", "suggestion.selfReview");
        }
        this.status = SuggestionStatus.ASSIGNED;
        this.returnedReason = why;
    }

    /** The author rates the published answer once; two stars or fewer flag it for the organiser. */
    public void rate(int stars, String comment, Instant at) {
        if (status != SuggestionStatus.PUBLISHED) {
            throw Problem.conflict("ANSWER_NOT_PUBLISHED", "suggestion.rate.unpublished");
        }
        if (rating != null) {
            throw Problem.conflict("ALREADY_RATED", "suggestion.rate.twice");
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
        return answeredAt != null && dueOn != null && !cn.pujin.open.platform.control.Times.day(answeredAt).isAfter(dueOn);
    }

    public boolean isOverdue(LocalDate today) {
        return status == SuggestionStatus.ASSIGNED && dueOn != null && today.isAfter(dueOn);
    }

    private Problem transition(String action) {
        return Problem.conflict("INVALID_TRANSITION", "suggestion.transition.invalid", action, status);
    }

    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    public Long getAgendaItemId() { return agendaItemId; }
    public Long getRegistrationId() { return registrationId; }
    public Long getAuthorId() { return authorId; }
    public String getOnBehalfOf() { return onBehalfOf; }
    public Channel getChannel() { return channel; }
    public Long getEnteredBy() { return enteredBy; }
    public String getText() { return text; }
    public SuggestionStatus getStatus() { return status; }
    public Instant getCreatedAt() { return createdAt; }
    public Long getDepartmentId() { return departmentId; }
    public Long getAssignedBy() { return assignedBy; }
    public Instant getAssignedAt() { return assignedAt; }
    public LocalDate getAcknowledgeDueOn() { return acknowledgeDueOn; }
    public Instant getAcknowledgedAt() { return acknowledgedAt; }
    public LocalDate getDueOn() { return dueOn; }
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
    public long getVersion() { return version; }
}
