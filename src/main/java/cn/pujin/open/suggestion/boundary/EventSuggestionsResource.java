package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.suggestion.control.SuggestionRequest;
import cn.pujin.open.suggestion.control.SuggestionView;
import cn.pujin.open.suggestion.control.SuggestionViews;
import cn.pujin.open.suggestion.control.Suggestions;
import cn.pujin.open.suggestion.entity.Suggestion;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** {@code /events/{id}/suggestions}: attendees comment, staff enter paper or oral comments; staff list them. */
@Path("events/{eventId}/suggestions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class EventSuggestionsResource {

    @Inject
    Suggestions suggestions;

    @Inject
    SuggestionViews suggestionViews;

    @Inject
    CurrentInputActor actor;

    @POST
    public Response submit(@PathParam("eventId") String eventId, SuggestionRequest request, @Context UriInfo uri) {
        InputActor me = actor.get();
        Suggestion s = suggestions.submit(me, Ids.parse(eventId), request);
        return Response.created(uri.getBaseUriBuilder().path("suggestions").path(String.valueOf(s.getId())).build())
                .entity(suggestionViews.view(me, s)).build();
    }

    /** Staff: the event's suggestions (a handler sees only their department's). */
    @GET
    public Page<SuggestionView> list(@PathParam("eventId") String eventId, @QueryParam("status") String status,
                                     @QueryParam("page") String page, @QueryParam("size") String size) {
        InputActor me = actor.get();
        var found = suggestions.queue(me, new Suggestions.QueueFilter(SuggestionsResource.status(status), null, false,
                Ids.parse(eventId), false), Paging.of(page, size));
        return new Page<>(suggestionViews.views(me, found.items()), found.total());
    }
}
