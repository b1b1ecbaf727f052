package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.Enums;
import cn.pujin.open.selection.control.Nominations;
import cn.pujin.open.selection.control.Pool;
import cn.pujin.open.selection.control.PoolRecords;
import cn.pujin.open.selection.control.PoolReminders;
import cn.pujin.open.selection.entity.Nomination;
import java.util.List;
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

    @Inject
    Nominations nominations;

    @Inject
    PoolRecords records;

    @Inject
    PoolReminders reminders;

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

    /** Nominations to the pool, newest first ({@code ?status=PENDING|APPROVED|REJECTED}). */
    @GET
    @Path("nominations")
    public Page<Nominations.NominationView> nominations(@QueryParam("status") String status, @QueryParam("page") String page,
                                                       @QueryParam("size") String size) {
        user.require(Role.ORGANISER, Role.ADMIN);
        Page<Nomination> found = nominations.list(Enums.optional("status", status, Nomination.Status.class), Paging.of(page, size));
        return new Page<>(nominations.views(found.items(), true), found.total());
    }

    /** Anyone signed in: themselves ({@code kind SELF}), or a resident for their residents' committee ({@code COMMITTEE}). */
    @POST
    @Path("nominations")
    public Response nominate(Nominations.NominationRequest request) {
        Nomination n = nominations.nominate(user.require(), request);
        return Response.status(201).entity(nominations.views(List.of(n), false).get(0)).build();
    }

    @POST
    @Path("nominations/{id}/approve")
    public Nominations.NominationView approve(@PathParam("id") String id) {
        return nominations.views(List.of(nominations.approve(user.require(Role.ORGANISER), Ids.parse(id))), true).get(0);
    }

    @POST
    @Path("nominations/{id}/reject")
    public Nominations.NominationView reject(@PathParam("id") String id, ReasonRequest request) {
        return nominations.views(List.of(nominations.reject(user.require(Role.ORGANISER), Ids.parse(id),
                request == null ? null : request.reason())), true).get(0);
    }

    /** A member's attendance history: meetings, suggestions made, answers received. */
    @GET
    @Path("{id}/history")
    public PoolRecords.History history(@PathParam("id") String id) {
        user.require(Role.ORGANISER, Role.ADMIN);
        return records.history(pool.find(Ids.parse(id)).getAccountId());
    }

    public record ReminderRun(int sent) {}

    /** Sends the reminders of yearly reviews due now (the job runs this every few minutes anyway). */
    @POST
    @Path("reminders/run")
    public ReminderRun remind() {
        user.require(Role.ORGANISER, Role.ADMIN);
        return new ReminderRun(reminders.run());
    }

    private Pool.MemberView view(Long id) {
        return pool.list(null, new Paging(0, Paging.MAX_SIZE)).items().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseGet(() -> pool.list(null, new Paging(0, 1)).items().get(0));
    }
}
