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
 * A common question and its answer (常见问题) on a topic, written by staff from answered messages; public only after a
 * reviewer who did not write it publishes it (先审查后公开), or returned to its author with a reason.
 */
@Entity
@Table(name = "faq")
public class Faq {

    public enum Status { IN_REVIEW, RETURNED, PUBLISHED }

    @Id
    @SequenceGenerator(name = "faq_seq", sequenceName = "faq_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "faq_seq")
    private Long id;

    @Column(name = "topic_id", nullable = false)
    private Long topicId;

    @Column(nullable = false, length = 500)
    private String question;

    @Column(nullable = false, length = 4000)
    private String answer;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.IN_REVIEW;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "review_note", length = 500)
    private String reviewNote;

    @Column(name = "published_by")
    private Long publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "faq_message", joinColumns = @JoinColumn(name = "faq_id"))
    @Column(name = "message_id")
    private Set<Long> messageIds = new LinkedHashSet<>();

    @Version
    private long version;

    protected Faq() {}

    public Faq(Long topicId, String question, String answer, Set<Long> messageIds, Long authorId, Instant at) {
        this.topicId = topicId;
        this.question = question;
        this.answer = answer;
        this.messageIds.addAll(messageIds);
        this.authorId = authorId;
        this.createdAt = at;
    }

    /** The author rewrites a returned entry and sends it to review again. */
    public void revise(Long topicId, String question, String answer, Set<Long> messageIds) {
        Problem.requireTransition(status != Status.PUBLISHED, "message.transition.invalid", "revise", status);
        this.topicId = topicId;
        this.question = question;
        this.answer = answer;
        this.messageIds.clear();
        this.messageIds.addAll(messageIds);
        this.status = Status.IN_REVIEW;
    }

    public void publish(Long reviewer, Instant at) {
        Problem.requireTransition(status == Status.IN_REVIEW, "message.transition.invalid", "publish", status);
        Problem.requireOtherReviewer(reviewer, "faq.selfReview", authorId);
        this.status = Status.PUBLISHED;
        this.publishedBy = reviewer;
        this.publishedAt = at;
        this.reviewNote = null;
    }

    public void returnToAuthor(Long reviewer, String note) {
        Problem.requireTransition(status == Status.IN_REVIEW, "message.transition.invalid", "return", status);
        Problem.requireOtherReviewer(reviewer, "faq.selfReview", authorId);
        this.status = Status.RETURNED;
        this.reviewNote = note;
    }

    public Long getId() { return id; }
    public Long getTopicId() { return topicId; }
    public String getQuestion() { return question; }
    public String getAnswer() { return answer; }
    public Status getStatus() { return status; }
    public Long getAuthorId() { return authorId; }
    public String getReviewNote() { return reviewNote; }
    public Long getPublishedBy() { return publishedBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Set<Long> getMessageIds() { return messageIds; }
    public long getVersion() { return version; }
}
