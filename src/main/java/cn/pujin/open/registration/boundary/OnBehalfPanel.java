package cn.pujin.open.registration.boundary;

import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.control.OnBehalfRequest;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.Source;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Map;
import org.primefaces.PrimeFaces;

/** The 代为报名 / 现场登记 dialog on an event's registrations page (organisers). */
@Named
@ViewScoped
public class OnBehalfPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    private static final Map<String, String> FIELDS = Map.of("name", "name", "phone", "phone", "category", "category",
            "source", "source", "consent", "consent");

    @Inject
    Registrations registrations;

    @Inject
    CurrentUser user;

    private Long eventId;
    private String name;
    private String phone;
    private Category category = Category.RESIDENT;
    private Source source = Source.PROXY;
    private boolean consent;
    private boolean override;
    private Long registered;

    @PostConstruct
    void init() {
        String event = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("event");
        try {
            eventId = event == null ? null : Long.valueOf(event);
        } catch (NumberFormatException e) {
            eventId = null;
        }
    }

    public void register() {
        registered = null;
        try {
            Registration r = registrations.registerOnBehalf(user.require(Role.ORGANISER), eventId,
                    new OnBehalfRequest(name, phone, category, source, consent, override));
            registered = r.getId();
            Faces.info("onBehalf.done", r.number());
            PrimeFaces.current().executeScript("PF('onBehalfDialog').hide()");
            // the list behind the dialog shows the new registration and the message; a refusal stays in the dialog
            PrimeFaces.current().ajax().update(":registrations");
            name = null;
            phone = null;
            consent = false;
            override = false;
        } catch (RuntimeException e) {
            Faces.show(e, "onBehalfForm", FIELDS);
        }
    }

    public Category[] getCategories() { return Category.values(); }
    public Source[] getSources() { return new Source[]{Source.PROXY, Source.WALK_IN}; }
    public Long getRegistered() { return registered; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public Source getSource() { return source; }
    public void setSource(Source source) { this.source = source; }
    public boolean isConsent() { return consent; }
    public void setConsent(boolean consent) { this.consent = consent; }
    public boolean isOverride() { return override; }
    public void setOverride(boolean override) { this.override = override; }
}
