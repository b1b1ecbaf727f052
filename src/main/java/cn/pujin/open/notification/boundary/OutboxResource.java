package cn.pujin.open.notification.boundary;

import cn.pujin.open.notification.control.MailOutbox;
import cn.pujin.open.platform.control.TestControls;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /platform/outbox}: lets a benchmark hold this instance's mail sending while it counts the statements of the
 * request path alone, then let the queued mails go. Like {@code /platform/clock}, it answers 404 unless
 * {@code CLOCK_CONTROL=true}, which production never sets. Mails queued meanwhile stay in the outbox, nothing is lost.
 */
@Path("platform/outbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutboxResource {

    @Inject
    MailOutbox outbox;

    @Inject
    TestControls controls;

    public record OutboxState(Boolean paused) {}

    @GET
    public OutboxState get() {
        controls.require();
        return new OutboxState(outbox.isPaused());
    }

    @PUT
    public OutboxState set(OutboxState request) {
        controls.require();
        if (request == null || request.paused() == null) {
            throw Problem.invalid("paused", "validation.required");
        }
        outbox.pause(request.paused());
        return new OutboxState(outbox.isPaused());
    }

}
