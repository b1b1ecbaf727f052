package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.participation.entity.Topic;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code /topics}: topics with the number of consultations on each; organisers add them. */
@Path("topics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopicsResource {

    public record TopicRequest(String name) {}

    @Inject
    Topics topics;

    @Inject
    CurrentUser user;

    @GET
    public List<Topics.TopicView> all() {
        return topics.all();
    }

    @POST
    public Response create(TopicRequest request) {
        Topic t = topics.create(user.require(Role.ORGANISER), request == null ? null : request.name());
        return Response.status(201).entity(new Topics.TopicView(t.getId(), t.getName(), 0, 0)).build();
    }


}
