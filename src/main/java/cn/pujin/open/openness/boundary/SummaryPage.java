package cn.pujin.open.openness.boundary;

import cn.pujin.open.event.control.Seats;
import cn.pujin.open.openness.control.Summaries;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Ids;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.Map;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFiles;

/** {@code /organiser/summary.xhtml?event=}: write the event's summary and upload its photos, then send for review. */
@Named
@ViewScoped
public class SummaryPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Summaries summaries;

    @Inject
    Seats seats;

    @Inject
    CurrentUser user;

    private String event;
    private Long eventId;
    private boolean meeting;
    private String text;
    private String caption;
    private transient UploadedFiles files;
    private transient Summaries.SummaryView view;

    public void load() {
        try {
            eventId = Ids.parse(event);
            meeting = seats.bookable(eventId).isMeeting();
            text = getView().text();
        } catch (Problem e) {
            Faces.notFound();
        }
    }

    public Summaries.SummaryView getView() {
        if (view == null && eventId != null) {
            view = summaries.view(eventId, true);
        }
        return view;
    }

    public void save() {
        try {
            summaries.write(user.require(Role.ORGANISER), eventId, text);
            Faces.info("summary.done.submitted");
        } catch (Problem e) {
            Faces.show(e, "summary", Map.of("text", "text"));
        }
        view = null;
    }

    public void upload() {
        int n = 0;
        try {
            if (files != null) {
                for (UploadedFile f : files.getFiles()) {
                    if (f.getSize() > 0) {
                        summaries.addPhoto(user.require(Role.ORGANISER), eventId, caption, f.getInputStream().readAllBytes());
                        n++;
                    }
                }
            }
            Faces.info("summary.done.uploaded", n);
            caption = null;
        } catch (Problem e) {
            Faces.show(e, "photos", Map.of("caption", "caption"));
        } catch (IOException e) {
            Faces.error("photo.type");
        }
        view = null;
    }

    public void remove(Long photoId) {
        try {
            summaries.removePhoto(user.require(Role.ORGANISER), eventId, photoId);
            Faces.info("summary.done.removed");
        } catch (Problem e) {
            Faces.show(e, "photos", Map.of());
        }
        view = null;
    }

    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
    public Long getEventId() { return eventId; }
    public boolean isMeeting() { return meeting; }
    public String getText() { return text; }
    public void setText(String text) { this.text = text; }
    public String getCaption() { return caption; }
    public void setCaption(String caption) { this.caption = caption; }
    public UploadedFiles getFiles() { return files; }
    public void setFiles(UploadedFiles files) { this.files = files; }
}
