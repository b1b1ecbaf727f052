package cn.pujin.open.openness.boundary;

import cn.pujin.open.openness.control.Summaries;
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

/**
 * {@code /events/{id}/summary}: the summary of a past event (活动总结) — written by organisers, published by a
 * reviewer who did not write it (with the photos uploaded so far), public afterwards.
 */
@Path("events/{eventId}/summary")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventSummaryResource {

    @Inject
    Summaries summaries;

    @Inject
    CurrentUser user;

    public record SummaryRequest(String text) {}


    @GET
    public Summaries.SummaryView get(@PathParam("eventId") String eventId) {
        return summaries.view(Ids.parse(eventId), staff());
    }

    @PUT
    public Summaries.SummaryView write(@PathParam("eventId") String eventId, SummaryRequest request) {
        Long me = user.require(Role.ORGANISER);
        Long id = Ids.parse(eventId);
        summaries.write(me, id, request == null ? null : request.text());
        return summaries.view(id, true);
    }

    @POST
    @Path("publish")
    public Summaries.SummaryView publish(@PathParam("eventId") String eventId) {
        Long me = user.require(Role.REVIEWER);
        Long id = Ids.parse(eventId);
        summaries.publish(me, id);
        return summaries.view(id, true);
    }

    @POST
    @Path("return")
    public Summaries.SummaryView returnToAuthor(@PathParam("eventId") String eventId, ReasonRequest request) {
        Long me = user.require(Role.REVIEWER);
        Long id = Ids.parse(eventId);
        summaries.returnToAuthor(me, id, request == null ? null : request.reason());
        return summaries.view(id, true);
    }

    private boolean staff() {
        return user.isSignedIn() && user.isAny(Role.ORGANISER, Role.REVIEWER, Role.ADMIN);
    }
}
