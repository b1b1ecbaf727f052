package cn.pujin.open.pass.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * The entry pass (入场凭证) of a confirmed registration: a signed token with an issue serial. Cancelling,
 * rejecting or re-issuing revokes it; a re-issued pass has the next serial and a new token.
 */
@Entity
@Table(name = "pass")
public class Pass {

    @Id
    @SequenceGenerator(name = "pass_seq", sequenceName = "pass_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pass_seq")
    private Long id;

    @Column(name = "registration_id", nullable = false)
    private Long registrationId;

    @Column(name = "active_registration_id")
    private Long activeRegistrationId;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(nullable = false)
    private int serial;

    @Column(name = "key_id", nullable = false)
    private Integer keyId;

    @Column(nullable = false, length = 200)
    private String token;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason", length = 40)
    private String revokedReason;

    protected Pass() {}

    public Pass(Long registrationId, Long eventId, int serial, Integer keyId, Instant now) {
        this.registrationId = registrationId;
        this.activeRegistrationId = registrationId;
        this.eventId = eventId;
        this.serial = serial;
        this.keyId = keyId;
        this.issuedAt = now;
        this.token = "";
    }

    /** Set once the id is known (the id is part of what is signed). */
    public void signed(String token) {
        this.token = token;
    }

    public void revoke(String reason, Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
            revokedReason = reason;
            activeRegistrationId = null;
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public Long getId() { return id; }
    public Long getRegistrationId() { return registrationId; }
    public Long getEventId() { return eventId; }
    public int getSerial() { return serial; }
    public Integer getKeyId() { return keyId; }
    public String getToken() { return token; }
    public Instant getIssuedAt() { return issuedAt; }
    public Instant getRevokedAt() { return revokedAt; }
    public String getRevokedReason() { return revokedReason; }
}
