package cn.pujin.open.message.entity;

import cn.pujin.open.input.entity.CitizenInput;
import cn.pujin.open.input.entity.Handling;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A message (留言) on the message board: a question, suggestion or complaint, public or for its author only, on a topic
 * or an open consultation. Its clock runs from receipt: acknowledged the working day it is received, answered within
 * five working days, through the one citizen-input workflow ({@link Handling}).
 */
@Entity
@Table(name = "message")
public class Message implements CitizenInput {

    public enum Kind { QUESTION, SUGGESTION, COMPLAINT }

    @Id
    @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
    private Long id;

    @Column(name = "author_id")
    private Long authorId;

    @Column(name = "entered_by")
    private Long enteredBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(nullable = false, length = 2000)
    private String text;

    @Column(name = "consultation_id")
    private Long consultationId;

    @Column(name = "public_wanted", nullable = false)
    private boolean publicWanted;

    /** The working day the clock counts from: the day it arrived, or the next working day after 17:00 or on a day off. */
    @Column(name = "received_on", nullable = false)
    private LocalDate receivedOn;

    @Column(length = 500)
    private String acknowledgement;

    @Column(name = "acknowledgement_templated", nullable = false)
    private boolean acknowledgementTemplated;

    @Column(name = "acknowledged_by")
    private Long acknowledgedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "message_topic", joinColumns = @JoinColumn(name = "message_id"))
    @Column(name = "topic_id")
    private Set<Long> topicIds = new LinkedHashSet<>();

    @Embedded
    private Handling handling = new Handling();

    @Version
    private long version;

    protected Message() {}

    public Message(Long authorId, Kind kind, String text, Long consultationId, boolean publicWanted, LocalDate receivedOn,
                   Instant at) {
        this.authorId = authorId;
        this.enteredBy = authorId;
        this.kind = kind;
        this.text = text;
        this.consultationId = consultationId;
        this.publicWanted = publicWanted;
        this.receivedOn = receivedOn;
        this.createdAt = at;
    }

    /** The reply the author reads at once: staff's own words or the standard text (recorded as such). */
    public void acknowledge(Long staff, String text, boolean templated) {
        this.acknowledgement = text;
        this.acknowledgementTemplated = templated;
        this.acknowledgedBy = staff;
    }

    public void tag(Set<Long> topics) {
        this.topicIds.clear();
        this.topicIds.addAll(topics);
    }

    @Override
    public Long getId() { return id; }
    @Override
    public Long getAuthorId() { return authorId; }
    @Override
    public Long getEnteredBy() { return enteredBy; }
    public Kind getKind() { return kind; }
    @Override
    public String getText() { return text; }
    public Long getConsultationId() { return consultationId; }
    public boolean isPublicWanted() { return publicWanted; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public String getAcknowledgement() { return acknowledgement; }
    public boolean isAcknowledgementTemplated() { return acknowledgementTemplated; }
    public Long getAcknowledgedBy() { return acknowledgedBy; }
    @Override
    public Instant getCreatedAt() { return createdAt; }
    public Set<Long> getTopicIds() { return topicIds; }
    @Override
    public Handling handling() { return handling; }
    public long getVersion() { return version; }
}
