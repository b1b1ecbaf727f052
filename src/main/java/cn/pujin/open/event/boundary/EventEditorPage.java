package cn.pujin.open.event.boundary;

import org.primefaces.model.file.UploadedFile;
import org.primefaces.event.FileUploadEvent;
import cn.pujin.open.platform.control.Links;
import cn.pujin.open.event.entity.MaterialFile;
import cn.pujin.open.event.control.Campaigns;
import cn.pujin.open.event.control.MeetingMaterials;
import java.util.HashMap;
import cn.pujin.open.event.control.EventCopies;
import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.AgendaItemDraft;
import cn.pujin.open.event.control.EventDraft;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.Events;
import cn.pujin.open.event.entity.Campaign;
import cn.pujin.open.event.entity.Event;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.event.entity.EventMode;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.event.entity.RevisionStatus;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.entity.AuditEntry;
import cn.pujin.open.platform.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.OptimisticLockException;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * {@code /organiser/event.xhtml[?id=]}: create and edit an event and its agenda, submit it for review,
 * cancel it. Times are entered as Shanghai wall-clock times.
 */
@Named
@ViewScoped
public class EventEditorPage implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The series form's fields: the event's own under "event.", and the repetition. */
    private static Map<String, String> seriesFields() {
        Map<String, String> fields = new HashMap<>();
        FIELDS.forEach((field, id) -> fields.put("event." + field, id));
        fields.put("repeat", "repeat");
        fields.put("count", "repeatCount");
        fields.put("event.kind", "kind");
        return fields;
    }

    @Inject
    EventCopies copies;

    private EventCopies.Repeat repeat;
    private Integer repeatCount = 4;

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("kind", "kind"), Map.entry("title", "title"), Map.entry("summary", "summary"),
            Map.entry("description", "description"), Map.entry("mode", "mode"), Map.entry("venue", "venue"),
            Map.entry("onlineUrl", "onlineUrl"), Map.entry("startsAt", "startsAt"), Map.entry("endsAt", "endsAt"),
            Map.entry("capacity", "capacity"), Map.entry("registrationOpensAt", "registrationOpensAt"),
            Map.entry("registrationClosesAt", "registrationClosesAt"), Map.entry("campaign", "campaign"));

    @Inject
    Events events;

    @Inject
    Campaigns campaigns;

    @Inject
    CurrentUser user;

    @Inject
    Accounts accounts;

    @Inject
    Audit audit;

    @Inject
    Clocks clocks;

    private String id;
    private EventView event;

    private EventKind kind = EventKind.OPEN_DAY;
    private String title;
    private String summary;
    private String description;
    private EventMode mode = EventMode.OFFLINE;
    private String venue;
    private String onlineUrl;
    private LocalDateTime startsAt;
    private LocalDateTime endsAt;
    private Integer capacity = 30;
    private boolean waitlist = true;
    private LocalDateTime registrationOpensAt;
    private LocalDateTime registrationClosesAt;
    private String campaign;
    private String cancelReason;

    /** The agenda item dialog. */
    private Long itemId;
    private String itemTitle;
    private String itemSummary;
    private List<MaterialRow> itemMaterials = new ArrayList<>();

    public static class MaterialRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private String title;
        private String url;

        public MaterialRow() {}

        MaterialRow(String title, String url) {
            this.title = title;
            this.url = url;
        }

        public String getTitle() { return title; }
        public void setTitle(String title) { this.title = title; }
        public String getUrl() { return url; }
        public void setUrl(String url) { this.url = url; }
    }

    public void load() {
        if (event != null) {
            return;
        }
        if (id == null || id.isBlank()) {
            LocalDate nextWeek = LocalDate.now(clocks.clock()).plusDays(7);
            startsAt = nextWeek.atTime(LocalTime.of(9, 30));
            endsAt = nextWeek.atTime(LocalTime.of(11, 30));
            return;
        }
        try {
            reload(Long.valueOf(id));
        } catch (NumberFormatException | Problem e) {
            Faces.notFound();
        }
    }

    private void reload(Long eventId) {
        event = events.workingView(events.working(eventId));
        kind = event.kind();
        title = event.title();
        summary = event.summary();
        description = event.description();
        mode = event.mode();
        venue = event.venue();
        onlineUrl = event.onlineUrl();
        startsAt = local(event.startsAt());
        endsAt = local(event.endsAt());
        capacity = event.capacity();
        waitlist = Boolean.TRUE.equals(event.waitlist());
        registrationOpensAt = local(event.registrationOpensAt());
        registrationClosesAt = local(event.registrationClosesAt());
        campaign = event.campaign();
    }

    public String save() {
        Long editor = user.require(Role.ORGANISER);
        EventDraft draft = new EventDraft(kind, title, summary, description, mode, venue, onlineUrl, offset(startsAt),
                offset(endsAt), capacity, waitlist, offset(registrationOpensAt), offset(registrationClosesAt), campaign,
                event == null ? null : event.version());
        if (event == null && repeat != null) {
            return saveSeries(editor, draft);
        }
        try {
            Event saved = event == null ? events.create(editor, draft) : events.update(editor, event.id(), draft);
            Faces.info("editor.saved");
            Faces.keepMessages();
            Faces.redirect("/organiser/event.xhtml?id=" + saved.getId());
        } catch (RuntimeException e) {
            if (isConflict(e)) {
                reload(event.id());
                Faces.error("editor.conflict");
                return null;
            }
            Faces.show(e, "editor", FIELDS);
        }
        return null;
    }

    /** A weekly or monthly series from the new-event form: separate drafts, listed on the organiser's page. */
    private String saveSeries(Long editor, EventDraft draft) {
        try {
            List<Event> created = copies.series(editor, new EventCopies.SeriesRequest(draft, repeat, repeatCount));
            Faces.info("editor.seriesSaved", created.size());
            Faces.keepMessages();
            Faces.redirect("/organiser/");
        } catch (RuntimeException e) {
            Faces.show(e, "editor", seriesFields());
        }
        return null;
    }

    @Inject
    MeetingMaterials materials;

    @Inject
    Links links;

    /** The materials rule of a meeting (null for open days and new events). */
    public MeetingMaterials.Status getMaterialsStatus() {
        return event == null || !event.isMeeting() ? null : materials.status(event.id());
    }

    /** A file chosen in the agenda item dialog: stored at once, added as a material row of the item. */
    public void uploadMaterial(FileUploadEvent upload) {
        try {
            UploadedFile f = upload.getFile();
            MaterialFile stored = materials.upload(user.require(Role.ORGANISER), event.id(), f.getFileName(), f.getContent());
            itemMaterials.removeIf(m -> blank(m.getTitle()) && blank(m.getUrl()));
            String title = stored.getFileName().replaceFirst("\\.[A-Za-z0-9]{1,5}$", "");
            itemMaterials.add(new MaterialRow(title.length() > 120 ? title.substring(0, 120) : title,
                    links.to(MeetingMaterials.url(stored.getId()))));
        } catch (RuntimeException e) {
            Faces.show(e, "itemForm", Map.of("file", "materialFile"));
        }
    }

    /** 复制活动: a new draft with this event's content and agenda, opened in the editor. */
    public String copy() {
        try {
            Event copy = copies.copy(user.require(Role.ORGANISER), event.id());
            Faces.info("editor.copied");
            Faces.keepMessages();
            Faces.redirect("/organiser/event.xhtml?id=" + copy.getId());
        } catch (RuntimeException e) {
            Faces.show(e, "editor", FIELDS);
        }
        return null;
    }

    public EventCopies.Repeat[] getRepeats() { return EventCopies.Repeat.values(); }
    public EventCopies.Repeat getRepeat() { return repeat; }
    public void setRepeat(EventCopies.Repeat repeat) { this.repeat = repeat; }
    public Integer getRepeatCount() { return repeatCount; }
    public void setRepeatCount(Integer repeatCount) { this.repeatCount = repeatCount; }

    public void submit() {
        act(() -> events.submit(user.require(Role.ORGANISER), event.id()), "editor.submitted");
    }

    public void cancelEvent() {
        act(() -> events.cancel(user.require(Role.ORGANISER), event.id(), cancelReason), "editor.cancelled");
        cancelReason = null;
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            reload(event.id());
            Faces.info(doneKey);
        } catch (RuntimeException e) {
            Faces.show(e, "editor", Map.of());
        }
    }

    // ---- agenda ----

    public void newItem() {
        itemId = null;
        itemTitle = null;
        itemSummary = null;
        itemMaterials = new ArrayList<>(List.of(new MaterialRow()));
    }

    public void editItem(EventView.AgendaItemView item) {
        itemId = item.id();
        itemTitle = item.title();
        itemSummary = item.summary();
        itemMaterials = new ArrayList<>(item.materials().stream().map(m -> new MaterialRow(m.title(), m.url())).toList());
        if (itemMaterials.isEmpty()) {
            itemMaterials.add(new MaterialRow());
        }
    }

    public void addMaterial() {
        itemMaterials.add(new MaterialRow());
    }

    public void removeMaterial(MaterialRow row) {
        itemMaterials.remove(row);
    }

    public void saveItem() {
        Long editor = user.require(Role.ORGANISER);
        List<AgendaItemDraft.MaterialDraft> materials = itemMaterials.stream()
                .filter(m -> !(blank(m.getTitle()) && blank(m.getUrl())))
                .map(m -> new AgendaItemDraft.MaterialDraft(m.getTitle(), null, m.getUrl())).toList();
        AgendaItemDraft draft = new AgendaItemDraft(itemTitle, itemSummary, materials);
        try {
            if (itemId == null) {
                events.addAgendaItem(editor, event.id(), draft);
            } else {
                events.updateAgendaItem(editor, event.id(), itemId, draft);
            }
            reload(event.id());
            Faces.info("editor.saved");
            PrimeFaces.current().executeScript("PF('itemDialog').hide()");
        } catch (RuntimeException e) {
            Faces.show(e, "itemForm", Map.of("title", "itemTitle", "summary", "itemSummary"));
        }
    }

    public void deleteItem(EventView.AgendaItemView item) {
        act(() -> events.removeAgendaItem(user.require(Role.ORGANISER), event.id(), item.id()), "editor.saved");
    }

    // ---- for the page ----

    public record HistoryRow(Instant at, String actor, String action, String from, String to, String reason) {}

    public List<HistoryRow> getHistory() {
        if (event == null) {
            return List.of();
        }
        List<AuditEntry> entries = audit.of("event", event.id());
        return entries.stream().map(a -> new HistoryRow(a.getAt(),
                a.getActorId() == null ? "" : accounts.find(a.getActorId()).map(Account::getDisplayName).orElse("#" + a.getActorId()),
                a.getAction(), a.getFromState(), a.getToState(), a.getReason())).toList();
    }

    /** {@code PUBLISHED/REVISION_DRAFT} → "已发布 · 有未提交的修改" */
    public String stateLabel(String state) {
        if (state == null || state.isBlank()) {
            return "";
        }
        String[] parts = state.split("/REVISION_");
        String label = Faces.text("status." + parts[0]);
        return parts.length > 1 ? label + " · " + Faces.text("revision." + parts[1]) : label;
    }

    public List<String> completeCampaign(String query) {
        String q = query == null ? "" : query.strip();
        return campaigns.all().stream().map(Campaign::getName).filter(n -> n.contains(q)).limit(10).toList();
    }

    public boolean isNew() {
        return event == null;
    }

    public boolean isEditable() {
        return event == null || (event.status() != EventStatus.CANCELLED && event.status() != EventStatus.IN_REVIEW
                && event.revision() != RevisionStatus.IN_REVIEW);
    }

    public boolean isSubmittable() {
        return event != null && (event.status() == EventStatus.DRAFT
                || (event.status() == EventStatus.PUBLISHED && event.revision() == RevisionStatus.DRAFT));
    }

    public boolean isCancellable() {
        return event != null && event.status() != EventStatus.CANCELLED;
    }

    public boolean isPublished() {
        return event != null && event.status() == EventStatus.PUBLISHED;
    }

    public EventKind[] getKinds() { return EventKind.values(); }
    public EventMode[] getModes() { return EventMode.values(); }

    private static boolean isConflict(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Problem p && p.code() == ProblemCode.VERSION_CONFLICT
                    || t instanceof OptimisticLockException) {
                return true;
            }
        }
        return false;
    }

    private static LocalDateTime local(OffsetDateTime t) {
        return t == null ? null : t.atZoneSameInstant(Clocks.ZONE).toLocalDateTime();
    }

    private static OffsetDateTime offset(LocalDateTime t) {
        return t == null ? null : t.atZone(Clocks.ZONE).toOffsetDateTime();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public EventView getEvent() { return event; }
    public EventKind getKind() { return kind; }
    public void setKind(EventKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public EventMode getMode() { return mode; }
    public void setMode(EventMode mode) { this.mode = mode; }
    public String getVenue() { return venue; }
    public void setVenue(String venue) { this.venue = venue; }
    public String getOnlineUrl() { return onlineUrl; }
    public void setOnlineUrl(String onlineUrl) { this.onlineUrl = onlineUrl; }
    public LocalDateTime getStartsAt() { return startsAt; }
    public void setStartsAt(LocalDateTime startsAt) { this.startsAt = startsAt; }
    public LocalDateTime getEndsAt() { return endsAt; }
    public void setEndsAt(LocalDateTime endsAt) { this.endsAt = endsAt; }
    public Integer getCapacity() { return capacity; }
    public void setCapacity(Integer capacity) { this.capacity = capacity; }
    public boolean isWaitlist() { return waitlist; }
    public void setWaitlist(boolean waitlist) { this.waitlist = waitlist; }
    public LocalDateTime getRegistrationOpensAt() { return registrationOpensAt; }
    public void setRegistrationOpensAt(LocalDateTime t) { this.registrationOpensAt = t; }
    public LocalDateTime getRegistrationClosesAt() { return registrationClosesAt; }
    public void setRegistrationClosesAt(LocalDateTime t) { this.registrationClosesAt = t; }
    public String getCampaign() { return campaign; }
    public void setCampaign(String campaign) { this.campaign = campaign; }
    public String getCancelReason() { return cancelReason; }
    public void setCancelReason(String cancelReason) { this.cancelReason = cancelReason; }
    public String getItemTitle() { return itemTitle; }
    public void setItemTitle(String itemTitle) { this.itemTitle = itemTitle; }
    public String getItemSummary() { return itemSummary; }
    public void setItemSummary(String itemSummary) { this.itemSummary = itemSummary; }
    public List<MaterialRow> getItemMaterials() { return itemMaterials; }
}
