package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.selection.control.SelectionRules;
import cn.pujin.open.selection.control.Selections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /events/{id}/selection-rule}: seats, minimums per category, stakeholders first, alternates. */
@Path("events/{eventId}/selection-rule")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SelectionRuleResource {

    @Inject
    Selections selections;

    @Inject
    SelectionRules rules;

    @Inject
    CurrentUser user;

    @PUT
    public SelectionRules.RuleView set(@PathParam("eventId") String eventId, SelectionRules.RuleRequest request) {
        return rules.setRule(user.require(Role.ORGANISER), Ids.parse(eventId), request);
    }

    @GET
    public SelectionRules.RuleView get(@PathParam("eventId") String eventId) {
        user.require(Role.ORGANISER);
        return rules.rule(Ids.parse(eventId));
    }
}
