package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.MajorDecisionViews;
import cn.pujin.open.participation.control.MajorDecisions;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /major-decision-steps/{id}/publish}: a reviewer who did not write a step publishes it, after its item, or
 * {@code /return}s it with a reason.
 */
@Path("major-decision-steps")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MajorDecisionStepsResource {

    @Inject
    MajorDecisions decisions;

    @Inject
    MajorDecisionViews views;

    @Inject
    CurrentUser user;

    @POST
    @Path("{id}/publish")
    public MajorDecisionViews.StepView publish(@PathParam("id") String id) {
        return MajorDecisionsResource.stepView(views, decisions.publishStep(user.require(Role.REVIEWER), Ids.parse(id)));
    }

    /** Not published: back to the organiser with the reason. */
    @POST
    @Path("{id}/return")
    public MajorDecisionViews.StepView returnStep(@PathParam("id") String id, ReasonRequest request) {
        return MajorDecisionsResource.stepView(views, decisions.returnStep(user.require(Role.REVIEWER), Ids.parse(id),
                request == null ? null : request.reason()));
    }
}
