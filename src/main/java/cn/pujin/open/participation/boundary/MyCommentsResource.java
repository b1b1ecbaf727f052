package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.ConsultationViews;
import cn.pujin.open.participation.control.ConsultationViews.CommentView;
import cn.pujin.open.platform.control.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /me/consultation-comments}: the person's comments on consultations with their answers, newest first. */
@Path("me/consultation-comments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyCommentsResource {

    @Inject
    ConsultationViews views;

    @Inject
    CurrentUser user;

    @GET
    public List<CommentView> comments() {
        return views.mine(user.require(), null);
    }
}
