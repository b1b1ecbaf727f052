package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.selection.control.Pool;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /me/invitations}: a pool member's invitations to meetings. */
@Path("me/invitations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyInvitationsResource {

    @Inject
    Pool pool;

    @Inject
    CurrentUser user;

    @GET
    public Page<Pool.InvitationView> mine() {
        List<Pool.InvitationView> items = pool.mine(user.require());
        return new Page<>(items, items.size());
    }
}
