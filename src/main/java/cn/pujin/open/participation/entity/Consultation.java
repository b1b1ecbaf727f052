package cn.pujin.open.participation.entity;

import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
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
import java.util.ArrayList;
import java.util.List;

/**
 * A consultation on a policy draft (征求意见): the draft's numbered paragraphs ({@link ConsultationParagraph}) and its
 * interpretation (政策解读) are published together — "三同步" — after a reviewer who neither wrote nor submitted it
 * approves; comments are taken from {@code opensAt} until {@code closesAt}. A draft may belong to an item of the
 * decision catalogue and to a topic; organisations are invited by name.
 */
@Entity
@Table(name = "consultation")
public class Consultation {

    public enum Status { DRAFT, IN_REVIEW, PUBLISHED }

    /** Where a published consultation stands in its period. */
    public enum Period { UPCOMING, OPEN, CLOSED }

    @Id
    @SequenceGenerator(name = "consultation_seq", sequenceName = "consultation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "consultation_seq")
    private Long id;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "major_decision_id")
    private Long majorDecisionId;

    @Column(name = "topic_id")
    private Long topicId;

    @Column(length = 20000)
    private String interpretation;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.DRAFT;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "consultation_organisation", joinColumns = @JoinColumn(name = "consultation_id"))
    @OrderColumn(name = "ordinal")
    @Column(name = "name", length = 100, nullable = false)
    private List<String> invitedOrganisations = new ArrayList<>();

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "submitted_by")
    private Long submittedBy;

    @Column(name = "review_note", length = 500)
    private String reviewNote;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Consultation() {}

    public Consultation(Long authorId, Instant now) {
        this.authorId = authorId;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Writes the draft's fields; only a draft (new, or returned by the reviewer) is written. */
    public void describe(String title, Long majorDecisionId, Long topicId, String interpretation, Instant opensAt,
                         Instant closesAt, List<String> organisations, Instant now) {
        require(status == Status.DRAFT, "edit");
        this.title = title;
        this.majorDecisionId = majorDecisionId;
        this.topicId = topicId;
        this.interpretation = interpretation;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.invitedOrganisations.clear();
        this.invitedOrganisations.addAll(organisations);
        this.updatedAt = now;
    }

    /** 三同步: a draft goes to review only with its interpretation. */
    public void submit(Long actor, Instant now) {
        require(status == Status.DRAFT, "submit");
        requireInterpretation();
        status = Status.IN_REVIEW;
        submittedBy = actor;
        reviewNote = null;
        updatedAt = now;
    }

    /** 先审查后公开: never by its author or the one who submitted it. */
    public void approve(Long reviewer, Instant now) {
        require(status == Status.IN_REVIEW, "approve");
        requireOther(reviewer);
        requireInterpretation();
        status = Status.PUBLISHED;
        publishedAt = now;
        reviewNote = null;
        updatedAt = now;
    }

    public void reject(Long reviewer, String reason, Instant now) {
        require(status == Status.IN_REVIEW, "reject");
        requireOther(reviewer);
        status = Status.DRAFT;
        reviewNote = reason;
        updatedAt = now;
    }

    public Period period(Instant now) {
        return now.isBefore(opensAt) ? Period.UPCOMING : now.isBefore(closesAt) ? Period.OPEN : Period.CLOSED;
    }

    public boolean isOpen(Instant now) {
        return status == Status.PUBLISHED && period(now) == Period.OPEN;
    }

    private void requireInterpretation() {
        if (interpretation == null || interpretation.isBlank()) {
            throw Problem.conflict(ProblemCode.INTERPRETATION_REQUIRED, "consultation.interpretation.required");
        }
    }

    private void requireOther(Long reviewer) {
        Problem.requireOtherReviewer(reviewer, "consultation.selfReview", authorId, submittedBy);
    }

    private void require(boolean allowed, String action) {
        Problem.requireTransition(allowed, "consultation.transition.invalid", action, status);
    }

    public Long getId() { return id; }
    public String getTitle() { return title; }
    public Long getMajorDecisionId() { return majorDecisionId; }
    public Long getTopicId() { return topicId; }
    public String getInterpretation() { return interpretation; }
    public Instant getOpensAt() { return opensAt; }
    public Instant getClosesAt() { return closesAt; }
    public Status getStatus() { return status; }
    public List<String> getInvitedOrganisations() { return List.copyOf(invitedOrganisations); }
    public Long getAuthorId() { return authorId; }
    public Long getSubmittedBy() { return submittedBy; }
    public String getReviewNote() { return reviewNote; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
