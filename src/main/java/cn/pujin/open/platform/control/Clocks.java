package cn.pujin.open.platform.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * The one source of time. Everything injects {@link Clock}; the zone is Asia/Shanghai because every
 * event, working day and due date of the sub-district is counted there.
 *
 * <p>Integration tests that must cross a check-in or suggestion window move the clock forward through
 * {@code PUT /api/v1/platform/clock}, which exists only when {@code CLOCK_CONTROL=true}.
 */
@ApplicationScoped
public class Clocks {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final ShiftableClock clock = new ShiftableClock();

    @Produces
    public Clock clock() {
        return clock;
    }

    public void shift(Duration offset) {
        clock.offset = offset;
    }

    public Duration offset() {
        return clock.offset;
    }

    static final class ShiftableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        @Override
        public ZoneId getZone() {
            return ZONE;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.tick(Clock.offset(Clock.system(zone), offset), Duration.ofNanos(1000));
        }

        /** Microseconds: what PostgreSQL and H2 store, so an answer and a later read of it agree. */
        @Override
        public Instant instant() {
            return Instant.now().plus(offset).truncatedTo(ChronoUnit.MICROS);
        }
    }
}
