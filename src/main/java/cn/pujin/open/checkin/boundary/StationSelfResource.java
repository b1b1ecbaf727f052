package cn.pujin.open.checkin.boundary;

import cn.pujin.open.checkin.control.Stations;
import cn.pujin.open.checkin.entity.Station;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;

/**
 * {@code /stations/me}: what a paired phone (a station key, no account) needs to know of itself — its name and its
 * event. The paired station page asks every few seconds, so a revoked key ends it (401) within seconds.
 */
@Path("stations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class StationSelfResource {

    @Inject
    CurrentUser user;

    @Inject
    Stations stations;

    @Inject
    Events events;

    public record Me(Long id, String name, Long eventId, String eventTitle, OffsetDateTime startsAt, OffsetDateTime endsAt) {}

    @GET
    @Path("me")
    public Me me() {
        Long stationId = user.stationId().orElseThrow(() -> user.id().isPresent() ? Problem.forbidden() : Problem.unauthenticated());
        Station station = stations.get(null, stationId);
        if (station.isRevoked()) {
            throw Problem.unauthenticated();
        }
        Event event = events.working(station.getEventId());
        return new Me(station.getId(), station.getName(), event.getId(), event.getTitle(), Times.local(event.getStartsAt()),
                Times.local(event.getEndsAt()));
    }
}
