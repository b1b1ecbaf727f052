package cn.pujin.open.checkin.boundary;

import java.util.Base64;
import cn.pujin.open.pass.control.PassArt;
import cn.pujin.open.platform.control.Links;
import jakarta.faces.context.FacesContext;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.checkin.control.CheckInReports;
import cn.pujin.open.checkin.control.Stations;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.Times;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * {@code /organiser/checkin/station.xhtml?event=} (the door: camera, scanner, manual search, live counter,
 * offline queue — the scanning itself runs in the browser against the API) and
 * {@code /organiser/checkin/summary.xhtml?event=} (figures, stations with their keys, failed scans, no-shows).
 */
@Named
@ViewScoped
public class CheckInPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Events events;

    @Inject
    Stations stations;

    @Inject
    CheckInReports reports;

    @Inject
    CurrentUser user;

    private String event;
    private Long eventId;
    private String title;
    private OffsetDateTime startsAt;
    private boolean meeting;
    private String stationName;
    private String createdKey;
    private String createdName;
    private transient CheckInReports.Summary summary;
    private transient List<Stations.StationView> stationList;

    public void load() {
        try {
            Event e = events.working(Long.valueOf(event));
            eventId = e.getId();
            title = e.getTitle();
            startsAt = Times.local(e.getStartsAt());
            meeting = e.getKind() == EventKind.DECISION_MEETING;
        } catch (NumberFormatException | Problem e) {
            Faces.notFound();
        }
    }

    public CheckInReports.Summary getSummary() {
        if (summary == null && eventId != null) {
            summary = reports.summary(events.working(eventId));
        }
        return summary;
    }

    public List<Stations.StationView> getStations() {
        if (stationList == null && eventId != null) {
            stationList = stations.forEvent(eventId);
        }
        return stationList;
    }

    public void createStation() {
        try {
            Stations.StationView created = stations.create(user.require(), eventId, stationName);
            createdKey = created.key();
            createdName = created.name();
            stationName = null;
            stationList = null;
        } catch (Problem p) {
            Faces.show(p, "stations", Map.of("name", "stations:stationName"));
        }
    }

    public void revokeStation(Long stationId) {
        stations.revoke(user.require(), eventId, stationId);
        stationList = null;
        Faces.info("station.revoked.done");
    }

    @Inject
    Links links;

    /**
     * The pairing link of the station just created (pretix-style device pairing): a phone that opens it becomes that
     * station — no account, this event only, until revoked. The key travels in the fragment, which browsers never send.
     */
    public String getPairingUrl() {
        return createdKey == null ? null : links.to("/station/#k=" + createdKey);
    }

    /** The pairing link as a QR code to scan with the volunteer's phone (a data: URL: the key is never stored). */
    public String getPairingQr() {
        return createdKey == null ? null
                : "data:image/png;base64," + Base64.getEncoder().encodeToString(PassArt.png(getPairingUrl(), 320));
    }

    public void forgetKey() {
        createdKey = null;
    }

    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
    public Long getEventId() { return eventId; }
    public String getTitle() { return title; }
    public OffsetDateTime getStartsAt() { return startsAt; }
    public boolean isMeeting() { return meeting; }
    public String getStationName() { return stationName; }
    public void setStationName(String stationName) { this.stationName = stationName; }
    public String getCreatedKey() { return createdKey; }
    public String getCreatedName() { return createdName; }

    /** A failed scan's reason in the page's language (codes such as REISSUED, KEY_EXPIRED, WAITLISTED). */
    public String reason(String code) {
        return Messages.label(FacesContext.getCurrentInstance().getViewRoot().getLocale(), "checkin.reason.", code);
    }
}
