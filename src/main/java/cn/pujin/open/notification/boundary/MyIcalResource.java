package cn.pujin.open.notification.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.notification.control.IcalFeed;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.registration.control.RegistrationQueries;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/**
 * {@code /me/calendar.ics?token=…}: the events a person is confirmed for, for calendar apps that cannot
 * sign in. The token is a per-person secret that can be reset from "my page"; a wrong token is a 404.
 */
@Path("me/calendar.ics")
@RequestScoped
public class MyIcalResource {

    @Inject
    Accounts accounts;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    PublicEvents publicEvents;

    @Inject
    IcalFeed feed;

    @GET
    @Produces(IcalResource.TEXT_CALENDAR)
    public Response feed(@QueryParam("token") String token, @Context Request request) {
        Account account = accounts.byCalendarToken(token).orElseThrow(Problem::notFound);
        List<PublicEvents.Published> mine = registrationQueries.confirmedEventIds(account.getId()).stream()
                .map(publicEvents::publishedForCalendar).flatMap(Optional::stream)
                .sorted((a, b) -> a.view().startsAt().compareTo(b.view().startsAt())).toList();
        return IcalResource.respond(request, feed.render(mine, Messages.get(Messages.CHINESE, "calendar.myFeedName")),
                "my-pujin-open.ics");
    }
}
