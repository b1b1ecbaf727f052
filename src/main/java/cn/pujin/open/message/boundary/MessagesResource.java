package cn.pujin.open.message.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputAttachments;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.message.control.MessageBoard;
import cn.pujin.open.message.control.MessageRequest;
import cn.pujin.open.message.control.MessageView;
import cn.pujin.open.message.control.MessageViews;
import cn.pujin.open.message.entity.Message;
import cn.pujin.open.message.entity.MessageAttachment;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.Enums;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.boundary.Files;
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
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiFunction;

/**
 * {@code /messages}: the message board — leave a message (201 with {@code acknowledgeBy} and {@code answerBy}), the
 * published public ones, similar answered messages and FAQ entries for a text, and the staff's work queue with the
 * workflow's steps (acknowledge, assign, answer, publish, return, rate, extend, topics).
 */
@Path("messages")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagesResource {

    @Inject
    MessageBoard board;

    @Inject
    MessageViews views;

    @Inject
    CurrentInputActor actor;

    public record AcknowledgeRequest(String text, Boolean templated) {}

    public record AssignRequest(Long departmentId) {}

    public record AnswerRequest(String outcome, String reason, String plan) {}

    public record RateRequest(Integer stars, String comment) {}

    public record ExtendRequest(String dueOn, String reason) {}

    public record TopicsRequest(List<Long> topicIds) {}

    /** What a citizen is shown before sending: answered public messages and FAQ entries like the text. */
    public record SimilarList(List<MessageView.Similar> items) {}

    @POST
    public Response submit(MessageRequest request) {
        InputActor me = actor.get();
        Message m = board.submit(me.id(), request);
        return Response.status(201).entity(views.views(me, List.of(m), false).get(0)).build();
    }

    @GET
    public Page<MessageView> queue(@QueryParam("status") String status, @QueryParam("department") String department,
                                   @QueryParam("overdue") String overdue, @QueryParam("topic") String topic,
                                   @QueryParam("page") String page, @QueryParam("size") String size) {
        InputActor me = actor.get();
        var found = board.queue(me, Enums.optional("status", status, InputStatus.class), Ids.optional("department", department),
                "true".equals(overdue), Ids.optional("topic", topic), Paging.of(page, size));
        return new Page<>(views.views(me, found.items(), false), found.total());
    }

    @GET
    @Path("public")
    public Page<MessageView> published(@QueryParam("topic") String topic, @QueryParam("page") String page,
                                       @QueryParam("size") String size) {
        var found = board.published(Ids.optional("topic", topic), Paging.of(page, size));
        return new Page<>(views.views(actor.orNull(), found.items(), false), found.total());
    }

    @GET
    @Path("similar")
    public SimilarList similar(@QueryParam("text") String text) {
        String t = Texts.strip(text);
        if (t == null || Texts.length(t) > MessageBoard.TEXT_MAX) {
            throw Problem.invalid("text", "validation.length", 1, MessageBoard.TEXT_MAX);
        }
        return new SimilarList(views.similar(t, true, null));
    }

    @GET
    @Path("{id}")
    public MessageView get(@PathParam("id") String id) {
        InputActor me = actor.orNull();
        return views.view(me, board.readable(me, Ids.parse(id)));
    }

    @POST
    @Path("{id}/acknowledge")
    public MessageView acknowledge(@PathParam("id") String id, AcknowledgeRequest request) {
        AcknowledgeRequest r = request == null ? new AcknowledgeRequest(null, null) : request;
        return step(id, (me, mid) -> board.acknowledge(me, mid, r.text(), Boolean.TRUE.equals(r.templated())));
    }

    @POST
    @Path("{id}/assign")
    public MessageView assign(@PathParam("id") String id, AssignRequest request) {
        return step(id, (me, mid) -> board.assign(me, mid, request == null ? null : request.departmentId()));
    }

    @POST
    @Path("{id}/answer")
    public MessageView answer(@PathParam("id") String id, AnswerRequest request) {
        AnswerRequest r = request == null ? new AnswerRequest(null, null, null) : request;
        return step(id, (me, mid) -> board.answer(me, mid, r.outcome(), r.reason(), r.plan()));
    }

    @POST
    @Path("{id}/publish")
    public MessageView publish(@PathParam("id") String id) {
        return step(id, board::publish);
    }

    @POST
    @Path("{id}/return")
    public MessageView returnAnswer(@PathParam("id") String id, ReasonRequest request) {
        return step(id, (me, mid) -> board.returnAnswer(me, mid, request == null ? null : request.reason()));
    }

    @POST
    @Path("{id}/rate")
    public MessageView rate(@PathParam("id") String id, RateRequest request) {
        RateRequest r = request == null ? new RateRequest(null, null) : request;
        return step(id, (me, mid) -> board.rate(me, mid, r.stars(), r.comment()));
    }

    @POST
    @Path("{id}/extend")
    public MessageView extend(@PathParam("id") String id, ExtendRequest request) {
        ExtendRequest r = request == null ? new ExtendRequest(null, null) : request;
        LocalDate dueOn;
        try {
            dueOn = r.dueOn() == null ? null : LocalDate.parse(r.dueOn());
        } catch (DateTimeParseException e) {
            throw Problem.invalid("dueOn", "validation.date");
        }
        return step(id, (me, mid) -> board.extend(me, mid, dueOn, r.reason()));
    }

    @PUT
    @Path("{id}/topics")
    public MessageView topics(@PathParam("id") String id, TopicsRequest request) {
        return step(id, (me, mid) -> board.tag(me, mid, request == null ? null : request.topicIds()));
    }

    /** Raw upload: the body is the file (image or PDF, at most 5 MiB), its name in {@code ?name=}. */
    @POST
    @Path("{id}/attachments")
    @Consumes({"image/jpeg", "image/png", "image/webp", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    public Response attach(@PathParam("id") String id, @QueryParam("name") String name, InputStream body) throws IOException {
        InputActor me = actor.get();
        byte[] content = body == null ? new byte[0] : body.readNBytes(InputAttachments.MAX_BYTES + 1);
        MessageAttachment a = board.attach(me, Ids.parse(id), name, content);
        return Response.status(201).entity(new MessageView.AttachmentView(a.getId(), a.getFileName(), a.getMediaType(), a.getSize()))
                .build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        MessageAttachment a = board.attachment(actor.orNull(), Ids.parse(id), Ids.parse(attachmentId));
        return Files.inline(a.getContent(), a.getMediaType(), a.getFileName());
    }

    private MessageView step(String id, BiFunction<InputActor, Long, Message> action) {
        InputActor me = actor.get();
        return views.view(me, action.apply(me, Ids.parse(id)));
    }
}
