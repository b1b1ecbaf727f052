package cn.pujin.open.platform.control;

import cn.pujin.open.platform.entity.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;

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

    public List<AuditEntry> of(String entityType, Long entityId) {
        return em.createQuery("select a from AuditEntry a where a.entityType = :t and a.entityId = :id order by a.at, a.id",
                        AuditEntry.class)
                .setParameter("t", entityType).setParameter("id", entityId).getResultList();
    }
}
