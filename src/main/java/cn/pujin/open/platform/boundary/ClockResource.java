package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.Clocks;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * {@code /platform/clock}: lets integration tests set the application's "now" (to cross a suggestion window
 * or a due date). Answers 404 unless {@code CLOCK_CONTROL=true}, which production never sets.
 */
@Path("platform/clock")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ClockResource {

    @Inject
    Clocks clocks;

    @Inject
    TestControls controls;

    @Inject
    Clock clock;

    /** {@code now}: the instant to move to; {@code null} returns to the real time. */
    public record ClockRequest(String now) {}

    public record ClockState(OffsetDateTime now, long offsetSeconds) {}

    @GET
    public ClockState get() {
        controls.require();
        return state();
    }

    @PUT
    public ClockState set(ClockRequest request) {
        controls.require();
        if (request == null || request.now() == null) {
            clocks.shift(Duration.ZERO);
            return state();
        }
        try {
            clocks.shift(Duration.between(Instant.now(), OffsetDateTime.parse(request.now()).toInstant()));
        } catch (DateTimeParseException e) {
            throw Problem.invalid("now", "validation.date");
        }
        return state();
    }

    private ClockState state() {
        return new ClockState(clock.instant().atZone(Clocks.ZONE).toOffsetDateTime(), clocks.offset().toSeconds());
    }

}
