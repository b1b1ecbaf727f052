package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputAttachments;
import cn.pujin.open.input.control.InputQueues;
import cn.pujin.open.input.control.InputReminders;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.Enums;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.suggestion.control.Milestones;
import cn.pujin.open.suggestion.control.SuggestionView;
import cn.pujin.open.suggestion.control.SuggestionViews;
import cn.pujin.open.suggestion.control.Suggestions;
import cn.pujin.open.suggestion.entity.Milestone;
import cn.pujin.open.suggestion.entity.Suggestion;
import cn.pujin.open.suggestion.entity.SuggestionAttachment;
import cn.pujin.open.platform.boundary.Files;
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
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.BiFunction;

/** {@code /suggestions}: the work queue and the supervision workflow (assign, answer, review, rate, milestones). */
@Path("suggestions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuggestionsResource {

    @Inject
    Suggestions suggestions;

    @Inject
    Milestones milestones;

    @Inject
    InputQueues inputQueues;

    @Inject
    SuggestionViews suggestionViews;

    @Inject
    InputReminders reminders;

    @Inject
    CurrentInputActor actor;

    public record AssignRequest(Long departmentId) {}

    public record AnswerRequest(String outcome, String reason, String plan) {}


    public record RateRequest(Integer stars, String comment) {}

    public record MilestoneRequest(String date, String text, Integer progress) {}

    @GET
    public Page<SuggestionView> queue(@QueryParam("status") String status, @QueryParam("department") String department,
                                      @QueryParam("overdue") String overdue, @QueryParam("event") String event,
                                      @QueryParam("flagged") String flagged,
                                      @QueryParam("page") String page, @QueryParam("size") String size) {
        InputActor me = actor.get();
        var found = suggestions.queue(me, new Suggestions.QueueFilter(status(status), Ids.optional("department", department),
                "true".equals(overdue), Ids.optional("event", event), "true".equals(flagged)), Paging.of(page, size));
        return new Page<>(suggestionViews.views(me, found.items()), found.total());
    }

    @GET
    @Path("dashboard")
    public List<InputQueues.DepartmentLoad> dashboard() {
        return inputQueues.dashboard(actor.get());
    }

    @GET
    @Path("{id}")
    public SuggestionView get(@PathParam("id") String id) {
        return step(id, suggestions::visible);
    }

    @POST
    @Path("{id}/assign")
    public SuggestionView assign(@PathParam("id") String id, AssignRequest request) {
        return step(id, (me, sid) -> suggestions.assign(me, sid, request == null ? null : request.departmentId()));
    }

    @POST
    @Path("{id}/acknowledge")
    public SuggestionView acknowledge(@PathParam("id") String id) {
        return step(id, suggestions::acknowledge);
    }

    @POST
    @Path("{id}/answer")
    public SuggestionView answer(@PathParam("id") String id, AnswerRequest request) {
        AnswerRequest r = request == null ? new AnswerRequest(null, null, null) : request;
        return step(id, (me, sid) -> suggestions.answer(me, sid, r.outcome(), r.reason(), r.plan()));
    }

    @POST
    @Path("{id}/publish")
    public SuggestionView publish(@PathParam("id") String id) {
        return step(id, suggestions::publish);
    }

    @POST
    @Path("{id}/return")
    public SuggestionView returnAnswer(@PathParam("id") String id, ReasonRequest request) {
        return step(id, (me, sid) -> suggestions.returnAnswer(me, sid, request == null ? null : request.reason()));
    }

    @POST
    @Path("{id}/rate")
    public SuggestionView rate(@PathParam("id") String id, RateRequest request) {
        RateRequest r = request == null ? new RateRequest(null, null) : request;
        return step(id, (me, sid) -> suggestions.rate(me, sid, r.stars(), r.comment()));
    }

    @POST
    @Path("{id}/clear-flag")
    public SuggestionView clearFlag(@PathParam("id") String id) {
        return step(id, suggestions::clearFlag);
    }

    @POST
    @Path("{id}/milestones")
    public Response milestone(@PathParam("id") String id, MilestoneRequest request) {
        InputActor me = actor.get();
        MilestoneRequest r = request == null ? new MilestoneRequest(null, null, null) : request;
        LocalDate date;
        try {
            date = r.date() == null ? null : LocalDate.parse(r.date());
        } catch (DateTimeParseException e) {
            throw Problem.invalid("date", "validation.date");
        }
        Milestone m = milestones.add(me, Ids.parse(id), date, r.text(), r.progress());
        return Response.status(201).entity(new SuggestionView.MilestoneView(m.getId(), m.getDueOn(), m.getText(),
                m.getProgress(), m.getStatus().name())).build();
    }

    @POST
    @Path("milestones/{milestoneId}/publish")
    public SuggestionView.MilestoneView publishMilestone(@PathParam("milestoneId") String milestoneId) {
        Milestone m = milestones.publish(actor.get(), Ids.parse(milestoneId));
        return new SuggestionView.MilestoneView(m.getId(), m.getDueOn(), m.getText(), m.getProgress(), m.getStatus().name());
    }

    /** Raw upload: the body is the file (image or PDF, at most 5 MiB), its name in {@code ?name=}. */
    @POST
    @Path("{id}/attachments")
    @Consumes({"image/jpeg", "image/png", "image/webp", "application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    public Response attach(@PathParam("id") String id, @QueryParam("name") String name, InputStream body) throws IOException {
        InputActor me = actor.get();
        byte[] content = body == null ? new byte[0] : body.readNBytes(InputAttachments.MAX_BYTES + 1);
        SuggestionAttachment a = suggestions.attach(me, Ids.parse(id), name, content);
        return Response.status(201).entity(new SuggestionView.AttachmentView(a.getId(), a.getFileName(), a.getMediaType(),
                a.getSize())).build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        SuggestionAttachment a = suggestions.attachment(actor.get(), Ids.parse(id), Ids.parse(attachmentId));
        return Files.inline(a.getContent(), a.getMediaType(), a.getFileName());
    }

    /** Staff: send today's due reminders now (the scheduler does the same every few minutes). */
    @POST
    @Path("reminders/run")
    public InputReminders.Run runReminders() {
        InputActor me = actor.get();
        if (!me.organiser() && !me.admin()) {
            throw Problem.forbidden();
        }
        return reminders.runToday();
    }

    /**
     * One step of the workflow on the suggestion in the path: the caller (401/403 first), then the id (404), then the
     * step; answers with the suggestion as the caller may see it.
     */
    private SuggestionView step(String id, BiFunction<InputActor, Long, Suggestion> action) {
        InputActor me = actor.get();
        return suggestionViews.view(me, action.apply(me, Ids.parse(id)));
    }

    static InputStatus status(String status) {
        return Enums.optional("status", status, InputStatus.class);
    }
}
