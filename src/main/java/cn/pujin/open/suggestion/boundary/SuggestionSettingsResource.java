package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.suggestion.control.SuggestionSettings;
import cn.pujin.open.suggestion.control.Suggestions;
import cn.pujin.open.suggestion.entity.SuggestionSetting;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /events/{id}/suggestion-settings}: days after the event that suggestions are taken, working days to answer. */
@Path("events/{eventId}/suggestion-settings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SuggestionSettingsResource {

    @Inject
    Suggestions suggestions;

    @Inject
    SuggestionSettings suggestionSettings;

    @Inject
    CurrentInputActor actor;

    public record Settings(Integer windowDays, Integer answerDays) {
        static Settings of(SuggestionSetting s) {
            return new Settings(s.getWindowDays(), s.getAnswerDays());
        }
    }

    @GET
    public Settings settings(@PathParam("eventId") String eventId) {
        actor.get();
        return Settings.of(suggestionSettings.setting(Ids.parse(eventId)));
    }

    @PUT
    public Settings change(@PathParam("eventId") String eventId, Settings request) {
        Settings r = request == null ? new Settings(null, null) : request;
        return Settings.of(suggestionSettings.change(actor.get(), Ids.parse(eventId), r.windowDays(), r.answerDays()));
    }
}
