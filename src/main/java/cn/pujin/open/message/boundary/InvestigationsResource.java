package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.message.control.InvestigationView;
import cn.pujin.open.message.control.Investigations;
import cn.pujin.open.message.entity.Investigation;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Problem;
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
import java.util.List;

/**
 * {@code /investigations}: topic investigations — published conclusions for anyone, every one and the proposals of
 * the dashboard for staff; staff record findings and a conclusion and submit, a reviewer publishes or returns.
 */
@Path("investigations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvestigationsResource {

    @Inject
    Investigations investigations;

    @Inject
    CurrentInputActor actor;

    public record RecordRequest(String findings, String conclusion) {}

    @GET
    public Page<InvestigationView> list(@QueryParam("status") String status) {
        if (status != null && !status.equals("all")) {
            throw Problem.invalid("status", "validation.enum", List.of("all"));
        }
        InputActor me = status == null ? actor.orNull() : actor.get();
        List<InvestigationView> views = investigations.list(me, status != null).stream().map(i -> investigations.view(me, i)).toList();
        return new Page<>(views, views.size());
    }

    @GET
    @Path("proposals")
    public List<InvestigationView.Proposal> proposals() {
        return investigations.proposals(actor.get());
    }

    @GET
    @Path("{id}")
    public InvestigationView get(@PathParam("id") String id) {
        InputActor me = actor.orNull();
        return investigations.view(me, investigations.readable(me, Ids.parse(id)));
    }

    @PUT
    @Path("{id}")
    public InvestigationView record(@PathParam("id") String id, RecordRequest request) {
        InputActor me = actor.get();
        RecordRequest r = request == null ? new RecordRequest(null, null) : request;
        return view(me, investigations.record(me, Ids.parse(id), r.findings(), r.conclusion()));
    }

    @POST
    @Path("{id}/submit")
    public InvestigationView submit(@PathParam("id") String id) {
        InputActor me = actor.get();
        return view(me, investigations.submit(me, Ids.parse(id)));
    }

    @POST
    @Path("{id}/publish")
    public InvestigationView publish(@PathParam("id") String id) {
        InputActor me = actor.get();
        return view(me, investigations.publish(me, Ids.parse(id)));
    }

    @POST
    @Path("{id}/return")
    public InvestigationView returnToStaff(@PathParam("id") String id, ReasonRequest request) {
        InputActor me = actor.get();
        return view(me, investigations.returnToStaff(me, Ids.parse(id), request == null ? null : request.reason()));
    }

    private InvestigationView view(InputActor me, Investigation i) {
        return investigations.view(me, i);
    }
}
