package cn.pujin.open.checkin.boundary;

import cn.pujin.open.checkin.control.CheckIns;
import cn.pujin.open.checkin.control.Stations;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * Who may work the door: a station with its key (its own event only) or an organiser (any event, at one
 * of its stations or as staff). Everyone else: 401 when anonymous, 403 otherwise.
 */
@RequestScoped
public class CheckInAccess {

    @Inject
    CurrentUser user;

    @Inject
    Stations stations;

    @Inject
    Events events;

    /** The scanner for a scan request; {@code station}/{@code eventId} are what an organiser's page sends. */
    /** Only stations and organisers scan: checked before the request body is looked at. */
    public void requireScanner() {
        if (user.stationId().isEmpty()) {
            user.require(Role.ORGANISER);
        }
    }

    public CheckIns.Scanner scanner(Long stationParam, Long eventParam) {
        var stationId = user.stationId();
        if (stationId.isPresent()) {
            Stations.StationRef own = stations.active(null, stationId.get());
            if (stationParam != null && !stationParam.equals(own.id())) {
                throw Problem.forbidden();
            }
            return CheckIns.Scanner.station(own);
        }
        Long me = user.require(Role.ORGANISER);
        Stations.StationRef station = stationParam == null ? null : stations.active(eventParam, stationParam);
        return CheckIns.Scanner.organiser(me, station, eventParam);
    }

    /** The event a station or organiser reads check-in data of; a station of another event gets 404. */
    public Event event(String id) {
        Long eventId = Ids.parse(id);
        var stationId = user.stationId();
        if (stationId.isPresent()) {
            if (!stations.active(null, stationId.get()).eventId().equals(eventId)) {
                throw Problem.notFound();
            }
        } else {
            user.require(Role.ORGANISER);
        }
        return events.working(eventId);
    }

    /** Organisers only (station management, summaries). */
    public Event organiserEvent(String id) {
        user.require(Role.ORGANISER);
        return events.working(Ids.parse(id));
    }

    public Long organiser() {
        return user.require(Role.ORGANISER);
    }
}
