package cn.pujin.open.registration.boundary;

import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.control.Retention;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code /retention}: what the retention job will anonymise (GET) and running it now (POST), for admins. */
@Consumes(MediaType.APPLICATION_JSON)
@Path("retention")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @Inject
    Retention retention;

    @Inject
    CurrentUser user;

    public record Preview(int months, OffsetDateTime cutoff, List<Retention.Due> due) {}

    @GET
    public Preview preview() {
        user.require(Role.ADMIN);
        return new Preview(retention.months(), Times.local(retention.cutoff()), retention.preview());
    }

    @POST
    @Path("run")
    public Retention.Run run() {
        return retention.run(user.require(Role.ADMIN));
    }
}
