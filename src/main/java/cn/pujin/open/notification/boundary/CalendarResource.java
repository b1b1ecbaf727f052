package cn.pujin.open.notification.boundary;

import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.notification.control.CalendarFeed;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;

/** {@code GET /calendar.ics}: every published event from 90 days ago on, optionally by kind or campaign. */
@Path("calendar.ics")
@RequestScoped
public class CalendarResource {

    public static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    @Inject
    Events events;

    @Inject
    CalendarFeed feed;

    @Inject
    Clock clock;

    @GET
    @Produces(TEXT_CALENDAR)
    public Response feed(@QueryParam("kind") String kind, @QueryParam("campaign") String campaign, @Context Request request) {
        EventKind k = cn.pujin.open.platform.control.Enums.optional("kind", kind, EventKind.class);
        if (campaign != null && campaign.length() > 60) {
            throw Problem.invalid("campaign", "validation.size.max.n", 60);
        }
        List<Events.Published> published = events.publishedForCalendar(k, campaign, clock.instant().minus(Duration.ofDays(90)));
        String name = Messages.get(Messages.CHINESE, "calendar.feedName") + (campaign == null || campaign.isBlank() ? "" : " · " + campaign);
        return respond(request, feed.feed(published, name), published, "pujin-open.ics");
    }

    /** ETag and Last-Modified so calendar apps polling the feed get 304 while nothing changed. */
    public static Response respond(Request request, String ics, List<Events.Published> events, String filename) {
        EntityTag tag = new EntityTag(sha256(ics));
        Instant lastModified = events.stream().map(Events.Published::changedAt).max(Instant::compareTo).orElse(Instant.EPOCH);
        Date modified = Date.from(lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        CacheControl cache = new CacheControl();
        cache.setMaxAge(60);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(modified, tag);
        if (notModified != null) {
            return notModified.cacheControl(cache).tag(tag).build();
        }
        return Response.ok(ics, TEXT_CALENDAR).tag(tag).lastModified(modified).cacheControl(cache)
                .header("Content-Disposition", "inline; filename=\"" + filename + "\"").build();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
