package cn.pujin.open.event.boundary;

import java.io.InputStream;
import java.io.IOException;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.FileTypes;
import cn.pujin.open.event.entity.MaterialFile;
import cn.pujin.open.event.control.MeetingMaterials;
import cn.pujin.open.event.control.EventCopies;
import cn.pujin.open.event.control.AgendaItemDraft;
import cn.pujin.open.event.control.EventDraft;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.entity.AgendaItem;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Enums;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.platform.entity.AuditEntry;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** {@code /events}: public lists and details, the organiser's editing and the review workflow. */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventsResource {

    private static final Role[] STAFF_VIEWERS = {Role.ORGANISER, Role.REVIEWER, Role.ADMIN};

    @Inject
    Events events;

    @Inject
    PublicEvents publicEvents;

    @Inject
    CurrentUser user;

    @Inject
    Audit audit;


    public record AuditView(OffsetDateTime at, Long actorId, String action, String fromState, String toState, String reason) {}

    /**
     * Published (and cancelled) events for everyone. Staff may ask for working copies with
     * {@code status=DRAFT,IN_REVIEW,…} or {@code review=true} (everything awaiting a reviewer).
     */
    @GET
    public Response list(@QueryParam("kind") String kind, @QueryParam("from") String from,
                         @QueryParam("to") String to, @QueryParam("campaign") String campaign,
                         @QueryParam("q") String text, @QueryParam("order") String order,
                         @QueryParam("status") String status, @QueryParam("review") String review,
                         @QueryParam("page") String page, @QueryParam("size") String size) {
        Paging paging = Paging.of(page, size);
        if (status != null || "true".equals(review)) {
            user.require(STAFF_VIEWERS);
            return Response.ok(events.workingList(statuses(status), "true".equals(review), paging)).build();
        }
        // the public list goes out as the JSON kept with it (a Page<EventView>)
        return Response.ok(publicEvents.publicListJson(new PublicEvents.PublicQuery(kind(kind), Times.parseParam("from", from),
                Times.parseParam("to", to), campaign, text, "desc".equals(order)), paging), MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("{id}")
    public EventView get(@PathParam("id") String id, @QueryParam("view") String view) {
        Long eventId = Ids.parse(id);
        if (user.isAny(STAFF_VIEWERS) && !"public".equals(view)) {
            return events.workingView(events.working(eventId));
        }
        return publicEvents.published(eventId).orElseThrow(Problem::notFound);
    }

    @POST
    public Response create(EventDraft draft, @Context UriInfo uri) {
        Event event = events.create(user.require(Role.ORGANISER), draft);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(event.getId())).build())
                .entity(events.workingView(event)).build();
    }

    @PUT
    @Path("{id}")
    public EventView update(@PathParam("id") String id, EventDraft draft) {
        return events.workingView(events.update(user.require(Role.ORGANISER), Ids.parse(id), draft));
    }

    @POST
    @Path("{id}/agenda-items")
    public Response addAgendaItem(@PathParam("id") String id, AgendaItemDraft draft) {
        Long eventId = Ids.parse(id);
        AgendaItem item = events.addAgendaItem(user.require(Role.ORGANISER), eventId, draft);
        return Response.status(201).entity(agendaItemView(eventId, item.getId())).build();
    }

    @PUT
    @Path("{id}/agenda-items/{itemId}")
    public EventView.AgendaItemView updateAgendaItem(@PathParam("id") String id, @PathParam("itemId") String itemId,
                                                     AgendaItemDraft draft) {
        Long eventId = Ids.parse(id);
        AgendaItem item = events.updateAgendaItem(user.require(Role.ORGANISER), eventId, Ids.parse(itemId), draft);
        return agendaItemView(eventId, item.getId());
    }

    @DELETE
    @Path("{id}/agenda-items/{itemId}")
    public Response removeAgendaItem(@PathParam("id") String id, @PathParam("itemId") String itemId) {
        events.removeAgendaItem(user.require(Role.ORGANISER), Ids.parse(id), Ids.parse(itemId));
        return Response.noContent().build();
    }

    @Inject
    EventCopies copies;

    @Inject
    MeetingMaterials materials;

    /** Raw upload of a meeting material (organiser): the body is the file, its name in {@code ?name=}. */
    @POST
    @Path("{id}/materials")
    @Consumes({"application/pdf", FileTypes.DOCX, FileTypes.XLSX, "image/png", "image/jpeg", "image/webp",
            MediaType.APPLICATION_OCTET_STREAM})
    public Response uploadMaterial(@PathParam("id") String id, @QueryParam("name") String name, InputStream body) throws IOException {
        Long me = user.require(Role.ORGANISER);
        byte[] content = body == null ? new byte[0] : body.readNBytes(FileTypes.MAX_FILE_BYTES + 1);
        MaterialFile f = materials.upload(me, Ids.parse(id), name, content);
        return Response.status(201).entity(new MeetingMaterials.FileView(f.getId(), f.getFileName(), f.getMediaType(), f.getSize(),
                MeetingMaterials.url(f.getId()), Times.local(f.getCreatedAt()))).build();
    }

    /** The materials rule of a meeting (organiser, reviewer): due date, published when, late, uploaded files. */
    @GET
    @Path("{id}/materials")
    public MeetingMaterials.Status materials(@PathParam("id") String id) {
        user.require(Role.ORGANISER, Role.REVIEWER);
        MeetingMaterials.Status status = materials.status(Ids.parse(id));
        if (status == null) {
            throw Problem.conflict(ProblemCode.NOT_A_MEETING, "selection.notMeeting");
        }
        return status;
    }

    /** 复制活动: a new draft from this event, agenda included. */
    @POST
    @Path("{id}/copy")
    public Response copy(@PathParam("id") String id, @Context UriInfo uri) {
        Event copy = copies.copy(user.require(Role.ORGANISER), Ids.parse(id));
        return Response.created(uri.getBaseUriBuilder().path("events").path(String.valueOf(copy.getId())).build())
                .entity(events.workingView(copy)).build();
    }

    /** A weekly or monthly series of open days from one form: separate drafts, each reviewed. */
    @POST
    @Path("series")
    public Response series(EventCopies.SeriesRequest request) {
        List<EventView> created = copies.series(user.require(Role.ORGANISER), request).stream().map(events::workingView).toList();
        return Response.status(201).entity(new Page<>(created, created.size())).build();
    }

    @POST
    @Path("{id}/submit")
    public EventView submit(@PathParam("id") String id) {
        return events.workingView(events.submit(user.require(Role.ORGANISER), Ids.parse(id)));
    }

    @POST
    @Path("{id}/approve")
    public EventView approve(@PathParam("id") String id) {
        return events.workingView(events.approve(user.require(Role.REVIEWER), Ids.parse(id)));
    }

    @POST
    @Path("{id}/reject")
    public EventView reject(@PathParam("id") String id, ReasonRequest request) {
        return events.workingView(events.reject(user.require(Role.REVIEWER), Ids.parse(id), reason(request)));
    }

    @POST
    @Path("{id}/cancel")
    public EventView cancel(@PathParam("id") String id, ReasonRequest request) {
        return events.workingView(events.cancel(user.require(Role.ORGANISER, Role.REVIEWER), Ids.parse(id), reason(request)));
    }

    @GET
    @Path("{id}/audit")
    public List<AuditView> audit(@PathParam("id") String id) {
        user.require(STAFF_VIEWERS);
        Long eventId = Ids.parse(id);
        events.working(eventId);
        return audit.of("event", eventId).stream().map(EventsResource::view).toList();
    }

    private EventView.AgendaItemView agendaItemView(Long eventId, Long itemId) {
        return events.workingView(events.working(eventId)).agendaItems().stream()
                .filter(i -> i.id().equals(itemId)).findFirst().orElseThrow(Problem::notFound);
    }

    private static String reason(ReasonRequest request) {
        return request == null ? null : request.reason();
    }

    static EventKind kind(String kind) {
        return Enums.optional("kind", kind, EventKind.class);
    }

    private static Set<EventStatus> statuses(String status) {
        Set<EventStatus> set = EnumSet.noneOf(EventStatus.class);
        if (status == null || status.isBlank()) {
            return set;
        }
        for (String s : status.split(",")) {
            try {
                set.add(EventStatus.valueOf(s.strip()));
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("status", "validation.enum", List.of(EventStatus.values()));
            }
        }
        return set;
    }

    private static AuditView view(AuditEntry a) {
        return new AuditView(Times.local(a.getAt()), a.getActorId(), a.getAction(), a.getFromState(), a.getToState(), a.getReason());
    }
}
