package cn.pujin.open.event.boundary;

import cn.pujin.open.event.control.EventPoster;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** A published event's A4 poster with a QR code to its page: PDF to print, PNG to share (anyone, as the event is public). */
@Path("events/{id}/poster.{format: png|pdf}")
@RequestScoped
public class EventPosterResource {

    @Inject
    PublicEvents publicEvents;

    @Inject
    Links links;

    @GET
    @Produces({"image/png", "application/pdf"})
    public Response poster(@PathParam("id") String id, @PathParam("format") String format) {
        EventView event = publicEvents.published(Ids.parse(id)).orElseThrow(Problem::notFound);
        String url = links.to("/events/detail.xhtml?id=" + event.id());
        boolean png = format.equals("png");
        return Response.ok(png ? EventPoster.png(event, url) : EventPoster.pdf(event, url), png ? "image/png" : "application/pdf")
                .header("Content-Disposition", "inline; filename=\"poster-" + event.id() + "." + format + "\"")
                .header("Cache-Control", "public, max-age=300")
                .build();
    }
}
