package cn.pujin.open.suggestion.boundary;

import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.boundary.Uploads;
import cn.pujin.open.input.control.InputAttachments;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.suggestion.control.SuggestionRequest;
import cn.pujin.open.suggestion.control.Suggestions;
import cn.pujin.open.suggestion.entity.Suggestion;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.primefaces.model.file.UploadedFiles;

/** The "your suggestion" box on an event's page, for attendees while suggestions are open (with attachments). */
@Named
@ViewScoped
public class SuggestionPanel implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Suggestions suggestions;

    @Inject
    CurrentInputActor actor;

    @Inject
    CurrentUser user;

    @Inject
    PublicEvents publicEvents;

    private Long eventId;
    private Long agendaItemId;
    private String text;
    private transient UploadedFiles files;
    private transient Boolean open;
    private transient List<EventView.AgendaItemView> agendaItems;

    @PostConstruct
    void init() {
        String id = FacesContext.getCurrentInstance().getExternalContext()
                .getRequestParameterMap().get("id");
        eventId = id != null && id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
    }

    /** Whether the signed-in person may comment on this event now. */
    public boolean isOpen() {
        if (open == null) {
            open = eventId != null && user.id().map(me -> suggestions.canSuggest(me, eventId)).orElse(false);
        }
        return open;
    }

    /** The event's agenda items, held by this view so a postback does not depend on the page's request-scoped event. */
    public List<EventView.AgendaItemView> getAgendaItems() {
        if (agendaItems == null) {
            agendaItems = eventId == null ? List.of()
                    : publicEvents.published(eventId).map(EventView::agendaItems).orElse(List.of());
        }
        return agendaItems;
    }

    public void submit() {
        try {
            List<InputAttachments.Upload> uploads = Uploads.of(files);
            Suggestion s = suggestions.submit(actor.get(), eventId, new SuggestionRequest(agendaItemId, text, null, null, null), uploads);
            Faces.info("suggestion.done.submitted", Suggestions.number(s.getId()), uploads.size());
            text = null;
            agendaItemId = null;
        } catch (Problem e) {
            Faces.show(e, "suggestion", Map.of("text", "text", "agendaItemId", "agendaItem", "file", "files"));
        } catch (IOException e) {
            Faces.error("suggestion.attachment.type");
        }
    }

    public Long getAgendaItemId() { return agendaItemId; }
    public void setAgendaItemId(Long agendaItemId) { this.agendaItemId = agendaItemId; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public UploadedFiles getFiles() { return files; }
    public void setFiles(UploadedFiles files) { this.files = files; }
}
