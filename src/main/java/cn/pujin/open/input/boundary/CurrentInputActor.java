package cn.pujin.open.input.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/** The caller as the citizen-input workflow sees them (suggestions, consultation comments…): id, roles, and a handler's department. */
@RequestScoped
public class CurrentInputActor {

    @Inject
    CurrentUser user;

    @Inject
    Accounts accounts;

    private InputActor actor;

    /** 401 when anonymous, 403 for a station key. */
    public InputActor get() {
        if (actor == null) {
            Long id = user.require();
            boolean handler = user.is(Role.HANDLER);
            actor = new InputActor(id, user.is(Role.ORGANISER), user.is(Role.REVIEWER), handler, user.is(Role.ADMIN),
                    handler ? accounts.get(id).getDepartmentId() : null);
        }
        return actor;
    }

    /** The caller, or null when nobody (or a station) is signed in: for what anyone may read. */
    public InputActor orNull() {
        return user.isSignedIn() && user.stationId().isEmpty() ? get() : null;
    }
}
