package cn.pujin.open.pass.boundary;

import cn.pujin.open.pass.control.Passes;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /registrations/{id}/pass}: the pass (入场凭证) of a confirmed registration, for its owner or an organiser (others 404). */
@Path("registrations/{id}/pass")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PassResource {

    @Inject
    Passes passes;

    @Inject
    CurrentUser user;

    @GET
    public Passes.PassView pass(@PathParam("id") String id) {
        Long me = user.require();
        return passes.view(passes.current(Ids.parse(id), me, user.is(Role.ORGANISER)));
    }

    /** A new token for a lost or shared pass; the old one stops working at once. */
    @POST
    @Path("reissue")
    public Passes.PassView reissue(@PathParam("id") String id) {
        Long me = user.require();
        return passes.view(passes.reissue(me, Ids.parse(id), user.is(Role.ORGANISER)));
    }
}
