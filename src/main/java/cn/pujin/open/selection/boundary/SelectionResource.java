package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.selection.control.Selections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /events/{id}/selection}: run the rule with a seed, publish the 公示, read it (public once published). */
@Path("events/{eventId}/selection")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SelectionResource {

    @Inject
    Selections selections;

    @Inject
    CurrentUser user;

    public record SeedRequest(JsonValue seed) {}

    @POST
    public Selections.SelectionView run(@PathParam("eventId") String eventId, SeedRequest request) {
        Long me = user.require(Role.ORGANISER);
        if (request == null || request.seed() == null) {
            throw Problem.invalid("seed", "selection.seed");
        }
        return selections.run(me, Ids.parse(eventId), Selections.seed(request.seed()));
    }

    @POST
    @Path("publish")
    public Selections.SelectionView publish(@PathParam("eventId") String eventId) {
        return selections.publish(user.require(Role.ORGANISER), Ids.parse(eventId));
    }

    @GET
    public Selections.SelectionView get(@PathParam("eventId") String eventId) {
        return selections.get(Ids.parse(eventId), user.is(Role.ORGANISER));
    }
}
