package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.selection.control.Pool;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code POST /events/{id}/invitations {representativeIds}}: organisers invite eligible pool members. */
@Path("events/{eventId}/invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventInvitationsResource {

    @Inject
    Pool pool;

    @Inject
    CurrentUser user;

    public record InviteRequest(List<Long> representativeIds) {}

    @POST
    public List<Pool.InviteOutcome> invite(@PathParam("eventId") String eventId, InviteRequest request) {
        return pool.invite(user.require(Role.ORGANISER), Ids.parse(eventId), request == null ? null : request.representativeIds());
    }
}
