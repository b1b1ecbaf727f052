package cn.pujin.open.checkin.control;

import cn.pujin.open.platform.control.PersonalDataSource;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;

/** When the person was admitted at the door. (Check-ins hold no personal fields, so deletion leaves them for the statistics.) */
@ApplicationScoped
public class CheckInData implements PersonalDataSource {

    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "checkins";
    }

    @Override
    public Object export(Long accountId) {
        return em.createQuery("""
                        select c.eventId, c.scannedAt, c.stationName from CheckIn c, Registration r
                        where c.admittedRegistrationId = r.id and r.accountId = :a order by c.scannedAt""", Object[].class)
                .setParameter("a", accountId).getResultList().stream().map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("eventId", c[0]);
                    m.put("admittedAt", Times.local((java.time.Instant) c[1]));
                    m.put("station", c[2]);
                    return m;
                }).toList();
    }
}
