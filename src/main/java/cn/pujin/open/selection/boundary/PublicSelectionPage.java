package cn.pujin.open.selection.boundary;

import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.selection.control.Selections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** {@code /events/selection.xhtml?id=}: the published list of representatives (公示), masked. */
@Named
@RequestScoped
public class PublicSelectionPage {

    @Inject
    Selections selections;

    @Inject
    PublicEvents publicEvents;

    private String id;
    private Selections.SelectionView selection;
    private EventView event;

    public void load() {
        try {
            Long eventId = Long.valueOf(id);
            event = publicEvents.published(eventId).orElseThrow(Problem::notFound);
            selection = selections.get(eventId, false);
        } catch (NumberFormatException | Problem e) {
            Faces.notFound();
        }
    }

    public Selections.SelectionView getSelection() { return selection; }
    public EventView getEvent() { return event; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
