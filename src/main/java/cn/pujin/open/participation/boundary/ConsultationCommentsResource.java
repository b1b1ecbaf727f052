package cn.pujin.open.participation.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.participation.control.ConsultationComments;
import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.CommentView;
import cn.pujin.open.participation.entity.ConsultationComment;
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
 * {@code /consultation-comments/{id}}: a reviewer shows a comment publicly or keeps it out of view; its author rates
 * the published answer.
 */
@Path("consultation-comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ConsultationCommentsResource {

    public record RateRequest(Integer stars, String comment) {}

    @Inject
    ConsultationComments comments;

    @Inject
    ConsultationViews views;

    @Inject
    CurrentUser user;

    @Inject
    CurrentInputActor actor;

    @POST
    @Path("{id}/show")
    public CommentView show(@PathParam("id") String id) {
        return staffView(comments.moderate(user.require(Role.REVIEWER), Ids.parse(id), true));
    }

    @POST
    @Path("{id}/hide")
    public CommentView hide(@PathParam("id") String id) {
        return staffView(comments.moderate(user.require(Role.REVIEWER), Ids.parse(id), false));
    }

    @POST
    @Path("{id}/rate")
    public CommentView rate(@PathParam("id") String id, RateRequest request) {
        ConsultationComment c = comments.rate(actor.get(), Ids.parse(id), request == null ? null : request.stars(),
                request == null ? null : request.comment());
        return views.mine(c.getAuthorId(), c.getConsultationId()).stream().filter(v -> v.id().equals(c.getId())).findFirst()
                .orElseThrow();
    }

    private CommentView staffView(ConsultationComment c) {
        return views.comments(c.getConsultationId(), true).stream().filter(v -> v.id().equals(c.getId())).findFirst().orElseThrow();
    }
}
