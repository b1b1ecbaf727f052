package cn.pujin.open.event.boundary;

import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.platform.boundary.Faces;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code /events/detail.xhtml?id=}: the approved public version of one event; 404 otherwise. */
@Named
@RequestScoped
public class EventDetailPage {

    @Inject
    PublicEvents publicEvents;

    @Inject
    cn.pujin.open.platform.control.Links links;

    private String id;
    private EventView event;

    public void load() {
        try {
            event = publicEvents.published(id == null ? null : Long.valueOf(id)).orElse(null);
        } catch (NumberFormatException e) {
            event = null;
        }
        if (event == null) {
            Faces.notFound();
        }
    }

    public EventView getEvent() {
        return event;
    }

    public String getCalendarUrl() {
        return "/api/v1/events/" + event.id() + "/calendar.ics";
    }

    /** webcal:// makes phones and desktop calendars offer to subscribe instead of downloading once. */
    public String getSubscribeUrl() {
        return links.webcal("/api/v1/calendar.ics");
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
