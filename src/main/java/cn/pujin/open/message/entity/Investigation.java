package cn.pujin.open.message.entity;

import cn.pujin.open.platform.control.Problem;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A topic investigation (专题调查): opened when messages on one topic pile up ("解决一件、带动一片"), with the messages it
 * answers; staff record findings and a conclusion, a reviewer who did not submit it publishes it, and the authors of its
 * messages are told.
 */
@Entity
@Table(name = "investigation")
public class Investigation {

    public enum Status { OPEN, IN_REVIEW, PUBLISHED }

    @Id
    @SequenceGenerator(name = "investigation_seq", sequenceName = "investigation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "investigation_seq")
    private Long id;

    @Column(name = "topic_id", nullable = false)
    private Long topicId;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(length = 8000)
    private String findings;

    @Column(length = 8000)
    private String conclusion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.OPEN;

    @Column(name = "opened_by", nullable = false)
    private Long openedBy;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Column(name = "submitted_by")
    private Long submittedBy;

    @Column(name = "review_note", length = 500)
    private String reviewNote;

    @Column(name = "published_by")
    private Long publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "investigation_message", joinColumns = @JoinColumn(name = "investigation_id"))
    @Column(name = "message_id")
    private Set<Long> messageIds = new LinkedHashSet<>();

    @Version
    private long version;

    protected Investigation() {}

    public Investigation(Long topicId, String title, Set<Long> messageIds, Long openedBy, Instant at) {
        this.topicId = topicId;
        this.title = title;
        this.messageIds.addAll(messageIds);
        this.openedBy = openedBy;
        this.openedAt = at;
    }

    /** Findings and conclusion while it is open (or returned to it). */
    public void record(String findings, String conclusion) {
        Problem.requireTransition(status == Status.OPEN, "message.transition.invalid", "record", status);
        this.findings = findings;
        this.conclusion = conclusion;
    }

    public void submit(Long staff) {
        Problem.requireTransition(status == Status.OPEN, "message.transition.invalid", "submit", status);
        if (conclusion == null) {
            throw Problem.invalid("conclusion", "investigation.conclusion.required");
        }
        this.status = Status.IN_REVIEW;
        this.submittedBy = staff;
        this.reviewNote = null;
    }

    public void publish(Long reviewer, Instant at) {
        Problem.requireTransition(status == Status.IN_REVIEW, "message.transition.invalid", "publish", status);
        Problem.requireOtherReviewer(reviewer, "investigation.selfReview", submittedBy);
        this.status = Status.PUBLISHED;
        this.publishedBy = reviewer;
        this.publishedAt = at;
    }

    public void returnToStaff(Long reviewer, String note) {
        Problem.requireTransition(status == Status.IN_REVIEW, "message.transition.invalid", "return", status);
        Problem.requireOtherReviewer(reviewer, "investigation.selfReview", submittedBy);
        this.status = Status.OPEN;
        this.reviewNote = note;
    }

    public Long getId() { return id; }
    public Long getTopicId() { return topicId; }
    public String getTitle() { return title; }
    public String getFindings() { return findings; }
    public String getConclusion() { return conclusion; }
    public Status getStatus() { return status; }
    public Long getOpenedBy() { return openedBy; }
    public Instant getOpenedAt() { return openedAt; }
    public Long getSubmittedBy() { return submittedBy; }
    public String getReviewNote() { return reviewNote; }
    public Long getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public Set<Long> getMessageIds() { return messageIds; }
    public long getVersion() { return version; }
}
