package cn.pujin.open.suggestion.entity;

import cn.pujin.open.platform.control.Problem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * What the meeting decided on one agenda item (会议议定结果). The organiser writes it, a reviewer who did
 * not write it publishes it; the published text stays public while a revision waits for review.
 */
@Entity
@Table(name = "decision")
public class Decision {

    public enum Status { IN_REVIEW, RETURNED, PUBLISHED }

    @Id
    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(nullable = false, length = 4000)
    private String text;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "written_by", nullable = false)
    private Long writtenBy;

    @Column(name = "written_at", nullable = false)
    private Instant writtenAt;

    @Column(name = "review_note", length = 500)
    private String reviewNote;

    @Column(name = "published_text", length = 4000)
    private String publishedText;

    @Column(name = "published_by")
    private Long publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected Decision() {}

    public Decision(Long agendaItemId, Long eventId) {
        this.agendaItemId = agendaItemId;
        this.eventId = eventId;
    }

    /** A new or revised text goes to review. */
    public void write(Long organiser, String text, Instant at) {
        this.text = text;
        this.writtenBy = organiser;
        this.writtenAt = at;
        this.status = Status.IN_REVIEW;
        this.reviewNote = null;
    }

    public void publish(Long reviewer, Instant at) {
        requireInReview("publish");
        if (reviewer.equals(writtenBy)) {
            throw Problem.forbidden("SELF_REVIEW", "suggestion.selfReview");
        }
        status = Status.PUBLISHED;
        publishedText = text;
        publishedBy = reviewer;
        publishedAt = at;
    }

    public void returnToAuthor(Long reviewer, String why) {
        requireInReview("return");
        if (reviewer.equals(writtenBy)) {
            throw Problem.forbidden("SELF_REVIEW", "suggestion.selfReview");
        }
        status = Status.RETURNED;
        reviewNote = why;
    }

    private void requireInReview(String action) {
        if (status != Status.IN_REVIEW) {
            throw Problem.conflict("INVALID_TRANSITION", "suggestion.transition.invalid", action, status);
        }
    }

    public Long getAgendaItemId() { return agendaItemId; }
    public Long getEventId() { return eventId; }
    public String getText() { return text; }
    public Status getStatus() { return status; }
    public Long getWrittenBy() { return writtenBy; }
    public Instant getWrittenAt() { return writtenAt; }
    public String getReviewNote() { return reviewNote; }
    public String getPublishedText() { return publishedText; }
    public Instant getPublishedAt() { return publishedAt; }
    public long getVersion() { return version; }
}
