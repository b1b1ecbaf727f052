package cn.pujin.open.registration.boundary;

import cn.pujin.open.event.control.Seats;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.RegistrationView;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.RegistrationStatus;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * {@code /organiser/registrations.xhtml?event=}: everyone registered for an event, paged and filtered in
 * the database, with bulk approve/reject of applications, an audited "show number" and exports.
 */
@Named
@ViewScoped
public class OrganiserRegistrationsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Registrations registrations;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Seats seats;

    @Inject
    CurrentUser user;

    private String event;
    private Long eventId;
    private String title;
    private boolean meeting;
    private List<RegistrationStatus> statuses = new ArrayList<>();
    private Category category;
    private String text;
    private List<RegistrationView> selected = new ArrayList<>();
    private String rejectReason;
    private boolean phones;
    private final Map<Long, String> revealed = new HashMap<>();

    private final LazyDataModel<RegistrationView> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) registrationQueries.forEvent(eventId, filter(), RegistrationQueries.Sort.CREATED, false, new Paging(0, 1)).total();
        }

        @Override
        public List<RegistrationView> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            int size = Math.max(1, Math.min(pageSize, Paging.MAX_SIZE));
            RegistrationQueries.Sort by = RegistrationQueries.Sort.CREATED;
            boolean descending = false;
            for (SortMeta s : sort.values()) {
                by = switch (s.getField()) {
                    case "status" -> RegistrationQueries.Sort.STATUS;
                    case "category" -> RegistrationQueries.Sort.CATEGORY;
                    default -> RegistrationQueries.Sort.CREATED;
                };
                descending = s.getOrder() == SortOrder.DESCENDING;
            }
            return registrationQueries.views(registrationQueries.forEvent(eventId, filter(), by, descending, new Paging(first / size, size)).items(),
                    false, false);
        }

        @Override
        public String getRowKey(RegistrationView r) {
            return String.valueOf(r.id());
        }

        @Override
        public RegistrationView getRowData(String key) {
            Long id = Long.valueOf(key);
            return registrationQueries.views(List.of(registrationQueries.find(id)), false, false).get(0);
        }
    };

    public void load() {
        try {
            eventId = Long.valueOf(event);
            Seats.Bookable b = seats.bookable(eventId);
            title = b.title();
            meeting = b.isMeeting();
        } catch (NumberFormatException | Problem e) {
            Faces.notFound();
        }
    }

    private RegistrationQueries.Filter filter() {
        Set<RegistrationStatus> s = statuses == null || statuses.isEmpty() ? EnumSet.noneOf(RegistrationStatus.class) : EnumSet.copyOf(statuses);
        return new RegistrationQueries.Filter(s, category == null ? Set.of() : EnumSet.of(category), text);
    }

    public void approveSelected() {
        decide(true);
    }

    public void rejectSelected() {
        decide(false);
        if (!FacesContext.getCurrentInstance().isValidationFailed()) {
            PrimeFaces.current().executeScript("PF('rejectDialog').hide()");
        }
    }

    private void decide(boolean approve) {
        if (selected == null || selected.isEmpty()) {
            Faces.error("organiser.registrations.noneSelected");
            return;
        }
        try {
            List<Registrations.Outcome> outcomes = registrations.decide(user.require(Role.ORGANISER),
                    selected.stream().map(RegistrationView::id).toList(), approve, rejectReason);
            long done = outcomes.stream().filter(Registrations.Outcome::done).count();
            Faces.info("organiser.registrations.decided", done, outcomes.size() - done);
            selected = new ArrayList<>();
            rejectReason = null;
        } catch (Problem e) {
            Faces.show(e, "rejectForm", Map.of("reason", "reason"));
        }
    }

    public void reveal(Long registrationId) {
        revealed.put(registrationId, registrations.revealPhone(user.require(Role.ORGANISER), registrationId));
    }

    public String phone(RegistrationView r) {
        return revealed.getOrDefault(r.id(), r.phone());
    }

    public boolean isRevealed(Long id) {
        return revealed.containsKey(id);
    }

    public String exportUrl(String format) {
        return "/api/v1/events/" + eventId + "/registrations/export." + format + (phones ? "?phones=true" : "");
    }

    public RegistrationStatus[] getAllStatuses() { return RegistrationStatus.values(); }
    public Category[] getCategories() { return Category.values(); }
    public LazyDataModel<RegistrationView> getModel() { return model; }
    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
    public Long getEventId() { return eventId; }
    public String getTitle() { return title; }
    public boolean isMeeting() { return meeting; }
    public List<RegistrationStatus> getStatuses() { return statuses; }
    public void setStatuses(List<RegistrationStatus> statuses) { this.statuses = statuses; }
    public Category getCategory() { return category; }
    public void setCategory(Category category) { this.category = category; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public List<RegistrationView> getSelected() { return selected; }
    public void setSelected(List<RegistrationView> selected) { this.selected = selected; }
    public String getRejectReason() { return rejectReason; }
    public void setRejectReason(String rejectReason) { this.rejectReason = rejectReason; }
    public boolean isPhones() { return phones; }
    public void setPhones(boolean phones) { this.phones = phones; }
}
