package cn.pujin.open.selection.entity;

import cn.pujin.open.registration.entity.Category;
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
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A member of the representative pool (代表库): an adult who lives or works in the sub-district (both
 * declared), with the categories they can represent and their interests, reviewed yearly.
 */
@Entity
@Table(name = "representative")
public class Representative {

    @Id
    @SequenceGenerator(name = "representative_seq", sequenceName = "representative_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "representative_seq")
    private Long id;

    @Column(name = "account_id", nullable = false, unique = true)
    private Long accountId;

    /** Comma-separated category names. */
    @Column(nullable = false, length = 120)
    private String categories;

    @Column(length = 500)
    private String interests;

    @Column(length = 120)
    private String organisation;

    @Column(name = "adult_declared", nullable = false)
    private boolean adultDeclared;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Residency residency;

    @Column(name = "review_due_on", nullable = false)
    private LocalDate reviewDueOn;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the member last re-confirmed their eligibility themselves. */
    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    /** The review date the reminders sent so far were for, and how many (one 30 days before, one 7 days before). */
    @Column(name = "reminded_for")
    private LocalDate remindedFor;

    @Column(nullable = false)
    private int reminders;

    @Version
    private long version;

    protected Representative() {}

    public Representative(Long accountId, Instant now) {
        this.accountId = accountId;
        this.createdAt = now;
        this.active = true;
    }

    public void update(Set<Category> categories, String interests, String organisation, boolean adultDeclared,
                       Residency residency, LocalDate reviewDueOn, boolean active) {
        this.categories = categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.interests = interests;
        this.organisation = organisation;
        this.adultDeclared = adultDeclared;
        this.residency = residency;
        this.reviewDueOn = reviewDueOn;
        this.active = active;
    }

    public Set<Category> categories() {
        Set<Category> set = EnumSet.noneOf(Category.class);
        Arrays.stream(categories.split(",")).filter(s -> !s.isBlank()).map(Category::valueOf).forEach(set::add);
        return set;
    }

    /**
     * The member re-confirms, a year at a time: adult, and living or working in the sub-district (declared). The next
     * review is a year from today; reminders start again for it.
     */
    public void confirm(Residency residency, LocalDate today, Instant now) {
        this.adultDeclared = true;
        this.residency = residency;
        this.reviewDueOn = today.plusYears(1);
        this.confirmedAt = now;
        this.active = true;
    }

    /** Eligible to be invited: active, declared adult and local, and not past the yearly review. */
    public boolean isEligible(LocalDate today) {
        return active && adultDeclared && residency != null && !today.isAfter(reviewDueOn);
    }

    /** The category an accepted invitation applies in: the first the member represents. */
    public Category primaryCategory() {
        return categories().stream().findFirst().orElse(Category.RESIDENT);
    }

    public Long getId() { return id; }
    public Long getAccountId() { return accountId; }
    public String getInterests() { return interests; }
    public String getOrganisation() { return organisation; }
    public boolean isAdultDeclared() { return adultDeclared; }
    public Residency getResidency() { return residency; }
    public LocalDate getReviewDueOn() { return reviewDueOn; }
    public boolean isActive() { return active; }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public LocalDate getRemindedFor() { return remindedFor; }
    public int getReminders() { return reminders; }
}
