package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.selection.control.Pool;
import cn.pujin.open.selection.entity.Representative;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /representatives}: the representative pool (代表库), kept by organisers and admins. */
@Path("representatives")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RepresentativesResource {

    @Inject
    Pool pool;

    @Inject
    CurrentUser user;

    @GET
    public Page<Pool.MemberView> list(@QueryParam("q") String q, @QueryParam("page") String page, @QueryParam("size") String size) {
        user.require(Role.ORGANISER, Role.ADMIN);
        return pool.list(q, Paging.of(page, size));
    }

    @POST
    public Response add(Pool.MemberRequest request) {
        Representative member = pool.add(user.require(Role.ORGANISER, Role.ADMIN), request);
        return Response.status(201).entity(view(member.getId())).build();
    }

    @PUT
    @Path("{id}")
    public Pool.MemberView update(@PathParam("id") String id, Pool.MemberRequest request) {
        Representative member = pool.update(user.require(Role.ORGANISER, Role.ADMIN), Ids.parse(id), request);
        return view(member.getId());
    }

    private Pool.MemberView view(Long id) {
        return pool.list(null, new Paging(0, Paging.MAX_SIZE)).items().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseGet(() -> pool.list(null, new Paging(0, 1)).items().get(0));
    }
}
