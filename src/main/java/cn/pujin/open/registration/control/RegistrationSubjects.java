package cn.pujin.open.registration.control;

import cn.pujin.open.event.control.EventSubjects;
import cn.pujin.open.platform.control.AuditSubjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Registrations in the audit log, by the title of their event (the person is the log's actor or in its note). */
@ApplicationScoped
public class RegistrationSubjects implements AuditSubjects {

    @PersistenceContext
    EntityManager em;

    @Inject
    EventSubjects events;

    @Override
    public String entityType() {
        return "registration";
    }

    @Override
    public Map<Long, String> names(Set<Long> ids) {
        Map<Long, Long> eventOf = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("select r.id, r.eventId from Registration r where r.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList().forEach(row -> eventOf.put((Long) row[0], (Long) row[1]));
        }
        Map<Long, String> titles = events.names(new HashSet<>(eventOf.values()));
        Map<Long, String> names = new HashMap<>();
        eventOf.forEach((registration, event) -> {
            if (titles.containsKey(event)) {
                names.put(registration, titles.get(event));
            }
        });
        return names;
    }
}
