package cn.pujin.open.selection.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.Enums;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.selection.control.ObjectionSource;
import cn.pujin.open.selection.control.Objections;
import cn.pujin.open.selection.entity.Objection;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.function.BiFunction;

/**
 * {@code /objections}: objections (异议) to published selections in the one citizen-input workflow — the staff queue
 * and the same steps as for suggestions and messages (assign, answer, publish by someone else, return, rate).
 */
@Path("objections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ObjectionsResource {

    @Inject
    Objections objections;

    @Inject
    ObjectionSource source;

    @Inject
    InputWorkflow workflow;

    @Inject
    CurrentInputActor actor;

    public record AssignRequest(Long departmentId) {}

    public record AnswerRequest(String outcome, String reason, String plan) {}

    public record RateRequest(Integer stars, String comment) {}

    @GET
    public Page<Objections.ObjectionView> queue(@QueryParam("status") String status, @QueryParam("event") String event,
                                                @QueryParam("page") String page, @QueryParam("size") String size) {
        InputActor me = actor.get();
        if (!me.staff() && !me.handler()) {
            throw Problem.forbidden();
        }
        Page<Objection> found = objections.queue(me, Enums.optional("status", status, InputStatus.class),
                event == null ? null : Ids.parse(event), Paging.of(page, size));
        return new Page<>(objections.views(found.items(), me), found.total());
    }

    @GET
    @Path("{id}")
    public Objections.ObjectionView get(@PathParam("id") String id) {
        InputActor me = actor.get();
        return objections.view(workflow.visible(me, source, Ids.parse(id)), me);
    }

    @POST
    @Path("{id}/assign")
    public Objections.ObjectionView assign(@PathParam("id") String id, AssignRequest request) {
        return step(id, (me, oid) -> workflow.assign(me, source, oid, request == null ? null : request.departmentId()));
    }

    @POST
    @Path("{id}/answer")
    public Objections.ObjectionView answer(@PathParam("id") String id, AnswerRequest request) {
        AnswerRequest r = request == null ? new AnswerRequest(null, null, null) : request;
        return step(id, (me, oid) -> workflow.answer(me, source, oid, r.outcome(), r.reason(), r.plan()));
    }

    @POST
    @Path("{id}/publish")
    public Objections.ObjectionView publish(@PathParam("id") String id) {
        return step(id, (me, oid) -> workflow.publish(me, source, oid));
    }

    @POST
    @Path("{id}/return")
    public Objections.ObjectionView returnAnswer(@PathParam("id") String id, ReasonRequest request) {
        return step(id, (me, oid) -> workflow.returnAnswer(me, source, oid, request == null ? null : request.reason()));
    }

    @POST
    @Path("{id}/rate")
    public Objections.ObjectionView rate(@PathParam("id") String id, RateRequest request) {
        RateRequest r = request == null ? new RateRequest(null, null) : request;
        return step(id, (me, oid) -> workflow.rate(me, source, oid, r.stars(), r.comment()));
    }

    private Objections.ObjectionView step(String id, BiFunction<InputActor, Long, Objection> action) {
        InputActor me = actor.get();
        return objections.view(action.apply(me, Ids.parse(id)), me);
    }
}
