package cn.pujin.open.checkin.boundary;

import cn.pujin.open.checkin.control.Stations;
import cn.pujin.open.platform.control.Ids;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;

/** {@code /events/{id}/stations}: organisers create stations (key shown once), list and revoke them. */
@Path("events/{id}/stations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StationsResource {

    @Inject
    Stations stations;

    @Inject
    CheckInAccess access;

    public record StationRequest(String name) {}

    @POST
    public Response create(@PathParam("id") String id, StationRequest request) {
        Long me = access.organiser();
        Long eventId = access.organiserEvent(id).getId();
        Stations.StationView created = stations.create(me, eventId, request == null ? null : request.name());
        return Response.created(URI.create("/api/v1/events/" + eventId + "/stations/" + created.id())).entity(created).build();
    }

    @GET
    public List<Stations.StationView> list(@PathParam("id") String id) {
        return stations.forEvent(access.organiserEvent(id).getId());
    }

    @POST
    @Path("{stationId}/revoke")
    public Stations.StationView revoke(@PathParam("id") String id, @PathParam("stationId") String stationId) {
        Long me = access.organiser();
        return stations.revoke(me, access.organiserEvent(id).getId(), Ids.parse(stationId));
    }
}
