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
import jakarta.ws.rs.core.Response;
import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.selection.control.Objections;
import cn.pujin.open.selection.entity.Objection;
import java.util.List;

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

    @Inject
    Objections objections;

    @Inject
    CurrentInputActor actor;

    public record SeedRequest(JsonValue seed, String reason) {}

    public record ObjectionList(List<Objections.ObjectionView> items) {}

    @POST
    public Selections.SelectionView run(@PathParam("eventId") String eventId, SeedRequest request) {
        Long me = user.require(Role.ORGANISER);
        if (request == null || request.seed() == null) {
            throw Problem.invalid("seed", "selection.seed");
        }
        return selections.run(me, Ids.parse(eventId), Selections.seed(request.seed()), request.reason());
    }

    /** Anyone signed in, during the 公示 period (after it: 409 OBJECTION_CLOSED). */
    @POST
    @Path("objections")
    public Response object(@PathParam("eventId") String eventId, Objections.ObjectionRequest request) {
        InputActor me = actor.get();
        Objection o = objections.raise(me.id(), Ids.parse(eventId), request);
        return Response.status(Response.Status.CREATED).entity(objections.view(o, me)).build();
    }

    /** The published answers to objections (staff, and each author for their own, see all of theirs). */
    @GET
    @Path("objections")
    public ObjectionList objections(@PathParam("eventId") String eventId) {
        Long id = Ids.parse(eventId);
        selections.get(id, user.is(Role.ORGANISER));
        InputActor me = actor.orNull();
        return new ObjectionList(objections.views(objections.ofEvent(id, me), me));
    }

    /** A sustained objection changes the published result: {@code {objectionId, registrationId}}. */
    @POST
    @Path("revisions")
    public Selections.SelectionView revise(@PathParam("eventId") String eventId, Objections.RevisionRequest request) {
        return objections.revise(user.require(Role.ORGANISER), Ids.parse(eventId), request);
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
