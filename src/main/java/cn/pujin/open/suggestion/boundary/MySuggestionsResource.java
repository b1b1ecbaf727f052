package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.suggestion.control.SuggestionView;
import cn.pujin.open.suggestion.control.SuggestionViews;
import cn.pujin.open.suggestion.control.Suggestions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /me/suggestions}: own suggestions with their status and, once published, the answers. */
@Path("me/suggestions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MySuggestionsResource {

    @Inject
    Suggestions suggestions;

    @Inject
    SuggestionViews suggestionViews;

    @Inject
    CurrentInputActor actor;

    @GET
    public Page<SuggestionView> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
        InputActor me = actor.get();
        var found = suggestions.mine(me.id(), Paging.of(page, size));
        return new Page<>(suggestionViews.views(me, found.items()), found.total());
    }
}
