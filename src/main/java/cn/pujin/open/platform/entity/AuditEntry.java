package cn.pujin.open.platform.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Who changed what, when, from which state to which, and why. Written in the same transaction. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @SequenceGenerator(name = "audit_entry_seq", sequenceName = "audit_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_entry_seq")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant at;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(name = "entity_type", nullable = false, length = 40)
    private String entityType;

    @Column(name = "entity_id")
    private Long entityId;

    @Column(nullable = false, length = 40)
    private String action;

    @Column(name = "from_state", length = 40)
    private String fromState;

    @Column(name = "to_state", length = 40)
    private String toState;

    @Column(length = 2000)
    private String reason;

    /** The fields an edit changed, comma-separated names; none for other actions. */
    @Column(length = 400)
    private String changed;

    protected AuditEntry() {}

    public AuditEntry(Instant at, Long actorId, String entityType, Long entityId, String action,
                      String fromState, String toState, String reason) {
        this.at = at;
        this.actorId = actorId;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = cut(action, 40);
        this.fromState = cut(fromState, 40);
        this.toState = cut(toState, 40);
        this.reason = cut(reason, 2000);
    }

    /** An edit that names the fields it changed. */
    public AuditEntry changed(Collection<String> fields) {
        String names = fields == null || fields.isEmpty() ? null : String.join(",", fields);
        this.changed = names == null || names.length() <= 400 ? names : names.substring(0, names.lastIndexOf(',', 400));
        return this;
    }

    /** The audit never fails the change it records: texts longer than their column are cut, marked with "…". */
    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public Long getActorId() { return actorId; }
    public String getEntityType() { return entityType; }
    public Long getEntityId() { return entityId; }
    public String getAction() { return action; }
    public String getFromState() { return fromState; }
    public String getToState() { return toState; }
    public String getReason() { return reason; }
    public List<String> getChanged() { return changed == null ? List.of() : List.of(changed.split(",")); }
}
