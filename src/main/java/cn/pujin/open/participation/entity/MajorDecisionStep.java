package cn.pujin.open.participation.entity;

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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One statutory step of a catalogue item (公众参与, 专家论证…): its date, a summary and documents; a collective decision
 * names the decision meeting of this app. Public once a reviewer who did not write it publishes it, and only on a
 * published item.
 */
@Entity
@Table(name = "major_decision_step")
public class MajorDecisionStep {

    public enum Status { PENDING, PUBLISHED, RETURNED }

    @Id
    @SequenceGenerator(name = "major_decision_step_seq", sequenceName = "major_decision_step_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "major_decision_step_seq")
    private Long id;

    @Column(name = "major_decision_id", nullable = false)
    private Long majorDecisionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private StepKind kind;

    @Column(name = "step_date", nullable = false)
    private LocalDate date;

    @Column(nullable = false, length = 2000)
    private String summary;

    @Column(name = "event_id")
    private Long eventId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "major_decision_document", joinColumns = @JoinColumn(name = "step_id"))
    @OrderColumn(name = "ordinal")
    private List<StepDocument> documents = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PENDING;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "published_by")
    private Long publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "review_note", length = 500)
    private String reviewNote;

    @Version
    private long version;

    protected MajorDecisionStep() {}

    public MajorDecisionStep(Long majorDecisionId, StepKind kind, LocalDate date, String summary, Long eventId,
                             List<StepDocument> documents, Long authorId, Instant now) {
        this.majorDecisionId = majorDecisionId;
        this.kind = kind;
        this.date = date;
        this.summary = summary;
        this.eventId = eventId;
        this.documents = new ArrayList<>(documents);
        this.authorId = authorId;
        this.createdAt = now;
    }

    public void publish(Long reviewer, Instant now) {
        review(reviewer, "publish");
        status = Status.PUBLISHED;
        publishedBy = reviewer;
        publishedAt = now;
    }

    /** Not published: back to the organiser with the reason (who adds a corrected step); never public. */
    public void returnStep(Long reviewer, String reason) {
        review(reviewer, "return");
        status = Status.RETURNED;
        reviewNote = reason;
    }

    /** Only a pending step is reviewed, and never by its author. */
    private void review(Long reviewer, String action) {
        Problem.requireTransition(status == Status.PENDING, "majorDecision.transition.invalid", action, status);
        Problem.requireOtherReviewer(reviewer, "majorDecision.selfReview", authorId);
    }

    public Long getId() { return id; }
    public Long getMajorDecisionId() { return majorDecisionId; }
    public StepKind getKind() { return kind; }
    public LocalDate getDate() { return date; }
    public String getSummary() { return summary; }
    public Long getEventId() { return eventId; }
    public List<StepDocument> getDocuments() { return documents; }
    public Status getStatus() { return status; }
    public Long getAuthorId() { return authorId; }
    public Instant getPublishedAt() { return publishedAt; }
    public String getReviewNote() { return reviewNote; }
}
