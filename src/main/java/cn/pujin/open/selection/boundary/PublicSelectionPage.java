package cn.pujin.open.selection.boundary;

import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.selection.control.Objections;
import cn.pujin.open.selection.control.Selections;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * {@code /events/selection.xhtml?id=}: the published list of representatives (公示), masked, with everything needed to
 * check it (the committed seed, every run, the applications the draw ran over), the objection period with its form,
 * the published answers to objections and every change they led to.
 */
@Named
@ViewScoped
public class PublicSelectionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Selections selections;

    @Inject
    Objections objections;

    @Inject
    PublicEvents publicEvents;

    @Inject
    CurrentUser user;

    @Inject
    CurrentInputActor actor;

    private String id;
    private Long eventId;
    private Selections.SelectionView selection;
    private EventView event;
    private List<Objections.ObjectionView> objectionList;
    private String objectionText;

    public void load() {
        try {
            eventId = Long.valueOf(id);
            event = publicEvents.published(eventId).orElseThrow(Problem::notFound);
            read();
        } catch (NumberFormatException | Problem e) {
            Faces.notFound();
        }
    }

    private void read() {
        selection = selections.get(eventId, false);
        InputActor me = actor.orNull();
        objectionList = objections.views(objections.ofEvent(eventId, me), me);
    }

    public void object() {
        try {
            var o = objections.raise(user.require(), eventId, new Objections.ObjectionRequest(objectionText));
            Faces.info("selection.objection.sent", objections.view(o, actor.orNull()).number());
            Faces.keepMessages();
            Faces.redirect("/events/selection.xhtml?id=" + eventId);
        } catch (Problem e) {
            Faces.show(e, "objection", Map.of("text", "text"));
        }
    }

    public boolean isSignedIn() {
        return user.isSignedIn() && user.stationId().isEmpty();
    }

    public int getTextMin() { return Objections.TEXT_MIN; }
    public int getTextMax() { return InputWorkflow.TEXT_MAX; }
    public Selections.SelectionView getSelection() { return selection; }
    public EventView getEvent() { return event; }
    public List<Objections.ObjectionView> getObjections() { return objectionList; }
    public String getObjectionText() { return objectionText; }
    public void setObjectionText(String objectionText) { this.objectionText = objectionText; }
    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
}
