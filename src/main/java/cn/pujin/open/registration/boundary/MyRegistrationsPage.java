package cn.pujin.open.registration.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.RegistrationView;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.control.Waitlist;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** {@code /me/registrations.xhtml}: my registrations and applications and my calendar feed (invitations: MyInvitationsPage, notices: MyNoticesPage). */
@Named
@ViewScoped
public class MyRegistrationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Registrations registrations;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Waitlist waitlist;

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    @Inject
    Links links;

    @Inject
    Clocks clocks;

    private transient List<RegistrationView> items;

    public List<RegistrationView> getItems() {
        if (items == null) {
            items = registrationQueries.views(registrationQueries.mine(user.require()), true, true);
        }
        return items;
    }

    public String getCalendarUrl() {
        return links.to(feedPath());
    }

    public String getWebcalUrl() {
        return links.webcal(feedPath());
    }

    private String feedPath() {
        return "/api/v1/me/calendar.ics?token=" + accounts.calendarToken(user.require(), false);
    }

    public void resetCalendar() {
        accounts.calendarToken(user.require(), true);
        Faces.info("me.calendar.reset.done");
    }

    /** Active and not yet begun: afterwards only organisers change it (409 EVENT_STARTED). */
    public boolean cancellable(RegistrationView r) {
        return r.status().isActive() && clocks.clock().instant().isBefore(r.eventStartsAt().toInstant());
    }

    public void cancel(Long registrationId) {
        try {
            waitlist.cancel(user.require(), registrationId, false, null);
            Faces.info("registration.done.cancelled");
        } catch (Problem e) {
            Faces.show(e, "mine", Map.of());
        }
        items = null;
    }
}
