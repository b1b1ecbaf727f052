package cn.pujin.open.platform.control;

import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/** Who is calling, and the role checks every boundary does (401 when anonymous, 403 when not allowed). */
@RequestScoped
public class CurrentUser {

    /** Check-in stations authenticate with their key as {@code station:ID} in this group. */
    public static final String STATION_PREFIX = "station:";
    public static final String STATION_ROLE = "STATION";

    @Inject
    SecurityContext security;

    public Optional<Long> id() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.valueOf(principal.getName()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The station calling with its key, if that is who calls. */
    public Optional<Long> stationId() {
        Principal principal = security.getCallerPrincipal();
        if (principal == null || !principal.getName().startsWith(STATION_PREFIX)) {
            return Optional.empty();
        }
        return Optional.of(Long.valueOf(principal.getName().substring(STATION_PREFIX.length())));
    }

    /** The signed-in person; a station key is authenticated but is nobody's account, so 403 for it. */
    public Long require() {
        return id().orElseThrow(() -> stationId().isPresent() ? Problem.forbidden() : Problem.unauthenticated());
    }

    /** The caller's id if they hold any of the roles. */
    public Long require(Role... anyOf) {
        Long id = require();
        for (Role role : anyOf) {
            if (is(role)) {
                return id;
            }
        }
        throw Problem.forbidden();
    }

    public boolean is(Role role) {
        return security.isCallerInRole(role.name());
    }

    public boolean isAny(Role... roles) {
        for (Role role : roles) {
            if (is(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean isSignedIn() {
        return id().isPresent();
    }
}
