package cn.pujin.open.event.boundary;

import cn.pujin.open.event.control.Decisions;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * {@code /events/{id}/decisions}: what the meeting decided per agenda item (会议议定结果). Anyone reads the
 * published decisions; organisers write, reviewers (not the writer) publish or return.
 */
@Path("events/{eventId}/decisions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DecisionsResource {

    @Inject
    Decisions decisions;

    @Inject
    CurrentUser user;

    public record DecisionRequest(String text) {}


    @GET
    public List<Decisions.DecisionView> list(@PathParam("eventId") String eventId) {
        boolean staff = user.isSignedIn() && user.isAny(Role.ORGANISER, Role.REVIEWER, Role.ADMIN);
        return decisions.of(Ids.parse(eventId), staff);
    }

    @PUT
    @Path("{agendaItemId}")
    public Decisions.DecisionView write(@PathParam("eventId") String eventId, @PathParam("agendaItemId") String itemId,
                                        DecisionRequest request) {
        Long me = user.require(Role.ORGANISER);
        Long event = Ids.parse(eventId);
        Long item = Ids.parse(itemId);
        decisions.write(me, event, item, request == null ? null : request.text());
        return decisions.view(event, item);
    }

    @POST
    @Path("{agendaItemId}/publish")
    public Decisions.DecisionView publish(@PathParam("eventId") String eventId, @PathParam("agendaItemId") String itemId) {
        Long me = user.require(Role.REVIEWER);
        Long event = Ids.parse(eventId);
        Long item = Ids.parse(itemId);
        decisions.publish(me, event, item);
        return decisions.view(event, item);
    }

    @POST
    @Path("{agendaItemId}/return")
    public Decisions.DecisionView returnToAuthor(@PathParam("eventId") String eventId, @PathParam("agendaItemId") String itemId,
                                                 ReasonRequest request) {
        Long me = user.require(Role.REVIEWER);
        Long event = Ids.parse(eventId);
        Long item = Ids.parse(itemId);
        decisions.returnToAuthor(me, event, item, request == null ? null : request.reason());
        return decisions.view(event, item);
    }
}
