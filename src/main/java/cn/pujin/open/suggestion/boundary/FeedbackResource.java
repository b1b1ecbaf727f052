package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.platform.control.Enums;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.suggestion.control.Feedback;
import cn.pujin.open.suggestion.control.FeedbackView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /feedback?event=&outcome=}: public, published answers with masked authors and per-event rates. */
@Path("feedback")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    @Inject
    Feedback feedback;

    @GET
    public FeedbackView list(@QueryParam("event") String event, @QueryParam("outcome") String outcome,
                             @QueryParam("page") String page, @QueryParam("size") String size) {
        return feedback.feedback(Ids.optional("event", event), outcome(outcome), Paging.of(page, size));
    }

    static Outcome outcome(String value) {
        return Enums.optional("outcome", value, Outcome.class);
    }
}
