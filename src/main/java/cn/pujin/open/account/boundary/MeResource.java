package cn.pujin.open.account.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.Credentials;
import cn.pujin.open.platform.boundary.Language;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.PersonalDataExport;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;

/** The signed-in person's own profile: the only place their full phone number is shown. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("me")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    Accounts accounts;

    @Inject
    Credentials credentials;

    @Inject
    CurrentUser user;

    @Inject
    Links links;

    public record EmailRequest(String email) {}

    public record DeletionRequest(String password) {}

    public record Deletion(boolean deleted, OffsetDateTime deletedAt) {}

    @Inject
    PersonalDataExport export;

    @Inject
    HttpServletRequest request;

    /** All my data as JSON (PIPL right of access and portability). */
    @GET
    @Path("data")
    public Response data() {
        var data = export.of(user.require(), "json");
        return Response.ok(data, MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"my-data.json\"").header("Cache-Control", "private, no-store").build();
    }

    /** The same as a readable, printable page. */
    @GET
    @Path("data.html")
    @Produces(MediaType.TEXT_HTML)
    public Response dataHtml() {
        var data = export.of(user.require(), "html");
        String html = PersonalDataExport.html(data, Language.of(request));
        return Response.ok(html, "text/html; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"my-data.html\"").header("Cache-Control", "private, no-store").build();
    }

    /** Deletes my account after I confirm my password: personal fields are cleared, the rest stays anonymous. */
    @POST
    @Path("deletion")
    @Consumes(MediaType.APPLICATION_JSON)
    public Deletion delete(DeletionRequest body) {
        var account = accounts.delete(user.require(), body == null ? null : body.password());
        try {
            if (request.getSession(false) != null) {
                request.getSession(false).invalidate();
            }
        } catch (IllegalStateException alreadyInvalid) {
            // nothing to end
        }
        return new Deletion(true, Times.local(account.getDeletedAt()));
    }

    public record PasswordChange(String currentPassword, String password) {}

    /**
     * A new password, the current one confirmed. Every other session of the account ends (on every instance) and its
     * cached credentials are forgotten; the session that asked stays signed in.
     */
    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response password(PasswordChange change) {
        Long me = user.require();
        int epoch = credentials.changePassword(me, change == null ? null : change.currentPassword(), change == null ? null : change.password());
        var session = request.getSession(false);
        if (session != null && session.getAttribute(AppAuthentication.SESSION_ACCOUNT) != null) {
            AppAuthentication.signedIn(session, me, epoch);
        }
        return Response.noContent().build();
    }

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
        if (request == null) {
            throw Problem.invalid("email", "validation.body");
        }
        return AccountsResource.view(accounts, accounts.changeEmail(me, request.email()), true);
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
