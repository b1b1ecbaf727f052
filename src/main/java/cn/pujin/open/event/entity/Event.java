package cn.pujin.open.event.entity;

import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The organisers' working copy of an open day or decision meeting, and its review life cycle.
 * What the public sees is the approved {@link EventPublication}, never this row directly.
 */
@Entity
@Table(name = "event")
public class Event {

    @Id
    @SequenceGenerator(name = "event_seq", sequenceName = "event_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "event_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EventKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EventStatus status = EventStatus.DRAFT;

    @Enumerated(EnumType.STRING)
    @Column(name = "revision_status", nullable = false, length = 20)
    private RevisionStatus revision = RevisionStatus.NONE;

    @Column(nullable = false, length = 120)
    private String title;

    @Column(length = 500)
    private String summary;

    @Column(length = 20000)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EventMode mode;

    @Column(length = 200)
    private String venue;

    @Column(name = "online_url", length = 500)
    private String onlineUrl;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private boolean waitlist;

    @Column(name = "registration_opens_at", nullable = false)
    private Instant registrationOpensAt;

    @Column(name = "registration_closes_at", nullable = false)
    private Instant registrationClosesAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "campaign_id")
    private Campaign campaign;

    @OneToMany(mappedBy = "event", fetch = FetchType.LAZY)
    @OrderBy("position")
    private List<AgendaItem> agendaItems = new ArrayList<>();

    /** Seats taken by confirmed registrations; changed only by a conditional update (never overbooked). */
    @Column(name = "confirmed_count", nullable = false)
    private int confirmedCount;

    @Column(name = "created_by", nullable = false)
    private Long createdBy;

    @Column(name = "last_edited_by", nullable = false)
    private Long lastEditedBy;

    @Column(name = "submitted_by")
    private Long submittedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "review_note", length = 500)
    private String reviewNote;

    @Column(name = "cancel_reason", length = 500)
    private String cancelReason;

    @Version
    private long version;

    protected Event() {}

    public Event(EventKind kind, Long author, Instant now) {
        this.kind = kind;
        this.createdBy = author;
        this.lastEditedBy = author;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Content may change until the event is cancelled; a published event's changes wait as a revision. */
    public void edited(Long editor, Instant now) {
        if (status == EventStatus.CANCELLED) {
            throw Problem.conflict(ProblemCode.EVENT_CANCELLED, "event.cancelled");
        }
        if (status == EventStatus.IN_REVIEW || revision == RevisionStatus.IN_REVIEW) {
            throw Problem.conflict(ProblemCode.EVENT_IN_REVIEW, "event.inReview");
        }
        if (status == EventStatus.PUBLISHED) {
            revision = RevisionStatus.DRAFT;
        }
        lastEditedBy = editor;
        updatedAt = now;
    }

    public void submit(Long actor, Instant now) {
        if (status == EventStatus.DRAFT) {
            status = EventStatus.IN_REVIEW;
        } else if (status == EventStatus.PUBLISHED && revision == RevisionStatus.DRAFT) {
            revision = RevisionStatus.IN_REVIEW;
        } else {
            throw Problem.conflict(ProblemCode.INVALID_TRANSITION, "event.transition.invalid", "submit", state());
        }
        submittedBy = actor;
        reviewNote = null;
        updatedAt = now;
    }

    /** 先审查后公开: the approver is never the author, the last editor or the submitter. */
    public void approve(Long reviewer, Instant now) {
        requireInReview("approve");
        if (isAuthor(reviewer)) {
            throw Problem.forbidden(ProblemCode.SELF_REVIEW, "event.selfReview");
        }
        status = EventStatus.PUBLISHED;
        revision = RevisionStatus.NONE;
        reviewNote = null;
        updatedAt = now;
    }

    public void reject(Long reviewer, String reason, Instant now) {
        requireInReview("reject");
        if (isAuthor(reviewer)) {
            throw Problem.forbidden(ProblemCode.SELF_REVIEW, "event.selfReview");
        }
        if (status == EventStatus.IN_REVIEW) {
            status = EventStatus.DRAFT;
        } else {
            revision = RevisionStatus.DRAFT;
        }
        reviewNote = reason;
        updatedAt = now;
    }

    public void cancel(String reason, Instant now) {
        if (status == EventStatus.CANCELLED) {
            throw Problem.conflict(ProblemCode.EVENT_CANCELLED, "event.cancelled");
        }
        status = EventStatus.CANCELLED;
        revision = RevisionStatus.NONE;
        cancelReason = reason;
        updatedAt = now;
    }

    private void requireInReview(String action) {
        if (status != EventStatus.IN_REVIEW && revision != RevisionStatus.IN_REVIEW) {
            throw Problem.conflict(ProblemCode.INVALID_TRANSITION, "event.transition.invalid", action, state());
        }
    }

    public boolean isAuthor(Long person) {
        return Objects.equals(person, createdBy) || Objects.equals(person, lastEditedBy)
                || Objects.equals(person, submittedBy);
    }

    public boolean awaitsReview() {
        return status == EventStatus.IN_REVIEW || revision == RevisionStatus.IN_REVIEW;
    }

    /** The state shown in audit entries: the status, and the revision when there is one. */
    public String state() {
        return revision == RevisionStatus.NONE ? status.name() : status.name() + "/REVISION_" + revision.name();
    }

    public void describe(String title, String summary, String description, EventMode mode, String venue, String onlineUrl) {
        this.title = title;
        this.summary = summary;
        this.description = description;
        this.mode = mode;
        this.venue = venue;
        this.onlineUrl = onlineUrl;
    }

    public void schedule(EventKind kind, Instant startsAt, Instant endsAt, Instant registrationOpensAt,
                         Instant registrationClosesAt, int capacity, boolean waitlist, Campaign campaign) {
        this.kind = kind;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.registrationOpensAt = registrationOpensAt;
        this.registrationClosesAt = registrationClosesAt;
        this.capacity = capacity;
        this.waitlist = waitlist;
        this.campaign = campaign;
    }

    public Long getId() { return id; }
    public EventKind getKind() { return kind; }
    public EventStatus getStatus() { return status; }
    public RevisionStatus getRevision() { return revision; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public String getDescription() { return description; }
    public EventMode getMode() { return mode; }
    public String getVenue() { return venue; }
    public String getOnlineUrl() { return onlineUrl; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public int getCapacity() { return capacity; }
    public boolean isWaitlist() { return waitlist; }
    public Instant getRegistrationOpensAt() { return registrationOpensAt; }
    public Instant getRegistrationClosesAt() { return registrationClosesAt; }
    public Campaign getCampaign() { return campaign; }
    public List<AgendaItem> getAgendaItems() { return agendaItems; }
    public int getConfirmedCount() { return confirmedCount; }
    public Long getCreatedBy() { return createdBy; }
    public Long getLastEditedBy() { return lastEditedBy; }
    public Long getSubmittedBy() { return submittedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getReviewNote() { return reviewNote; }
    public String getCancelReason() { return cancelReason; }
    public long getVersion() { return version; }
}
