package cn.pujin.open.checkin.boundary;

import cn.pujin.open.checkin.control.CheckInReports;
import cn.pujin.open.checkin.control.LiveCheckIns;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Csv;
import cn.pujin.open.platform.control.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code /events/{id}/checkins}: the summary (organisers), the roster for manual search, the no-shows
 * export and the live counter stream (organisers and the event's stations).
 */
@Path("events/{id}/checkins")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventCheckInsResource {

    @Inject
    CheckInAccess access;

    @Inject
    CheckInReports reports;

    @Inject
    LiveCheckIns live;

    @Inject
    Audit audit;

    @GET
    @Path("summary")
    public CheckInReports.Summary summary(@PathParam("id") String id) {
        return reports.summary(access.organiserEvent(id));
    }

    @GET
    @Path("roster")
    public List<CheckInReports.Person> roster(@PathParam("id") String id, @QueryParam("q") String q) {
        Event event = access.event(id);
        return reports.search(event.getId(), q);
    }

    /** No-shows as CSV (UTF-8 with BOM for Excel), masked names; the export is audited. */
    @GET
    @Transactional
    @Path("no-shows.csv")
    @Produces("text/csv")
    public Response noShows(@PathParam("id") String id) {
        Long me = access.organiser();
        Event event = access.organiserEvent(id);
        String csv = Csv.document(Stream.of("number", "name", "phoneTail", "category")
                        .map(c -> Messages.get(Messages.CHINESE, "checkin.noShows.csv." + c)).toList(),
                reports.summary(event).noShows().stream().map(p -> Arrays.asList(p.number(), p.name(), p.phoneTail(),
                        p.category() == null ? "" : p.category().name())).toList());
        audit.record(me, "event", event.getId(), "checkin.noShows.export", null, null, null);
        return Response.ok(csv.getBytes(StandardCharsets.UTF_8), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"no-shows-" + event.getId() + ".csv\"").build();
    }

    /** Server-Sent Events: {@code checkin} messages with the counts (and the latest scan) within a second. */
    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@PathParam("id") String id, @Context SseEventSink sink, @Context Sse sse) {
        Event event = access.event(id);
        live.subscribe(event.getId(), sink, sse);
    }
}
