package cn.pujin.open.participation.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.participation.control.CommentGroupRequest;
import cn.pujin.open.participation.control.CommentRequest;
import cn.pujin.open.participation.control.ConsultationComments;
import cn.pujin.open.participation.control.ConsultationDraft;
import cn.pujin.open.participation.control.ConsultationFeeds;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.CommentView;
import cn.pujin.open.participation.control.ConsultationViews.ConsultationView;
import cn.pujin.open.participation.control.ConsultationViews.GroupView;
import cn.pujin.open.participation.control.Consultations;
import cn.pujin.open.participation.entity.CommentGroup;
import cn.pujin.open.participation.entity.Consultation;
import cn.pujin.open.participation.entity.ConsultationComment;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Enums;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /consultations}: policy drafts put out for comment (征求意见) — public once reviewed, with their interpretation,
 * period and comment counts; comments during the period; the comment groups and the adoption report (意见采纳情况).
 */
@Path("consultations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsultationsResource {

    private static final Role[] STAFF = {Role.ORGANISER, Role.REVIEWER, Role.ADMIN};

    @Inject
    Consultations consultations;

    @Inject
    ConsultationComments comments;

    @Inject
    ConsultationViews views;

    @Inject
    ConsultationFeeds feeds;

    @Inject
    CurrentUser user;

    @Inject
    CurrentInputActor actor;

    /** Published consultations ({@code status}: UPCOMING, OPEN or CLOSED); staff without a status also see drafts. */
    @GET
    public List<ConsultationView> list(@QueryParam("status") String status) {
        Consultation.Period period = Enums.optional("status", status, Consultation.Period.class);
        return views.list(period, period == null && staff());
    }

    @GET
    @Path("feed.atom")
    @Produces("application/atom+xml")
    public Response atom() {
        return Response.ok(feeds.atom(), "application/atom+xml; charset=UTF-8").header("Cache-Control", "public, max-age=300").build();
    }

    /** The comment periods as a calendar to subscribe to. */
    @GET
    @Path("periods.ics")
    @Produces("text/calendar")
    public Response ics() {
        return Response.ok(feeds.ics(), "text/calendar; charset=UTF-8").header("Cache-Control", "public, max-age=300").build();
    }

    @GET
    @Path("{id}")
    public ConsultationView get(@PathParam("id") String id) {
        return views.view(Ids.parse(id), staff());
    }

    @POST
    public Response create(ConsultationDraft draft, @Context UriInfo uri) {
        Consultation c = consultations.create(user.require(Role.ORGANISER), draft);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(c.getId())).build())
                .entity(views.view(c.getId(), true)).build();
    }

    @PUT
    @Path("{id}")
    public ConsultationView update(@PathParam("id") String id, ConsultationDraft draft) {
        return views.view(consultations.update(user.require(Role.ORGANISER), Ids.parse(id), draft).getId(), true);
    }

    @POST
    @Path("{id}/submit")
    public ConsultationView submit(@PathParam("id") String id) {
        return views.view(consultations.submit(user.require(Role.ORGANISER), Ids.parse(id)).getId(), true);
    }

    @POST
    @Path("{id}/approve")
    public ConsultationView approve(@PathParam("id") String id) {
        return views.view(consultations.approve(user.require(Role.REVIEWER), Ids.parse(id)).getId(), true);
    }

    @POST
    @Path("{id}/reject")
    public ConsultationView reject(@PathParam("id") String id, ReasonRequest request) {
        return views.view(consultations.reject(user.require(Role.REVIEWER), Ids.parse(id),
                request == null ? null : request.reason()).getId(), true);
    }

    /** A signed-in person comments while the period is open → 201 with the comment as its author sees it. */
    @POST
    @Path("{id}/comments")
    public Response comment(@PathParam("id") String id, CommentRequest request) {
        Long me = user.require();
        ConsultationComment c = comments.comment(me, Ids.parse(id), request);
        CommentView view = views.mine(me, c.getConsultationId()).stream().filter(v -> v.id().equals(c.getId())).findFirst()
                .orElseThrow();
        return Response.status(201).entity(view).build();
    }

    /** Comments shown by a reviewer (staff: all of them, with their state). */
    @GET
    @Path("{id}/comments")
    public List<CommentView> comments(@PathParam("id") String id) {
        return views.comments(Ids.parse(id), staff());
    }

    /** After the period, staff group comments for one answer → 201. */
    @POST
    @Path("{id}/comment-groups")
    public Response group(@PathParam("id") String id, CommentGroupRequest request) {
        CommentGroup g = comments.group(actor.get(), Ids.parse(id), request);
        return Response.status(201).entity(group(views, g)).build();
    }

    @GET
    @Path("{id}/report")
    public ConsultationViews.Report report(@PathParam("id") String id) {
        return views.report(Ids.parse(id), staff());
    }

    /** The group as staff see it in the report at work. */
    static GroupView group(ConsultationViews views, CommentGroup g) {
        return views.report(g.getConsultationId(), true).groups().stream().filter(v -> v.id().equals(g.getId())).findFirst()
                .orElseThrow();
    }

    private boolean staff() {
        return user.isSignedIn() && user.isAny(STAFF);
    }
}
