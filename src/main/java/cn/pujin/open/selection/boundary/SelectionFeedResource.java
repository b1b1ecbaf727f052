package cn.pujin.open.selection.boundary;

import cn.pujin.open.selection.control.SelectionFeeds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/** {@code /selections/feed.atom}: every published 公示 and each re-publication after a sustained objection. */
@Path("selections/feed.atom")
@RequestScoped
public class SelectionFeedResource {

    @Inject
    SelectionFeeds feeds;

    @GET
    @Produces("application/atom+xml")
    public Response feed() {
        return Response.ok(feeds.atom(), "application/atom+xml; charset=UTF-8").header("Cache-Control", "public, max-age=300").build();
    }
}
