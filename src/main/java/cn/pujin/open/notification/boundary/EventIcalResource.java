package cn.pujin.open.notification.boundary;

import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.notification.control.IcalFeed;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code GET /events/{id}/calendar.ics}: one published event for a calendar app. */
@Path("events/{id}/calendar.ics")
@RequestScoped
public class EventIcalResource {

    @Inject
    PublicEvents publicEvents;

    @Inject
    IcalFeed feed;

    @GET
    @Produces(IcalResource.TEXT_CALENDAR)
    public Response calendar(@PathParam("id") String id, @Context Request request) {
        PublicEvents.Published event = publicEvents.publishedForCalendar(Ids.parse(id)).orElseThrow(Problem::notFound);
        return IcalResource.respond(request, feed.render(List.of(event), event.view().title()), "event-" + event.view().id() + ".ics");
    }
}
