package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.MajorDecisionDraft;
import cn.pujin.open.participation.control.MajorDecisionExports;
import cn.pujin.open.participation.control.MajorDecisionViews;
import cn.pujin.open.participation.control.MajorDecisionViews.MajorDecisionView;
import cn.pujin.open.participation.control.MajorDecisions;
import cn.pujin.open.participation.control.StepDraft;
import cn.pujin.open.participation.entity.MajorDecision;
import cn.pujin.open.participation.entity.MajorDecisionStep;
import cn.pujin.open.platform.boundary.Language;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Years;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
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
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * {@code /major-decisions}: the year's catalogue of major administrative decisions (决策目录), public once reviewed,
 * and the steps of its items ({@link MajorDecisionStepsResource} publishes them).
 */
@Path("major-decisions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MajorDecisionsResource {

    private static final Role[] STAFF = {Role.ORGANISER, Role.REVIEWER, Role.ADMIN};

    @Inject
    MajorDecisions decisions;

    @Inject
    MajorDecisionViews views;

    @Inject
    CurrentUser user;

    @Inject
    Clock clock;

    @Inject
    MajorDecisionExports exports;

    @Inject
    HttpServletRequest request;

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public record Catalogue(int year, List<MajorDecisionView> items) {}

    @GET
    public Catalogue catalogue(@QueryParam("year") String year) {
        int y = Years.param(year, LocalDate.now(clock).getYear());
        return new Catalogue(y, views.catalogue(y, staff()));
    }

    /** The year's public catalogue to print (A4 landscape PDF). */
    @GET
    @Path("catalogue.pdf")
    @Produces("application/pdf")
    public Response pdf(@QueryParam("year") String year) {
        int y = Years.param(year, LocalDate.now(clock).getYear());
        Locale locale = Language.of(request);
        return file((StreamingOutput) out -> exports.pdf(y, locale, out), "application/pdf", y + "-major-decisions.pdf");
    }

    /** The year's public catalogue and its published steps as a workbook. */
    @GET
    @Path("catalogue.xlsx")
    @Produces(XLSX)
    public Response xlsx(@QueryParam("year") String year) {
        int y = Years.param(year, LocalDate.now(clock).getYear());
        Locale locale = Language.of(request);
        return file((StreamingOutput) out -> exports.xlsx(y, locale, out), XLSX, y + "-major-decisions.xlsx");
    }

    private static Response file(StreamingOutput body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"").build();
    }

    @GET
    @Path("{id}")
    public MajorDecisionView get(@PathParam("id") String id) {
        return views.view(Ids.parse(id), staff());
    }

    @POST
    public Response create(MajorDecisionDraft draft, @Context UriInfo uri) {
        MajorDecision m = decisions.create(user.require(Role.ORGANISER), draft);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(m.getId())).build())
                .entity(views.view(m.getId(), true)).build();
    }

    @PUT
    @Path("{id}")
    public MajorDecisionView update(@PathParam("id") String id, MajorDecisionDraft draft) {
        return views.view(decisions.update(user.require(Role.ORGANISER), Ids.parse(id), draft).getId(), true);
    }

    @POST
    @Path("{id}/submit")
    public MajorDecisionView submit(@PathParam("id") String id) {
        return views.view(decisions.submit(user.require(Role.ORGANISER), Ids.parse(id)).getId(), true);
    }

    @POST
    @Path("{id}/approve")
    public MajorDecisionView approve(@PathParam("id") String id) {
        return views.view(decisions.approve(user.require(Role.REVIEWER), Ids.parse(id)).getId(), true);
    }

    @POST
    @Path("{id}/reject")
    public MajorDecisionView reject(@PathParam("id") String id, ReasonRequest request) {
        return views.view(decisions.reject(user.require(Role.REVIEWER), Ids.parse(id),
                request == null ? null : request.reason()).getId(), true);
    }

    @POST
    @Path("{id}/withdraw")
    public MajorDecisionView withdraw(@PathParam("id") String id, ReasonRequest request) {
        return views.view(decisions.withdraw(user.require(Role.ORGANISER), Ids.parse(id),
                request == null ? null : request.reason()).getId(), true);
    }

    @POST
    @Path("{id}/steps")
    public Response addStep(@PathParam("id") String id, StepDraft draft) {
        MajorDecisionStep step = decisions.addStep(user.require(Role.ORGANISER), Ids.parse(id), draft);
        return Response.status(201).entity(stepView(views, step)).build();
    }

    /** The step as staff see it on its item. */
    static MajorDecisionViews.StepView stepView(MajorDecisionViews views, MajorDecisionStep step) {
        return views.view(step.getMajorDecisionId(), true).steps().stream().filter(s -> s.id().equals(step.getId()))
                .findFirst().orElseThrow();
    }

    private boolean staff() {
        return user.isSignedIn() && user.isAny(STAFF);
    }
}
