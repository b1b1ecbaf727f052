package cn.pujin.open.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * Per meeting: seats for representatives, minimums per category (JSON), stakeholders first, alternates, balance lines,
 * and where the seed will come from (a commitment or a public source); fixed once applications open.
 */
@Entity
@Table(name = "selection_rule")
public class SelectionRule {

    @Id
    @Column(name = "event_id")
    private Long eventId;

    @Column(nullable = false)
    private int seats;

    @Column(nullable = false, length = 500)
    private String minimums;

    @Column(name = "stakeholders_first", nullable = false)
    private boolean stakeholdersFirst;

    @Column(nullable = false)
    private int alternates;

    /** SHA-256 (hex) of the secret seed, published when applications open and checked at the draw. */
    @Column(name = "seed_commitment", length = 64)
    private String seedCommitment;

    /** Or the public value to come, in words (e.g. the welfare lottery draw of a named date) and a link. */
    @Column(name = "seed_source", length = 200)
    private String seedSource;

    @Column(name = "seed_source_url", length = 500)
    private String seedSourceUrl;

    /** Balance lines (JSON list of {attribute, value, min, max}). */
    @Column(nullable = false, length = 2000)
    private String balance = "[]";

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private Long updatedBy;

    @Version
    private long version;

    protected SelectionRule() {}

    public SelectionRule(Long eventId) {
        this.eventId = eventId;
    }

    public void set(int seats, String minimumsJson, boolean stakeholdersFirst, int alternates, Long by, Instant now) {
        this.seats = seats;
        this.minimums = minimumsJson;
        this.stakeholdersFirst = stakeholdersFirst;
        this.alternates = alternates;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public void seedFrom(String commitment, String source, String sourceUrl) {
        this.seedCommitment = commitment;
        this.seedSource = source;
        this.seedSourceUrl = sourceUrl;
    }

    public void balance(String json) {
        this.balance = json;
    }

    public String getSeedCommitment() { return seedCommitment; }
    public String getSeedSource() { return seedSource; }
    public String getSeedSourceUrl() { return seedSourceUrl; }
    public String getBalance() { return balance; }
    public Long getEventId() { return eventId; }
    public int getSeats() { return seats; }
    public String getMinimums() { return minimums; }
    public boolean isStakeholdersFirst() { return stakeholdersFirst; }
    public int getAlternates() { return alternates; }
}
