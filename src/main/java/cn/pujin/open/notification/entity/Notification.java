package cn.pujin.open.notification.entity;

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
import java.time.Duration;
import java.time.Instant;

/**
 * A notice to a person, shown on "my page", and its e-mail: the row is the outbox entry. It is written in
 * the transaction of the change it reports, so a notice exists exactly when the change does, and a crash
 * before sending only delays the mail.
 */
@Entity
@Table(name = "notification")
public class Notification {

    public enum EmailState { NONE, PENDING, SENT, FAILED }

    public static final int MAX_ATTEMPTS = 8;

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "registration_id")
    private Long registrationId;

    @Column(name = "event_id")
    private Long eventId;

    @Column(nullable = false, length = 40)
    private String kind;

    @Column(nullable = false, length = 200)
    private String subject;

    @Column(name = "body_text", nullable = false, length = 4000)
    private String bodyText;

    @Column(name = "body_html", nullable = false, length = 8000)
    private String bodyHtml;

    @Column(length = 20000)
    private String ics;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "email_state", nullable = false, length = 20)
    private EmailState emailState;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Version
    private long version;

    protected Notification() {}

    public Notification(Long accountId, Long eventId, String kind, String subject, String bodyText, String bodyHtml,
                        String ics, boolean mail, Instant now) {
        this.accountId = accountId;
        this.eventId = eventId;
        this.kind = kind;
        this.subject = subject;
        this.bodyText = bodyText;
        this.bodyHtml = bodyHtml;
        this.ics = ics;
        this.createdAt = now;
        this.emailState = mail ? EmailState.PENDING : EmailState.NONE;
        this.nextAttemptAt = mail ? now : null;
    }

    /** The registration this notice is about (its pass goes with the mail). */
    public Notification about(Long registrationId) {
        this.registrationId = registrationId;
        return this;
    }

    public Long getRegistrationId() { return registrationId; }

    public void sent(Instant now) {
        emailState = EmailState.SENT;
        sentAt = now;
        claimedUntil = null;
        attempts++;
        lastError = null;
    }

    /** Retries back off: 1, 2, 4 … minutes, then gives up after {@link #MAX_ATTEMPTS}. */
    public void failed(String error, Instant now) {
        attempts++;
        claimedUntil = null;
        lastError = error == null ? null : error.substring(0, Math.min(500, error.length()));
        if (attempts >= MAX_ATTEMPTS) {
            emailState = EmailState.FAILED;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = now.plus(Duration.ofMinutes(1L << (attempts - 1)));
        }
    }

    public void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public Long getEventId() { return eventId; }
    public String getKind() { return kind; }
    public String getSubject() { return subject; }
    public String getBodyText() { return bodyText; }
    public String getBodyHtml() { return bodyHtml; }
    public String getIcs() { return ics; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getReadAt() { return readAt; }
    public EmailState getEmailState() { return emailState; }
    public int getAttempts() { return attempts; }
    public Instant getSentAt() { return sentAt; }
    public String getLastError() { return lastError; }
}
