package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.CurrentUser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The signed-in person's own profile: the only place their full phone number is shown. */
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    @Inject
    cn.pujin.open.platform.control.Links links;

    public record EmailRequest(String email) {}

    public record CalendarToken(String token, String url) {}

    @GET
    public AccountsResource.AccountView me() {
        return AccountsResource.view(accounts, accounts.get(user.require()), true);
    }

    @PUT
    @Path("email")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccountsResource.AccountView email(EmailRequest request) {
        Long me = user.require();
        return AccountsResource.view(accounts, accounts.changeEmail(me, request == null ? null : request.email()), true);
    }

    /** The personal calendar feed's address; {@code POST} replaces the secret (old links stop working). */
    @GET
    @Path("calendar-token")
    public CalendarToken calendarToken() {
        return token(accounts.calendarToken(user.require(), false));
    }

    @POST
    @Path("calendar-token")
    public CalendarToken resetCalendarToken() {
        return token(accounts.calendarToken(user.require(), true));
    }

    private CalendarToken token(String token) {
        return new CalendarToken(token, links.to("/api/v1/me/calendar.ics?token=" + token));
    }
}
