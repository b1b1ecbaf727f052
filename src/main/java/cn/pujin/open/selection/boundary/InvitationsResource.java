package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.selection.control.Pool;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /invitations/{id}/accept|decline}: a pool member answers an invitation to a meeting. */
@Path("invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    @Inject
    Pool pool;

    @Inject
    CurrentUser user;

    public record AcceptRequest(String statement) {}

    @POST
    @Path("{id}/accept")
    public Pool.InvitationView accept(@PathParam("id") String id, AcceptRequest request) {
        return pool.accept(user.require(), Ids.parse(id), request == null ? null : request.statement());
    }

    @POST
    @Path("{id}/decline")
    public Pool.InvitationView decline(@PathParam("id") String id) {
        return pool.decline(user.require(), Ids.parse(id));
    }
}
