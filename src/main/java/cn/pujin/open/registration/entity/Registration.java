package cn.pujin.open.registration.entity;

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

/**
 * A person's place at an event (报名), or for a decision meeting their application to attend (列席申请).
 * Seats are counted on the event row under a lock; this entity only knows its own life cycle.
 */
@Entity
@Table(name = "registration")
public class Registration {

    @Id
    @SequenceGenerator(name = "registration_seq", sequenceName = "registration_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "registration_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "account_id", nullable = false)
    private Long accountId;

    @Column(name = "active_account_id")
    private Long activeAccountId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RegistrationStatus status;

    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    private Category category;

    @Column(length = 120)
    private String organisation;

    @Column(length = 1000)
    private String statement;

    /** Declared by an applicant for balance rules: the residents' committee (居委), public in the 公示 input list. */
    @Column(length = 40)
    private String community;

    /** Declared by an applicant for balance rules; shown in aggregate only. */
    @Column(name = "age_band", length = 10)
    private String ageBand;

    @Column(length = 10)
    private String gender;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Source source;

    @Column(name = "waitlisted_at")
    private Instant waitlistedAt;

    @Column(name = "alternate_rank")
    private Integer alternateRank;

    @Column(name = "consent_version", length = 20)
    private String consentVersion;

    @Column(name = "decision_reason", length = 500)
    private String decisionReason;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** When the reminder the day before went out (claimed by a conditional UPDATE). */
    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Version
    private long version;

    protected Registration() {}

    private Registration(Long eventId, Long accountId, RegistrationStatus status, Source source, Instant now) {
        this.eventId = eventId;
        this.accountId = accountId;
        this.activeAccountId = accountId;
        this.status = status;
        this.source = source;
        this.createdAt = now;
        this.updatedAt = now;
        if (status == RegistrationStatus.WAITLISTED) {
            this.waitlistedAt = now;
        }
    }

    /** An open-day place: CONFIRMED when a seat was taken, WAITLISTED otherwise. */
    public static Registration place(Long eventId, Long accountId, boolean seatTaken, Instant now) {
        Registration r = new Registration(eventId, accountId,
                seatTaken ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED, Source.SELF, now);
        r.category = Category.RESIDENT;
        return r;
    }

    /** Someone recorded at the door by staff: confirmed at once, as a resident. */
    public static Registration walkIn(Long eventId, Long accountId, Instant now) {
        Registration r = new Registration(eventId, accountId, RegistrationStatus.CONFIRMED, Source.WALK_IN, now);
        r.category = Category.RESIDENT;
        return r;
    }

    /** Registered by staff for someone (代为报名 ahead of time, 现场登记 at the door): confirmed at once. */
    public static Registration onBehalf(Long eventId, Long accountId, Category category, Source source, Instant now) {
        Registration r = new Registration(eventId, accountId, RegistrationStatus.CONFIRMED, source, now);
        r.category = category;
        return r;
    }

    /** A decision-meeting application, PENDING until an organiser moderates it. */
    public static Registration application(Long eventId, Long accountId, Category category, String organisation,
                                           String statement, Source source, Instant now) {
        Registration r = new Registration(eventId, accountId, RegistrationStatus.PENDING, source, now);
        r.category = category;
        r.organisation = organisation;
        r.statement = statement;
        return r;
    }

    public void approve(Long organiser, Instant now) {
        require(RegistrationStatus.PENDING, "approve");
        status = RegistrationStatus.APPROVED;
        decidedBy = organiser;
        decisionReason = null;
        updatedAt = now;
    }

    public void reject(Long organiser, String reason, Instant now) {
        if (status != RegistrationStatus.PENDING && status != RegistrationStatus.APPROVED) {
            throw Problem.conflict(ProblemCode.INVALID_TRANSITION, "registration.transition.invalid", "reject", status);
        }
        status = RegistrationStatus.REJECTED;
        activeAccountId = null;
        decidedBy = organiser;
        decisionReason = reason;
        updatedAt = now;
    }

    /** Cancelling frees the person's slot for another registration later; returns whether a seat was held. */
    public boolean cancel(String reason, Instant now) {
        boolean heldSeat = status == RegistrationStatus.CONFIRMED;
        status = RegistrationStatus.CANCELLED;
        activeAccountId = null;
        alternateRank = null;
        decisionReason = reason;
        updatedAt = now;
        return heldSeat;
    }

    /** A provisional place that got its seat at once (it never queued). */
    public void confirm(Instant now) {
        status = RegistrationStatus.CONFIRMED;
        waitlistedAt = null;
        updatedAt = now;
    }

    /** From the waitlist (or alternates) to a seat. */
    public void promote(Instant now) {
        status = RegistrationStatus.CONFIRMED;
        alternateRank = null;
        updatedAt = now;
    }

    /** The outcome of a published selection: selected, alternate with a rank, or back in the approved pool. */
    public void selected(Instant now) {
        status = RegistrationStatus.CONFIRMED;
        alternateRank = null;
        updatedAt = now;
    }

    public void alternate(int rank, Instant now) {
        status = RegistrationStatus.WAITLISTED;
        alternateRank = rank;
        waitlistedAt = now;
        updatedAt = now;
    }

    public void rerank(int rank) {
        alternateRank = rank;
    }

    private void require(RegistrationStatus expected, String action) {
        if (status != expected) {
            throw Problem.conflict(ProblemCode.INVALID_TRANSITION, "registration.transition.invalid", action, status);
        }
    }

    public boolean isActive() {
        return status.isActive();
    }

    /** The number people quote at the door and on the phone. */
    public String number() {
        return number(id);
    }

    public static String number(Long id) {
        return String.format("R%06d", id);
    }

    /** What the applicant declared for balance rules (each may be null). */
    public void declare(String community, String ageBand, String gender) {
        this.community = community;
        this.ageBand = ageBand;
        this.gender = gender;
    }

    public String getCommunity() { return community; }
    public String getAgeBand() { return ageBand; }
    public String getGender() { return gender; }
    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    /** The privacy-notice version the person agreed to on the registration form. */
    public void consent(String version) { this.consentVersion = version; }
    public String getConsentVersion() { return consentVersion; }
    public Long getAccountId() { return accountId; }
    public RegistrationStatus getStatus() { return status; }
    public Category getCategory() { return category; }
    public String getOrganisation() { return organisation; }
    public String getStatement() { return statement; }
    public Source getSource() { return source; }
    public Instant getWaitlistedAt() { return waitlistedAt; }
    public Integer getAlternateRank() { return alternateRank; }
    public String getDecisionReason() { return decisionReason; }
    public Long getDecidedBy() { return decidedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
