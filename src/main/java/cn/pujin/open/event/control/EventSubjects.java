package cn.pujin.open.event.control;

import cn.pujin.open.platform.control.AuditSubjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Set;

/** Events in the audit log, by their titles (the working copy's). */
@ApplicationScoped
public class EventSubjects implements AuditSubjects {

    @PersistenceContext
    EntityManager em;

    @Override
    public String entityType() {
        return "event";
    }

    @Override
    public Map<Long, String> names(Set<Long> ids) {
        return AuditSubjects.query(em, "select e.id, e.title from Event e where e.id in :ids", ids);
    }
}
