package cn.pujin.open.event.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The approved, public version of an event: the columns the public lists filter on, plus the whole
 * public detail (agenda and materials included) as a JSON snapshot taken at approval. Written only by
 * approval and cancellation, so nothing reaches the public without a reviewer.
 */
@Entity
@Table(name = "event_publication")
public class EventPublication {

    @Id
    @Column(name = "event_id")
    private Long eventId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EventKind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EventStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private EventMode mode;

    @Column(nullable = false, length = 120)
    private String title;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(name = "campaign_id")
    private Long campaignId;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false)
    private boolean waitlist;

    @Column(name = "registration_opens_at", nullable = false)
    private Instant registrationOpensAt;

    @Column(name = "registration_closes_at", nullable = false)
    private Instant registrationClosesAt;

    /** iCalendar SEQUENCE: grows with every published change (revision approved, cancellation). */
    @Column(name = "ical_sequence", nullable = false)
    private int sequence;

    @Column(name = "first_published_at", nullable = false)
    private Instant firstPublishedAt;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(nullable = false, length = 200000)
    private String snapshot;

    /** When an approved version first carried meeting materials. */
    @Column(name = "materials_published_at")
    private Instant materialsPublishedAt;

    public void materialsPublished(Instant at) {
        if (materialsPublishedAt == null) {
            materialsPublishedAt = at;
        }
    }

    public Instant getMaterialsPublishedAt() { return materialsPublishedAt; }

    protected EventPublication() {}

    public EventPublication(Long eventId, Instant now) {
        this.eventId = eventId;
        this.firstPublishedAt = now;
        this.sequence = -1;
    }

    /** Takes over the approved content; the first publication has SEQUENCE 0. */
    public void publish(Event event, String snapshot, Instant now) {
        this.kind = event.getKind();
        this.status = event.getStatus();
        this.mode = event.getMode();
        this.title = event.getTitle();
        this.startsAt = event.getStartsAt();
        this.endsAt = event.getEndsAt();
        this.campaignId = event.getCampaign() == null ? null : event.getCampaign().getId();
        this.capacity = event.getCapacity();
        this.waitlist = event.isWaitlist();
        this.registrationOpensAt = event.getRegistrationOpensAt();
        this.registrationClosesAt = event.getRegistrationClosesAt();
        this.snapshot = snapshot;
        this.sequence++;
        this.changedAt = now;
    }

    /** Cancellation is factual and urgent: the approved content stays, marked cancelled with the reason. */
    public void cancel(String snapshot, Instant now) {
        this.status = EventStatus.CANCELLED;
        this.snapshot = snapshot;
        this.sequence++;
        this.changedAt = now;
    }

    public Long getEventId() { return eventId; }
    public EventKind getKind() { return kind; }
    public EventStatus getStatus() { return status; }
    public EventMode getMode() { return mode; }
    public String getTitle() { return title; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public Long getCampaignId() { return campaignId; }
    public int getCapacity() { return capacity; }
    public boolean isWaitlist() { return waitlist; }
    public Instant getRegistrationOpensAt() { return registrationOpensAt; }
    public Instant getRegistrationClosesAt() { return registrationClosesAt; }
    public int getSequence() { return sequence; }
    public Instant getFirstPublishedAt() { return firstPublishedAt; }
    public Instant getChangedAt() { return changedAt; }
    public String getSnapshot() { return snapshot; }
}
