package cn.pujin.open.account.control;

import cn.pujin.open.account.entity.Role;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;

/** Who is calling, and the role checks every boundary does (401 when anonymous, 403 when not allowed). */
@RequestScoped
public class CurrentUser {

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

    public Long require() {
        return id().orElseThrow(Problem::unauthenticated);
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
