package cn.pujin.open.review.entity;

import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * A public text under 先审查后公开: written by one person, published or returned by a reviewer who did not
 * write it. The published version stays public while a revision waits for review.
 */
@Embeddable
public class ReviewedText {

    public enum Status { IN_REVIEW, RETURNED, PUBLISHED }

    @Column(nullable = false, length = 4000)
    private String text;

    @Enumerated(EnumType.STRING)
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

    /** A new or revised text goes to review. */
    public void write(Long author, String text, Instant at) {
        this.text = text;
        this.writtenBy = author;
        this.writtenAt = at;
        this.status = Status.IN_REVIEW;
        this.reviewNote = null;
    }

    public void publish(Long reviewer, Instant at) {
        requireInReview("publish");
        if (reviewer.equals(writtenBy)) {
            throw Problem.forbidden(ProblemCode.SELF_REVIEW, "suggestion.selfReview");
        }
        status = Status.PUBLISHED;
        publishedText = text;
        publishedBy = reviewer;
        publishedAt = at;
    }

    public void returnToAuthor(Long reviewer, String why) {
        requireInReview("return");
        if (reviewer.equals(writtenBy)) {
            throw Problem.forbidden(ProblemCode.SELF_REVIEW, "suggestion.selfReview");
        }
        status = Status.RETURNED;
        reviewNote = why;
    }

    private void requireInReview(String action) {
        if (status != Status.IN_REVIEW) {
            throw Problem.conflict(ProblemCode.INVALID_TRANSITION, "suggestion.transition.invalid", action, status);
        }
    }

    public String getText() { return text; }
    public Status getStatus() { return status; }
    public Long getWrittenBy() { return writtenBy; }
    public Instant getWrittenAt() { return writtenAt; }
    public String getReviewNote() { return reviewNote; }
    public String getPublishedText() { return publishedText; }
    public Instant getPublishedAt() { return publishedAt; }
}
