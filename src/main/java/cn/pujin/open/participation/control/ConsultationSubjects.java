package cn.pujin.open.participation.control;

import cn.pujin.open.platform.control.AuditSubjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Map;
import java.util.Set;

/** Consultations, their comments and topics in the audit log, by their titles (a comment by its consultation). */
public final class ConsultationSubjects {

    private ConsultationSubjects() {}

    @ApplicationScoped
    public static class Drafts implements AuditSubjects {

        @PersistenceContext
        EntityManager em;

        @Override
        public String entityType() {
            return "consultation";
        }

        @Override
        public Map<Long, String> names(Set<Long> ids) {
            return AuditSubjects.query(em, "select c.id, c.title from Consultation c where c.id in :ids", ids);
        }
    }

    @ApplicationScoped
    public static class Comments implements AuditSubjects {

        @PersistenceContext
        EntityManager em;

        @Override
        public String entityType() {
            return "comment";
        }

        @Override
        public Map<Long, String> names(Set<Long> ids) {
            return AuditSubjects.query(em, """
                    select x.id, c.title from ConsultationComment x, Consultation c
                    where x.consultationId = c.id and x.id in :ids""", ids);
        }
    }

    @ApplicationScoped
    public static class Topics implements AuditSubjects {

        @PersistenceContext
        EntityManager em;

        @Override
        public String entityType() {
            return "topic";
        }

        @Override
        public Map<Long, String> names(Set<Long> ids) {
            return AuditSubjects.query(em, "select t.id, t.name from Topic t where t.id in :ids", ids);
        }
    }
}
