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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A nomination to the representative pool (代表库): a citizen nominating themselves, or a residents' committee (居委)
 * nominating a resident; with what the nominee declares (adult, lives or works here), reviewed by an organiser.
 */
@Entity
@Table(name = "nomination")
public class Nomination {

    public enum Kind { SELF, COMMITTEE }

    public enum Status { PENDING, APPROVED, REJECTED }

    @Id
    @SequenceGenerator(name = "nomination_seq", sequenceName = "nomination_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "nomination_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Kind kind;

    @Column(name = "nominee_id", nullable = false)
    private Long nomineeId;

    @Column(name = "nominated_by", nullable = false)
    private Long nominatedBy;

    @Column(length = 60)
    private String committee;

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

    @Column(nullable = false, length = 1000)
    private String statement;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private Status status;

    @Column(name = "decision_reason", length = 500)
    private String decisionReason;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Nomination() {}

    public Nomination(Kind kind, Long nomineeId, Long nominatedBy, String committee, Set<Category> categories, String interests,
                      String organisation, Residency residency, String statement, Instant now) {
        this.kind = kind;
        this.nomineeId = nomineeId;
        this.nominatedBy = nominatedBy;
        this.committee = committee;
        this.categories = categories.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
        this.interests = interests;
        this.organisation = organisation;
        this.adultDeclared = true;
        this.residency = residency;
        this.statement = statement;
        this.status = Status.PENDING;
        this.createdAt = now;
    }

    public void decide(boolean approved, Long organiser, String reason, Instant now) {
        this.status = approved ? Status.APPROVED : Status.REJECTED;
        this.decidedBy = organiser;
        this.decisionReason = reason;
        this.decidedAt = now;
    }

    public Set<Category> categories() {
        Set<Category> set = EnumSet.noneOf(Category.class);
        Arrays.stream(categories.split(",")).filter(s -> !s.isBlank()).map(Category::valueOf).forEach(set::add);
        return set;
    }

    public Long getId() { return id; }
    public Kind getKind() { return kind; }
    public Long getNomineeId() { return nomineeId; }
    public Long getNominatedBy() { return nominatedBy; }
    public String getCommittee() { return committee; }
    public String getInterests() { return interests; }
    public String getOrganisation() { return organisation; }
    public boolean isAdultDeclared() { return adultDeclared; }
    public Residency getResidency() { return residency; }
    public String getStatement() { return statement; }
    public Status getStatus() { return status; }
    public String getDecisionReason() { return decisionReason; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getCreatedAt() { return createdAt; }
}
