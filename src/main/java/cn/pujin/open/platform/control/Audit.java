package cn.pujin.open.platform.control;

import cn.pujin.open.platform.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Every state change of anything reviewable or personal leaves an audit entry in its own transaction. */
@ApplicationScoped
public class Audit {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Long actorId, String entityType, Long entityId, String action,
                       Object fromState, Object toState, String reason) {
        em.persist(new AuditEntry(clock.instant(), actorId, entityType, entityId, action,
                fromState == null ? null : fromState.toString(), toState == null ? null : toState.toString(), reason));
    }

    /** An edit: which fields it changed (by their names, shown by their labels) as well as the state. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEdit(Long actorId, String entityType, Long entityId, String action,
                           Object fromState, Object toState, Collection<String> changed) {
        em.persist(new AuditEntry(clock.instant(), actorId, entityType, entityId, action,
                fromState == null ? null : fromState.toString(), toState == null ? null : toState.toString(), null)
                .changed(changed));
    }

    /** Exporting the audit log is itself audited (who took a copy, with which filters). */
    @Transactional
    public void recordExport(Long admin, String filters) {
        record(admin, "audit", null, "audit.export", null, null, filters.length() > 1900 ? filters.substring(0, 1900) : filters);
    }

    public List<AuditEntry> of(String entityType, Long entityId) {
        return em.createQuery("select a from AuditEntry a where a.entityType = :t and a.entityId = :id order by a.at, a.id",
                        AuditEntry.class)
                .setParameter("t", entityType).setParameter("id", entityId).getResultList();
    }

    /** Filters of the audit log browser; every one optional. */
    public record Filter(String entityType, Long entityId, Long actorId, String action, Instant from,
                         Instant to) {}

    /** Newest first. */
    public Page<AuditEntry> search(Filter f, Paging paging) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (f.entityType() != null) {
            where.append(" and a.entityType = :type");
            params.put("type", f.entityType());
        }
        if (f.entityId() != null) {
            where.append(" and a.entityId = :id");
            params.put("id", f.entityId());
        }
        if (f.actorId() != null) {
            where.append(" and a.actorId = :actor");
            params.put("actor", f.actorId());
        }
        if (f.action() != null) {
            where.append(" and a.action like :action");
            params.put("action", f.action().replace("%", "").replace("_", "\\_") + "%");
        }
        if (f.from() != null) {
            where.append(" and a.at >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            where.append(" and a.at < :to");
            params.put("to", f.to());
        }
        var items = em.createQuery("select a from AuditEntry a" + where + " order by a.at desc, a.id desc", AuditEntry.class);
        var count = em.createQuery("select count(a) from AuditEntry a" + where, Long.class);
        params.forEach((k, v) -> {
            items.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(items.setFirstResult(paging.first()).setMaxResults(paging.size()).getResultList(), count.getSingleResult());
    }

    /** The actions recorded so far, for the log browser's choice. */
    public List<String> actions() {
        return em.createQuery("select distinct a.action from AuditEntry a order by a.action", String.class).getResultList();
    }

    public List<String> entityTypes() {
        return em.createQuery("select distinct a.entityType from AuditEntry a order by a.entityType", String.class).getResultList();
    }
}
