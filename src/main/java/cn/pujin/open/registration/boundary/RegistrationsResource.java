package cn.pujin.open.registration.boundary;

import cn.pujin.open.registration.control.EventReminders;
import cn.pujin.open.platform.boundary.ReasonRequest;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.RegistrationView;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.control.Waitlist;
import cn.pujin.open.registration.entity.Registration;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /registrations/{id}}: the owner's or organiser's view, cancel, and moderation of applications. */
@Path("registrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegistrationsResource {

    @Inject
    Registrations registrations;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Waitlist waitlist;

    @Inject
    CurrentUser user;


    public record Decisions(List<Long> ids, String action, String reason) {}

    @Inject
    EventReminders reminders;

    public record ReminderRun(int sent) {}

    /** Staff: send the reminders of tomorrow's events now (the scheduler does the same every few minutes). */
    @POST
    @Path("reminders/run")
    public ReminderRun runReminders() {
        user.require();
        if (!user.is(Role.ORGANISER) && !user.is(Role.ADMIN)) {
            throw Problem.forbidden();
        }
        return new ReminderRun(reminders.run());
    }

    @GET
    @Path("{id}")
    public RegistrationView get(@PathParam("id") String id) {
        Long me = user.require();
        boolean organiser = user.is(Role.ORGANISER);
        Registration r = registrationQueries.visible(Ids.parse(id), me, organiser);
        return view(r, me);
    }

    @POST
    @Path("{id}/cancel")
    public RegistrationView cancel(@PathParam("id") String id, ReasonRequest request) {
        Long me = user.require();
        Registration r = waitlist.cancel(me, Ids.parse(id), user.is(Role.ORGANISER), request == null ? null : request.reason());
        return view(r, me);
    }

    @POST
    @Path("{id}/approve")
    public RegistrationView approve(@PathParam("id") String id) {
        Long me = user.require(Role.ORGANISER);
        return view(registrations.approve(me, Ids.parse(id)), me);
    }

    @POST
    @Path("{id}/reject")
    public RegistrationView reject(@PathParam("id") String id, ReasonRequest request) {
        Long me = user.require(Role.ORGANISER);
        return view(registrations.reject(me, Ids.parse(id), request == null ? null : request.reason()), me);
    }

    /** Bulk moderation: {@code {"ids":[…],"action":"APPROVE"|"REJECT","reason":"…"}}; answers per id. */
    @POST
    @Path("decisions")
    public List<Registrations.Outcome> decide(Decisions request) {
        Long me = user.require(Role.ORGANISER);
        if (request == null || request.action() == null
                || !("APPROVE".equals(request.action()) || "REJECT".equals(request.action()))) {
            throw Problem.invalid("action", "validation.enum", List.of("APPROVE", "REJECT"));
        }
        return registrations.decide(me, request.ids(), "APPROVE".equals(request.action()), request.reason());
    }

    private RegistrationView view(Registration r, Long me) {
        boolean owner = r.getAccountId().equals(me);
        return registrationQueries.views(List.of(r), owner, owner).get(0);
    }
}
