package cn.pujin.open.registration.boundary;

import cn.pujin.open.account.control.Contacts;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.RegistrationRequest;
import cn.pujin.open.registration.control.RegistrationView;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.control.Waitlist;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.primefaces.PrimeFaces;

/**
 * The register / apply / cancel box on an event's page, with the person's current state and the seats
 * left. Works for open days (seat or waitlist) and decision meetings (application with a statement).
 */
@Named
@ViewScoped
public class RegistrationPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Registrations registrations;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Waitlist waitlist;

    @Inject
    Seats seats;

    @Inject
    CurrentUser user;

    @Inject
    Contacts contacts;

    @Inject
    Clocks clocks;

    /** Shown on the form: registering means agreeing to this version of the privacy notice (recorded with it). */
    public String getPrivacyVersion() { return registrations.privacyVersion(); }

    private Long eventId;
    private Category category;
    private String organisation;
    private String community;
    private String ageBand;
    private String gender;
    private String statement;
    private transient RegistrationView mine;
    private transient boolean loaded;

    /** Created on the page's first (GET) request, which carries the event id; postbacks keep it. */
    @PostConstruct
    void init() {
        String id = FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("id");
        try {
            eventId = id == null ? null : Long.valueOf(id);
        } catch (NumberFormatException e) {
            eventId = null;
        }
    }

    private Seats.Bookable event() {
        return seats.bookable(eventId);
    }

    public RegistrationView getMine() {
        if (!loaded) {
            loaded = true;
            Optional<Long> me = user.id();
            mine = me.flatMap(id -> latest(id)).map(r -> registrationQueries.views(List.of(r), true, true).get(0)).orElse(null);
        }
        return mine;
    }

    /** The active registration, or the last one (to show a rejection or cancellation). */
    private Optional<Registration> latest(Long accountId) {
        return registrationQueries.active(accountId, eventId)
                .or(() -> registrationQueries.mine(accountId).stream().filter(r -> r.getEventId().equals(eventId)).findFirst());
    }

    public boolean isActive() {
        return getMine() != null && getMine().status().isActive();
    }

    /** Active and not yet begun (afterwards only organisers change it). */
    public boolean isCancellable() {
        return isActive() && clocks.clock().instant().isBefore(event().startsAt());
    }

    public boolean isOpen() {
        Seats.Bookable e = event();
        return e.status() == EventStatus.PUBLISHED && e.isOpenFor(clocks.clock().instant());
    }

    public boolean isNotYetOpen() {
        return clocks.clock().instant().isBefore(event().registrationOpensAt());
    }

    public boolean isFull() {
        return seatsLeft() == 0;
    }

    public int seatsLeft() {
        return seats.seatsLeft(eventId);
    }

    public boolean isWaitlist() {
        return event().waitlist();
    }

    public boolean isMeeting() {
        return event().isMeeting();
    }

    public void register() {
        try {
            long me = user.require();
            Registration r = registrations.register(me, eventId, RegistrationRequest.EMPTY).registration();
            // the pass is linked right under the message; a mail is mentioned only to someone who gave an address
            boolean mailed = contacts.emailOf(contacts.of(me)).isPresent();
            Faces.info(r.getStatus() == RegistrationStatus.CONFIRMED
                    ? (mailed ? "registration.done.confirmed" : "registration.done.confirmedNoMail")
                    : (mailed ? "registration.done.waitlisted" : "registration.done.waitlistedNoMail"));
        } catch (Problem e) {
            Faces.show(e, "registration", Map.of());
        }
        loaded = false;
    }

    public void apply() {
        try {
            registrations.register(user.require(), eventId, new RegistrationRequest(category, statement, organisation, community,
                    ageBand, gender));
            Faces.info("registration.done.applied");
            PrimeFaces.current().executeScript("PF('applyDialog').hide()");
            statement = null;
        } catch (Problem e) {
            Faces.show(e, "applyForm", Map.of("category", "category", "statement", "statement", "organisation", "organisation",
                    "community", "community"));
        }
        loaded = false;
    }

    public void cancel() {
        try {
            waitlist.cancel(user.require(), getMine().id(), false, null);
            Faces.info("registration.done.cancelled");
        } catch (Problem e) {
            Faces.show(e, "registration", Map.of());
        }
        loaded = false;
    }

    public Category[] getCategories() {
        return Category.values();
    }

    public int getStatementMin() {
        return Registrations.STATEMENT_MIN;
    }

    public int getStatementMax() {
        return Registrations.STATEMENT_MAX;
    }

    public Long getEventId() { return eventId; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public String getCommunity() { return community; }
    public void setCommunity(String community) { this.community = community; }
    public String getAgeBand() { return ageBand; }
    public void setAgeBand(String ageBand) { this.ageBand = ageBand; }
    public String getGender() { return gender; }
    public void setGender(String gender) { this.gender = gender; }
    public java.util.List<String> getAgeBands() { return RegistrationRequest.AGE_BANDS; }
    public java.util.List<String> getGenders() { return RegistrationRequest.GENDERS; }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public String getStatement() { return statement; }
    public void setStatement(String statement) { this.statement = statement; }
}
