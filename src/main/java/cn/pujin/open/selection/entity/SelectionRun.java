package cn.pujin.open.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One run of the selection rule before publication, kept and listed in the 公示 with its time and reason. */
@Entity
@Table(name = "selection_run")
public class SelectionRun {

    @Id
    @SequenceGenerator(name = "selection_run_seq", sequenceName = "selection_run_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "selection_run_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "ran_at", nullable = false)
    private Instant ranAt;

    @Column(nullable = false, length = 64)
    private String seed;

    @Column(name = "input_hash", nullable = false, length = 64)
    private String inputHash;

    @Column(length = 500)
    private String reason;

    @Column(name = "ran_by", nullable = false)
    private Long ranBy;

    protected SelectionRun() {}

    public SelectionRun(Long eventId, Instant ranAt, String seed, String inputHash, String reason, Long ranBy) {
        this.eventId = eventId;
        this.ranAt = ranAt;
        this.seed = seed;
        this.inputHash = inputHash;
        this.reason = reason;
        this.ranBy = ranBy;
    }

    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    public Instant getRanAt() { return ranAt; }
    public String getSeed() { return seed; }
    public String getInputHash() { return inputHash; }
    public String getReason() { return reason; }
    public Long getRanBy() { return ranBy; }
}
