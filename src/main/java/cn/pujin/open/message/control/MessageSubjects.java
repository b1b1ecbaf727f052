package cn.pujin.open.message.control;

import cn.pujin.open.platform.control.AuditSubjects;
import cn.pujin.open.participation.control.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Messages, FAQ entries and investigations in the audit log (a message by its number); the board's topic counts. */
public final class MessageSubjects {

    private MessageSubjects() {}

    @ApplicationScoped
    public static class Messages implements AuditSubjects {

        @Override
        public String entityType() {
            return "message";
        }

        @Override
        public Map<Long, String> names(Set<Long> ids) {
            Map<Long, String> names = new HashMap<>();
            ids.forEach(id -> names.put(id, MessageSource.number(id)));
            return names;
        }
    }

    @ApplicationScoped
    public static class Faqs implements AuditSubjects {

        @PersistenceContext
        EntityManager em;

        @Override
        public String entityType() {
            return "faq";
        }

        @Override
        public Map<Long, String> names(Set<Long> ids) {
            return AuditSubjects.query(em, "select f.id, f.question from Faq f where f.id in :ids", ids);
        }
    }

    @ApplicationScoped
    public static class Investigations implements AuditSubjects {

        @PersistenceContext
        EntityManager em;

        @Override
        public String entityType() {
            return "investigation";
        }

        @Override
        public Map<Long, String> names(Set<Long> ids) {
            return AuditSubjects.query(em, "select i.id, i.title from Investigation i where i.id in :ids", ids);
        }
    }

    /** Published public messages per topic, for the topic list. */
    @ApplicationScoped
    public static class TopicMessages implements Topics.TopicCounter {

        @PersistenceContext
        EntityManager em;

        @Override
        public Map<Long, Long> counts() {
            Map<Long, Long> counts = new HashMap<>();
            em.createQuery("select t, count(m) from Message m join m.topicIds t where m.publicWanted = true "
                            + "and m.handling.status = :p group by t", Object[].class)
                    .setParameter("p", cn.pujin.open.input.entity.InputStatus.PUBLISHED).getResultList()
                    .forEach(r -> counts.put((Long) r[0], (Long) r[1]));
            return counts;
        }
    }
}
