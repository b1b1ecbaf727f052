package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.message.control.Investigations;
import cn.pujin.open.platform.control.Ids;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code POST /topics/{id}/investigations}: staff open an investigation on a topic ({@code {title}}) → 201. */
@Path("topics/{id}/investigations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TopicInvestigationsResource {

    @Inject
    Investigations investigations;

    @Inject
    CurrentInputActor actor;

    public record OpenRequest(String title) {}

    @POST
    public Response open(@PathParam("id") String id, OpenRequest request) {
        InputActor me = actor.get();
        var i = investigations.open(me, Ids.parse(id), request == null ? null : request.title());
        return Response.status(201).entity(investigations.view(me, i)).build();
    }
}
