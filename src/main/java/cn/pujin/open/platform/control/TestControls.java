package cn.pujin.open.platform.control;

import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The gate of the controls tests and benchmarks use ({@code /platform/clock}, {@code /platform/outbox}): 404 unless
 * {@code CLOCK_CONTROL=true}, which production never sets, and then only for organisers and admins.
 */
@ApplicationScoped
public class TestControls {

    @Inject
    @ConfigProperty(name = "CLOCK_CONTROL", defaultValue = "false")
    boolean enabled;

    @Inject
    CurrentUser user;

    public void require() {
        if (!enabled) {
            throw Problem.notFound();
        }
        user.require(Role.ORGANISER, Role.ADMIN);
    }
}
