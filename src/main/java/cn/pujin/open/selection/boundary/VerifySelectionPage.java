package cn.pujin.open.selection.boundary;

import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.selection.control.Selections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * {@code /events/verify.xhtml?id=}: the 核验 page. The page only frames the check: the browser reads the published
 * 公示 from the API and recomputes it (resources/js/verify.js), so nobody has to trust the server's own answer.
 */
@Named
@RequestScoped
public class VerifySelectionPage {

    @Inject
    Selections selections;

    @Inject
    PublicEvents publicEvents;

    private String id;
    private EventView event;

    public void load() {
        try {
            Long eventId = Long.valueOf(id);
            event = publicEvents.published(eventId).orElseThrow(Problem::notFound);
            selections.get(eventId, false);
        } catch (NumberFormatException | Problem e) {
            Faces.notFound();
        }
    }

    public Category[] getCategories() { return Category.values(); }
    public EventView getEvent() { return event; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
