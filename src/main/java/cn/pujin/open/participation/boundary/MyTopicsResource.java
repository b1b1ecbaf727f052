package cn.pujin.open.participation.boundary;

import cn.pujin.open.participation.control.Topics;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /me/topics}: the topics a person follows. */
@Path("me/topics")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MyTopicsResource {

    public record Following(List<Long> topicIds) {}

    @Inject
    Topics topics;

    @Inject
    CurrentUser user;

    @GET
    public Following followed() {
        return new Following(List.copyOf(topics.followed(user.require())));
    }

    /** Follow exactly these topics: a mail when a consultation on one of them is published. */
    @PUT
    public Following follow(Following request) {
        Long me = user.require();
        if (request == null || request.topicIds() == null) {
            throw Problem.invalid("topicIds", "validation.required");
        }
        return new Following(List.copyOf(topics.follow(me, request.topicIds())));
    }
}
