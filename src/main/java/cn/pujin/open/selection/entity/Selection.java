package cn.pujin.open.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The latest rule run of a meeting: its seed, the rule and the hash of its input, and the outcome (ids in
 * order). Published (公示) once; after that only the same seed may be asked for again.
 */
@Entity
@Table(name = "selection")
public class Selection {

    @Id
    @Column(name = "event_id")
    private Long eventId;

    @Column(nullable = false, length = 64)
    private String seed;

    @Column(name = "input_hash", nullable = false, length = 64)
    private String inputHash;

    @Column(name = "rule_json", nullable = false, length = 1000)
    private String ruleJson;

    @Column(name = "result_json", nullable = false, length = 200000)
    private String resultJson;

    @Column(nullable = false)
    private boolean published;

    @Column(name = "run_at", nullable = false)
    private Instant runAt;

    @Column(name = "run_by", nullable = false)
    private Long runBy;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private Long publishedBy;

    /** The end of the 公示 period: objections are taken until then. */
    @Column(name = "objections_close_at")
    private Instant objectionsCloseAt;

    /** How many times a sustained objection has changed the published result. */
    @Column(nullable = false)
    private int revision;

    @Column(name = "republished_at")
    private Instant republishedAt;

    @Version
    private long version;

    protected Selection() {}

    public Selection(Long eventId) {
        this.eventId = eventId;
    }

    public void ran(String seed, String inputHash, String ruleJson, String resultJson, Long by, Instant now) {
        this.seed = seed;
        this.inputHash = inputHash;
        this.ruleJson = ruleJson;
        this.resultJson = resultJson;
        this.runBy = by;
        this.runAt = now;
    }

    public void publish(Long by, Instant now, Instant objectionsCloseAt) {
        this.published = true;
        this.publishedBy = by;
        this.publishedAt = now;
        this.objectionsCloseAt = objectionsCloseAt;
    }

    public void revised(Instant now) {
        this.revision++;
        this.republishedAt = now;
    }

    public Long getEventId() { return eventId; }
    public String getSeed() { return seed; }
    public String getInputHash() { return inputHash; }
    public String getRuleJson() { return ruleJson; }
    public String getResultJson() { return resultJson; }
    public boolean isPublished() { return published; }
    public Instant getRunAt() { return runAt; }
    public Long getRunBy() { return runBy; }
    public Instant getPublishedAt() { return publishedAt; }
    public Instant getObjectionsCloseAt() { return objectionsCloseAt; }

    /** The last day objections are taken (the period closes as it ends), in {@code zone}; null before publication. */
    public LocalDate objectionsLastDay(ZoneId zone) {
        return objectionsCloseAt == null ? null : objectionsCloseAt.atZone(zone).toLocalDate().minusDays(1);
    }
    public int getRevision() { return revision; }
    public Instant getRepublishedAt() { return republishedAt; }
}
