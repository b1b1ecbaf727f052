package cn.pujin.open.openness.control;

import cn.pujin.open.checkin.control.CheckInReports;
import cn.pujin.open.registration.control.RegistrationQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Attendance figures of past events for the public archive: confirmed places and people admitted at the door. */
@ApplicationScoped
public class Attendance {

    public record Figures(long confirmed, long attended) {}

    @Inject
    RegistrationQueries registrations;

    @Inject
    CheckInReports checkIns;

    public Map<Long, Figures> of(Collection<Long> eventIds) {
        Map<Long, Figures> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        List<Long> ids = List.copyOf(eventIds);
        Map<Long, Long> confirmed = registrations.confirmedByEvent(ids);
        Map<Long, Long> attended = checkIns.admittedByEvent(ids);
        for (Long id : ids) {
            out.put(id, new Figures(confirmed.getOrDefault(id, 0L), attended.getOrDefault(id, 0L)));
        }
        return out;
    }
}
