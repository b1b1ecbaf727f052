package cn.pujin.open.participation.control;

import cn.pujin.open.platform.control.AuditSubjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Set;

/** Catalogue items (决策事项) in the audit log, by their titles. */
@ApplicationScoped
public class MajorDecisionSubjects implements AuditSubjects {

    @PersistenceContext
    EntityManager em;

    @Override
    public String entityType() {
        return "majorDecision";
    }

    @Override
    public Map<Long, String> names(Set<Long> ids) {
        return AuditSubjects.query(em, "select m.id, m.title from MajorDecision m where m.id in :ids", ids);
    }
}
