package cn.pujin.open.registration.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.RegistrationView;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** {@code /me/registrations}: the signed-in person's own registrations and applications, newest first. */
@Path("me/registrations")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class MyRegistrationsResource {

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    CurrentUser user;

    @GET
    public Page<RegistrationView> mine() {
        List<RegistrationView> views = registrationQueries.views(registrationQueries.mine(user.require()), true, true);
        return new Page<>(views, views.size());
    }
}
