package cn.pujin.open.checkin.control;

import cn.pujin.open.platform.control.PersonalDataSource;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.control.RegistrationQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
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

    @Inject
    RegistrationQueries registrations;

    @Override
    public Object export(Long accountId) {
        List<Long> mine = registrations.idsOf(accountId);
        if (mine.isEmpty()) {
            return List.of();
        }
        return em.createQuery("""
                        select c.eventId, c.scannedAt, c.stationName from CheckIn c
                        where c.admittedRegistrationId in :mine order by c.scannedAt""", Object[].class)
                .setParameter("mine", mine).getResultList().stream().map(c -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("eventId", c[0]);
                    m.put("admittedAt", Times.local((Instant) c[1]));
                    m.put("station", c[2]);
                    return m;
                }).toList();
    }
}
