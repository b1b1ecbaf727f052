package cn.pujin.open.suggestion.entity;

import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
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

/** A step in implementing an adopted suggestion (date, text, progress %); public after review. */
@Entity
@Table(name = "milestone")
public class Milestone {

    public enum Status { PENDING, PUBLISHED }

    @Id
    @SequenceGenerator(name = "milestone_seq", sequenceName = "milestone_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "milestone_seq")
    private Long id;

    @Column(name = "suggestion_id", nullable = false)
    private Long suggestionId;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(nullable = false, length = 500)
    private String text;

    @Column(nullable = false)
    private int progress;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.PENDING;

    @Column(name = "created_by", nullable = false)
    private Long createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_by")
    private Long publishedBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Version
    private long version;

    protected Milestone() {}

    public Milestone(Long suggestionId, LocalDate dueOn, String text, int progress, Long createdBy, Instant at) {
        this.suggestionId = suggestionId;
        this.dueOn = dueOn;
        this.text = text;
        this.progress = progress;
        this.createdBy = createdBy;
        this.createdAt = at;
    }

    public void publish(Long reviewer, Instant at) {
        if (status == Status.PUBLISHED) {
            return;
        }
        if (reviewer.equals(createdBy)) {
            throw Problem.forbidden(ProblemCode.SELF_REVIEW, "suggestion.selfReview");
        }
        status = Status.PUBLISHED;
        publishedBy = reviewer;
        publishedAt = at;
    }

    public Long getId() { return id; }
    public Long getSuggestionId() { return suggestionId; }
    public LocalDate getDueOn() { return dueOn; }
    public String getText() { return text; }
    public int getProgress() { return progress; }
    public Status getStatus() { return status; }
    public Long getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getPublishedAt() { return publishedAt; }
    public long getVersion() { return version; }
}
