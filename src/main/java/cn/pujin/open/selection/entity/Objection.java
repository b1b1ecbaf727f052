package cn.pujin.open.selection.entity;

import cn.pujin.open.input.entity.CitizenInput;
import cn.pujin.open.input.entity.Handling;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * An objection (异议) to a published selection, raised during its 公示 period by anyone signed in and answered through
 * the one citizen-input workflow ({@link Handling}): its clock runs from receipt, like a message's.
 */
@Entity
@Table(name = "selection_objection")
public class Objection implements CitizenInput {

    @Id
    @SequenceGenerator(name = "selection_objection_seq", sequenceName = "selection_objection_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "selection_objection_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "entered_by")
    private Long enteredBy;

    @Column(nullable = false, length = 2000)
    private String text;

    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Handling handling = new Handling();

    @Version
    private long version;

    protected Objection() {}

    public Objection(Long eventId, Long authorId, String text, LocalDate receivedOn, Instant at) {
        this.eventId = eventId;
        this.authorId = authorId;
        this.enteredBy = authorId;
        this.text = text;
        this.receivedOn = receivedOn;
        this.createdAt = at;
    }

    @Override
    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    @Override
    public Long getAuthorId() { return authorId; }
    @Override
    public Long getEnteredBy() { return enteredBy; }
    @Override
    public String getText() { return text; }
    public LocalDate getReceivedOn() { return receivedOn; }
    @Override
    public Instant getCreatedAt() { return createdAt; }
    @Override
    public Handling handling() { return handling; }
    public long getVersion() { return version; }
}
