package cn.pujin.open.participation.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.participation.control.ConsultationComments;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.GroupView;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.Ids;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /comment-groups/{id}}: the group's one answer (outcome and reason) through the citizen-input workflow, its
 * publication by a reviewer who did not answer, or its return with a reason.
 */
@Path("comment-groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommentGroupsResource {

    public record AnswerRequest(String outcome, String reason) {}

    @Inject
    ConsultationComments comments;

    @Inject
    ConsultationViews views;

    @Inject
    CurrentInputActor actor;

    @POST
    @Path("{id}/answer")
    public GroupView answer(@PathParam("id") String id, AnswerRequest request) {
        return ConsultationsResource.group(views, comments.answer(actor.get(), Ids.parse(id),
                request == null ? null : request.outcome(), request == null ? null : request.reason()));
    }

    @POST
    @Path("{id}/publish")
    public GroupView publish(@PathParam("id") String id) {
        return ConsultationsResource.group(views, comments.publish(actor.get(), Ids.parse(id)));
    }

    @POST
    @Path("{id}/return")
    public GroupView returnAnswer(@PathParam("id") String id, ReasonRequest request) {
        return ConsultationsResource.group(views, comments.returnAnswer(actor.get(), Ids.parse(id),
                request == null ? null : request.reason()));
    }
}
