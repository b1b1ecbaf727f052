package cn.pujin.open.suggestion.entity;

import cn.pujin.open.input.entity.CitizenInput;
import cn.pujin.open.input.entity.Handling;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

/**
 * A suggestion (意见建议) by an attendee on a meeting or one of its agenda items — or a paper or oral one staff
 * entered for them — handled through the one citizen-input workflow ({@link Handling}).
 */
@Entity
@Table(name = "suggestion")
public class Suggestion implements CitizenInput {

    @Id
    @SequenceGenerator(name = "suggestion_seq", sequenceName = "suggestion_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "suggestion_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "agenda_item_id")
    private Long agendaItemId;

    @Column(name = "registration_id")
    private Long registrationId;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "on_behalf_of", length = 40)
    private String onBehalfOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Channel channel;

    @Column(name = "entered_by", nullable = false)
    private Long enteredBy;

    @Column(nullable = false, length = 2000)
    private String text;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Embedded
    private Handling handling = new Handling();

    @Version
    private long version;

    protected Suggestion() {}

    public Suggestion(Long eventId, Long agendaItemId, Long registrationId, Long authorId, String onBehalfOf,
                      Channel channel, Long enteredBy, String text, Instant at) {
        this.eventId = eventId;
        this.agendaItemId = agendaItemId;
        this.registrationId = registrationId;
        this.authorId = authorId;
        this.onBehalfOf = onBehalfOf;
        this.channel = channel;
        this.enteredBy = enteredBy;
        this.text = text;
        this.createdAt = at;
    }

    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    public Long getAgendaItemId() { return agendaItemId; }
    public Long getRegistrationId() { return registrationId; }
    public Long getAuthorId() { return authorId; }
    public String getOnBehalfOf() { return onBehalfOf; }
    public Channel getChannel() { return channel; }
    public Long getEnteredBy() { return enteredBy; }
    public String getText() { return text; }
    public Instant getCreatedAt() { return createdAt; }
    @Override
    public Handling handling() { return handling; }
    public long getVersion() { return version; }
}
