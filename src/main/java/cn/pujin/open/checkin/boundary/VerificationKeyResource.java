package cn.pujin.open.checkin.boundary;

import cn.pujin.open.checkin.control.CheckInReports;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /events/{id}/verification-key}: what a station caches to verify passes without a network. */
@Path("events/{id}/verification-key")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class VerificationKeyResource {

    @Inject
    CheckInAccess access;

    @Inject
    CheckInReports reports;

    @GET
    public CheckInReports.VerificationKey get(@PathParam("id") String id) {
        return reports.verificationKey(access.event(id));
    }
}
