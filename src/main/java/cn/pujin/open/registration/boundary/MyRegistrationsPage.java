package cn.pujin.open.registration.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.control.CurrentUser;
import cn.pujin.open.notification.control.Notifications;
import cn.pujin.open.notification.entity.Notification;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.registration.control.RegistrationView;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.selection.control.Pool;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/** {@code /me/registrations.xhtml}: my registrations and applications, invitations, notices, calendar feed. */
@Named
@ViewScoped
public class MyRegistrationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Registrations registrations;

    @Inject
    Pool pool;

    @Inject
    Notifications notifications;

    @Inject
    Accounts accounts;

    @Inject
    CurrentUser user;

    @Inject
    cn.pujin.open.platform.control.Links links;

    private transient List<RegistrationView> items;
    private transient List<Pool.InvitationView> invitations;
    private Long acceptId;
    private String acceptStatement;

    public List<RegistrationView> getItems() {
        if (items == null) {
            items = registrations.views(registrations.mine(user.require()), true, true);
        }
        return items;
    }

    public List<Pool.InvitationView> getInvitations() {
        if (invitations == null) {
            invitations = pool.mine(user.require());
        }
        return invitations;
    }

    public List<Notification> getNotices() {
        return notifications.mine(user.require(), new Paging(0, 20)).items();
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

    public void cancel(Long registrationId) {
        try {
            registrations.cancel(user.require(), registrationId, false, null);
            Faces.info("registration.done.cancelled");
        } catch (Problem e) {
            Faces.show(e, "mine", Map.of());
        }
        items = null;
    }

    public void prepareAccept(Long invitationId) {
        acceptId = invitationId;
        acceptStatement = null;
    }

    public void accept() {
        try {
            pool.accept(user.require(), acceptId, acceptStatement);
            Faces.info("invitation.accepted");
            org.primefaces.PrimeFaces.current().executeScript("PF('acceptDialog').hide()");
        } catch (Problem e) {
            Faces.show(e, "acceptForm", Map.of("statement", "statement"));
        }
        items = null;
        invitations = null;
    }

    public void decline(Long invitationId) {
        try {
            pool.decline(user.require(), invitationId);
            Faces.info("invitation.declined");
        } catch (Problem e) {
            Faces.show(e, "mine", Map.of());
        }
        invitations = null;
    }

    public String getAcceptStatement() { return acceptStatement; }
    public void setAcceptStatement(String acceptStatement) { this.acceptStatement = acceptStatement; }
}
