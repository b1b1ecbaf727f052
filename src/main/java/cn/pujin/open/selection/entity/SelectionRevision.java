package cn.pujin.open.selection.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A change to a published result after a sustained objection: who was removed, which alternate moved up, and the
 * published answer that sustained it. The 公示 lists every revision; nothing changes silently.
 */
@Entity
@Table(name = "selection_revision")
public class SelectionRevision {

    @Id
    @SequenceGenerator(name = "selection_revision_seq", sequenceName = "selection_revision_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "selection_revision_seq")
    private Long id;

    @Column(name = "event_id", nullable = false)
    private Long eventId;

    @Column(name = "made_at", nullable = false)
    private Instant madeAt;

    @Column(name = "objection_id", nullable = false)
    private Long objectionId;

    @Column(name = "removed_id", nullable = false)
    private Long removedId;

    @Column(name = "promoted_id")
    private Long promotedId;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(name = "made_by", nullable = false)
    private Long madeBy;

    protected SelectionRevision() {}

    public SelectionRevision(Long eventId, Instant madeAt, Long objectionId, Long removedId, Long promotedId, String reason,
                             Long madeBy) {
        this.eventId = eventId;
        this.madeAt = madeAt;
        this.objectionId = objectionId;
        this.removedId = removedId;
        this.promotedId = promotedId;
        this.reason = reason;
        this.madeBy = madeBy;
    }

    public Long getId() { return id; }
    public Long getEventId() { return eventId; }
    public Instant getMadeAt() { return madeAt; }
    public Long getObjectionId() { return objectionId; }
    public Long getRemovedId() { return removedId; }
    public Long getPromotedId() { return promotedId; }
    public String getReason() { return reason; }
    public Long getMadeBy() { return madeBy; }
}
