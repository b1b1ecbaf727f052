package cn.pujin.open.notification.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.notification.control.CalendarFeed;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.registration.control.Registrations;
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
public class MyCalendarResource {

    @Inject
    Accounts accounts;

    @Inject
    Registrations registrations;

    @Inject
    Events events;

    @Inject
    CalendarFeed feed;

    @GET
    @Produces(CalendarResource.TEXT_CALENDAR)
    public Response feed(@QueryParam("token") String token, @Context Request request) {
        Account account = accounts.byCalendarToken(token).orElseThrow(Problem::notFound);
        List<Events.Published> mine = registrations.confirmedEventIds(account.getId()).stream()
                .map(events::publishedForCalendar).flatMap(Optional::stream)
                .sorted((a, b) -> a.view().startsAt().compareTo(b.view().startsAt())).toList();
        return CalendarResource.respond(request, feed.render(mine, Messages.get(Messages.CHINESE, "calendar.myFeedName")),
                "my-pujin-open.ics");
    }
}
