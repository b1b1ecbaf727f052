package cn.pujin.open.account.entity;

import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.entity.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;

/**
 * A person who signs in: a citizen (phone + password) or staff (user name + password, phone optional).
 * The phone number is stored encrypted with a keyed hash beside it for look-up; see PersonalData.
 */
@Entity
@Table(name = "account")
public class Account {

    @Id
    @SequenceGenerator(name = "account_seq", sequenceName = "account_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "account_seq")
    private Long id;

    @Column(unique = true, length = 40)
    private String username;

    @Column(name = "phone_cipher", length = 200)
    private String phoneCipher;

    @Column(name = "phone_hash", unique = true, length = 64)
    private String phoneHash;

    @Column(name = "phone_masked", length = 20)
    private String phoneMasked;

    @Column(name = "email_cipher", length = 400)
    private String emailCipher;

    @Column(name = "calendar_token_cipher", length = 200)
    private String calendarTokenCipher;

    @Column(name = "calendar_token_hash", length = 64)
    private String calendarTokenHash;

    @Column(name = "display_name", nullable = false, length = 40)
    private String displayName;

    @Column(name = "password_hash", nullable = false, length = 300)
    private String passwordHash;

    @Column(name = "consent_at")
    private Instant consentAt;

    @Column(name = "consent_version", length = 20)
    private String consentVersion;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 20)
    private Set<Role> roles = new HashSet<>();

    @Column(name = "department_id")
    private Long departmentId;

    /** The staff member who recorded this person without an account (代为报名); null once they signed up themselves. */
    @Column(name = "recorded_by")
    private Long recordedBy;

    /** When the owner proved the phone number with a code; null for accounts from before codes (and staff-recorded ones). */
    @Column(name = "phone_verified_at")
    private Instant phoneVerifiedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Written only by {@code Accounts}' conditional updates (failed sign-ins, unlock), never through the entity. */
    @Column(name = "locked_until", insertable = false, updatable = false)
    private Instant lockedUntil;

    /** Raised (by a conditional update) when the account's sessions must end: deletion, a lock, a new password. */
    @Column(name = "session_epoch", insertable = false, updatable = false)
    private int sessionEpoch;

    @Version
    private long version;

    protected Account() {}

    public Account(String username, String displayName, String passwordHash, Instant createdAt) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.createdAt = createdAt;
        this.roles.add(Role.CITIZEN);
    }

    public void phone(String cipher, String hash, String masked) {
        this.phoneCipher = cipher;
        this.phoneHash = hash;
        this.phoneMasked = masked;
    }

    public void phoneVerified(Instant at) {
        this.phoneVerifiedAt = at;
    }

    public Instant getPhoneVerifiedAt() { return phoneVerifiedAt; }

    /** The number goes to the verified owner who signed up with it: this unverified holder keeps no way to sign in by it. */
    public void releasePhone() {
        this.phoneCipher = null;
        this.phoneHash = null;
    }

    public void consent(Instant at, String noticeVersion) {
        this.consentAt = at;
        this.consentVersion = noticeVersion;
    }

    public void roles(Set<Role> granted) {
        roles.clear();
        roles.addAll(granted);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public Set<Role> roles() {
        return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    }

    public void department(Long departmentId) { this.departmentId = departmentId; }

    public void email(String cipher) { this.emailCipher = cipher; }

    /** No password opens it until the person signs up with this phone and takes it over. */
    public static final String NO_PASSWORD = "!recorded";

    public void recordedBy(Long staffId) { this.recordedBy = staffId; }

    /** The person signs up with the phone staff recorded: the account is theirs from now on. */
    public void takeOver(String displayName, String passwordHash) {
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.recordedBy = null;
    }

    public boolean isRecordedByStaff() { return recordedBy != null; }
    public Long getRecordedBy() { return recordedBy; }

    public void calendarToken(String cipher, String hash) {
        this.calendarTokenCipher = cipher;
        this.calendarTokenHash = hash;
    }

    public String getEmailCipher() { return emailCipher; }
    public String getCalendarTokenCipher() { return calendarTokenCipher; }

    /**
     * PIPL deletion: every personal field goes, the row stays (statistics, published suggestions by "已注销用户").
     * The password hash becomes a value no password verifies against.
     */
    public void anonymise(Instant at) {
        username = null;
        phoneCipher = null;
        phoneHash = null;
        phoneMasked = null;
        emailCipher = null;
        calendarTokenCipher = null;
        calendarTokenHash = null;
        displayName = Masking.DELETED;
        passwordHash = "!deleted";
        roles.clear();
        departmentId = null;
        deletedAt = at;
    }

    public boolean isDeleted() { return deletedAt != null; }
    public int getSessionEpoch() { return sessionEpoch; }
    public Instant getLockedUntil() { return lockedUntil; }
    public Instant getDeletedAt() { return deletedAt; }
    public Long getId() { return id; }
    public String getUsername() { return username; }
    public String getPhoneCipher() { return phoneCipher; }
    public String getPhoneMasked() { return phoneMasked; }
    public String getDisplayName() { return displayName; }
    public String getPasswordHash() { return passwordHash; }

    public void password(String hash) {
        this.passwordHash = hash;
    }
    public Instant getConsentAt() { return consentAt; }
    public String getConsentVersion() { return consentVersion; }
    public Long getDepartmentId() { return departmentId; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
}
