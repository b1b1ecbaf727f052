package cn.pujin.open.event.boundary;

import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Links;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;

/**
 * {@code /events/detail.xhtml?id=}: the approved public version of one event; 404 otherwise. View-scoped for its id
 * only: the register, apply and suggestion forms post back without the query string, and the event is read again
 * on every request (seats left change).
 */
@Named
@ViewScoped
public class EventDetailPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    PublicEvents publicEvents;

    @Inject
    Links links;

    private String id;

    public void load() {
        if (getEvent() == null) {
            Faces.notFound();
        }
    }

    /** Read once per request (kept in the request's FacesContext, not in the view). */
    public EventView getEvent() {
        return ((Optional<?>) FacesContext.getCurrentInstance().getAttributes()
                .computeIfAbsent(EventDetailPage.class, k -> read())).map(EventView.class::cast).orElse(null);
    }

    private Optional<EventView> read() {
        try {
            return id == null ? Optional.empty() : publicEvents.published(Long.valueOf(id));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    public String getCalendarUrl() {
        return "/api/v1/events/" + getEvent().id() + "/calendar.ics";
    }

    /** webcal:// makes phones and desktop calendars offer to subscribe instead of downloading once. */
    public String getSubscribeUrl() {
        return links.webcal("/api/v1/calendar.ics");
    }

    /** The page's own address on the public site: what is shared and what the poster's QR code opens. */
    public String getShareUrl() {
        return links.to("/events/detail.xhtml?id=" + getEvent().id());
    }

    /** The poster as a picture, for link previews (Open Graph). */
    public String getPosterImageUrl() {
        return links.to("/api/v1/events/" + getEvent().id() + "/poster.png");
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
