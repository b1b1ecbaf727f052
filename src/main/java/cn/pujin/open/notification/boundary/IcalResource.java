package cn.pujin.open.notification.boundary;

import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.notification.control.IcalFeed;
import cn.pujin.open.platform.control.Enums;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

/** {@code GET /calendar.ics}: every published event from 90 days ago on, optionally by kind or campaign. */
@Path("calendar.ics")
@RequestScoped
public class IcalResource {

    public static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    @Inject
    PublicEvents publicEvents;

    @Inject
    IcalFeed feed;

    @Inject
    Clock clock;

    @GET
    @Produces(TEXT_CALENDAR)
    public Response feed(@QueryParam("kind") String kind, @QueryParam("campaign") String campaign, @Context Request request) {
        EventKind k = Enums.optional("kind", kind, EventKind.class);
        if (campaign != null && campaign.length() > 60) {
            throw Problem.invalid("campaign", "validation.size.max.n", 60);
        }
        // from the start of the day 90 days ago: every poll of a day asks the same question, so the rendered feed is
        // kept (and refreshed in the background of one request) instead of rendered again for everyone each minute
        Instant from = Times.startOf(Times.day(clock.instant()).minusDays(90));
        String name = Messages.get(Messages.CHINESE, "calendar.feedName") + (campaign == null || campaign.isBlank() ? "" : " · " + campaign);
        IcalFeed.Rendered rendered = feed.publicFeed(k + "|" + campaign + "|" + from,
                () -> feed.render(publicEvents.publishedForCalendar(k, campaign, from), name));
        return respond(request, rendered, "pujin-open.ics");
    }

    /** ETag and Last-Modified so calendar apps polling the feed get 304 while nothing changed. */
    public static Response respond(Request request, IcalFeed.Rendered rendered, String filename) {
        EntityTag tag = new EntityTag(rendered.tag());
        Date modified = Date.from(rendered.lastModified().truncatedTo(ChronoUnit.SECONDS));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(modified, tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(rendered.body(), TEXT_CALENDAR).tag(tag).lastModified(modified).cacheControl(cache)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }
}
