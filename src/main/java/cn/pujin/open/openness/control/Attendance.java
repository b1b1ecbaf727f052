package cn.pujin.open.openness.control;

import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Attendance figures of past events for the public archive: confirmed places and people admitted at the door. */
@ApplicationScoped
public class Attendance {

    public record Figures(long confirmed, long attended) {}

    @PersistenceContext
    EntityManager em;

    public Map<Long, Figures> of(Collection<Long> eventIds) {
        Map<Long, Figures> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        List<Long> ids = List.copyOf(eventIds);
        Map<Long, Long> confirmed = new HashMap<>();
        em.createQuery("select r.eventId, count(r) from Registration r where r.eventId in :ids and r.status = :s group by r.eventId",
                        Object[].class).setParameter("ids", ids).setParameter("s", RegistrationStatus.CONFIRMED).getResultList()
                .forEach(r -> confirmed.put((Long) r[0], (Long) r[1]));
        Map<Long, Long> attended = new HashMap<>();
        em.createQuery("""
                        select c.eventId, count(c) from CheckIn c where c.eventId in :ids and c.admittedRegistrationId is not null
                        group by c.eventId""", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> attended.put((Long) r[0], (Long) r[1]));
        for (Long id : ids) {
            out.put(id, new Figures(confirmed.getOrDefault(id, 0L), attended.getOrDefault(id, 0L)));
        }
        return out;
    }
}
