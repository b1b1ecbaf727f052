package cn.pujin.open.participation.entity;

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
import java.util.Set;

/**
 * An item of the year's catalogue of major administrative decisions (重大行政决策事项). Public only after a reviewer
 * who neither wrote nor submitted it approves it; once public it is never edited, only withdrawn (again after review),
 * and stays listed with the reason. An item added after the year's catalogue was first published carries the reason
 * for adding it.
 */
@Entity
@Table(name = "major_decision")
public class MajorDecision {

    public enum Status { DRAFT, IN_REVIEW, PUBLISHED, WITHDRAWAL_IN_REVIEW, WITHDRAWN }

    /** What the public sees: published items, those whose withdrawal is being reviewed, and withdrawn ones. */
    public static final Set<Status> PUBLIC = Set.of(Status.PUBLISHED, Status.WITHDRAWAL_IN_REVIEW, Status.WITHDRAWN);

    @Id
    @SequenceGenerator(name = "major_decision_seq", sequenceName = "major_decision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "major_decision_seq")
    private Long id;

    @Column(name = "catalogue_year", nullable = false)
    private int year;

    @Column(name = "item_number", nullable = false)
    private int number;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(nullable = false, length = 100)
    private String department;

    @Column(name = "legal_basis", nullable = false, length = 1000)
    private String legalBasis;

    @Column(name = "planned_period", nullable = false, length = 100)
    private String plannedPeriod;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Status status = Status.DRAFT;

    @Column(name = "added_during_year", nullable = false)
    private boolean addedDuringYear;

    @Column(name = "added_reason", length = 500)
    private String addedReason;

    @Column(name = "withdrawal_reason", length = 500)
    private String withdrawalReason;

    @Column(name = "review_note", length = 500)
    private String reviewNote;

    @Column(name = "author_id", nullable = false)
    private Long authorId;

    @Column(name = "submitted_by")
    private Long submittedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected MajorDecision() {}

    public MajorDecision(int year, int number, Long authorId, boolean addedDuringYear, Instant now) {
        this.year = year;
        this.number = number;
        this.authorId = authorId;
        this.addedDuringYear = addedDuringYear;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Writes the item's fields; only a draft (new, or returned by the reviewer) can be written. */
    public void describe(String title, String department, String legalBasis, String plannedPeriod, String addedReason,
                         Instant now) {
        require(status == Status.DRAFT, "edit");
        this.title = title;
        this.department = department;
        this.legalBasis = legalBasis;
        this.plannedPeriod = plannedPeriod;
        this.addedReason = addedReason;
        this.updatedAt = now;
    }

    public void submit(Long actor, Instant now) {
        require(status == Status.DRAFT, "submit");
        status = Status.IN_REVIEW;
        submittedBy = actor;
        reviewNote = null;
        updatedAt = now;
    }

    /** 先审查后公开: publishes the item, or its withdrawal; never by the author or the one who submitted it. */
    public void approve(Long reviewer, Instant now) {
        require(status == Status.IN_REVIEW || status == Status.WITHDRAWAL_IN_REVIEW, "approve");
        requireOther(reviewer);
        if (status == Status.IN_REVIEW) {
            status = Status.PUBLISHED;
            publishedAt = now;
        } else {
            status = Status.WITHDRAWN;
            withdrawnAt = now;
        }
        reviewNote = null;
        updatedAt = now;
    }

    /** Back to its author with a reason: a draft again, or, for a withdrawal, published as before. */
    public void reject(Long reviewer, String reason, Instant now) {
        require(status == Status.IN_REVIEW || status == Status.WITHDRAWAL_IN_REVIEW, "reject");
        requireOther(reviewer);
        if (status == Status.IN_REVIEW) {
            status = Status.DRAFT;
        } else {
            status = Status.PUBLISHED;
            withdrawalReason = null;
        }
        reviewNote = reason;
        updatedAt = now;
    }

    /** Asks to take a published item out of the catalogue; public as withdrawn once a reviewer approves. */
    public void withdraw(Long actor, String reason, Instant now) {
        require(status == Status.PUBLISHED, "withdraw");
        status = Status.WITHDRAWAL_IN_REVIEW;
        withdrawalReason = reason;
        submittedBy = actor;
        reviewNote = null;
        updatedAt = now;
    }

    public boolean isPublic() {
        return PUBLIC.contains(status);
    }

    private void requireOther(Long reviewer) {
        Problem.requireOtherReviewer(reviewer, "majorDecision.selfReview", authorId, submittedBy);
    }

    private void require(boolean allowed, String action) {
        Problem.requireTransition(allowed, "majorDecision.transition.invalid", action, status);
    }

    public Long getId() { return id; }
    public int getYear() { return year; }
    public int getNumber() { return number; }
    public String getTitle() { return title; }
    public String getDepartment() { return department; }
    public String getLegalBasis() { return legalBasis; }
    public String getPlannedPeriod() { return plannedPeriod; }
    public Status getStatus() { return status; }
    public boolean isAddedDuringYear() { return addedDuringYear; }
    public String getAddedReason() { return addedReason; }
    public String getWithdrawalReason() { return withdrawalReason; }
    public String getReviewNote() { return reviewNote; }
    public Long getAuthorId() { return authorId; }
    public Long getSubmittedBy() { return submittedBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getWithdrawnAt() { return withdrawnAt; }
    public long getVersion() { return version; }
}
