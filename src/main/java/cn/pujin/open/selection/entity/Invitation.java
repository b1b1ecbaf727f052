package cn.pujin.open.selection.entity;

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

/** An organiser's invitation of a pool member to a meeting; accepting it files an application. */
@Entity
@Table(name = "invitation")
public class Invitation {

    public enum Status { INVITED, ACCEPTED, DECLINED }

    @Id
    @SequenceGenerator(name = "invitation_seq", sequenceName = "invitation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "invitation_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "representative_id", nullable = false)
    private Long representativeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status = Status.INVITED;

    @Column(name = "invited_by", nullable = false)
    private Long invitedBy;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "answered_at")
    private Instant answeredAt;

    @Column(name = "registration_id")
    private Long registrationId;

    @Version
    private long version;

    protected Invitation() {}

    public Invitation(Long eventId, Long representativeId, Long invitedBy, Instant now) {
        this.eventId = eventId;
        this.representativeId = representativeId;
        this.invitedBy = invitedBy;
        this.invitedAt = now;
    }

    public void accept(Long registrationId, Instant now) {
        requireOpen();
        this.status = Status.ACCEPTED;
        this.registrationId = registrationId;
        this.answeredAt = now;
    }

    public void decline(Instant now) {
        requireOpen();
        this.status = Status.DECLINED;
        this.answeredAt = now;
    }

    private void requireOpen() {
        if (status != Status.INVITED) {
            throw Problem.conflict(ProblemCode.INVITATION_ANSWERED, "invitation.answered");
        }
    }

    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    public Long getRepresentativeId() { return representativeId; }
    public Status getStatus() { return status; }
    public Instant getInvitedAt() { return invitedAt; }
    public Instant getAnsweredAt() { return answeredAt; }
    public Long getRegistrationId() { return registrationId; }
}
