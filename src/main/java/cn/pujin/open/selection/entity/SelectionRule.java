package cn.pujin.open.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** Per meeting: seats for representatives, minimums per category (JSON), stakeholders first, alternates. */
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

    public Long getEventId() { return eventId; }
    public int getSeats() { return seats; }
    public String getMinimums() { return minimums; }
    public boolean isStakeholdersFirst() { return stakeholdersFirst; }
    public int getAlternates() { return alternates; }
}
