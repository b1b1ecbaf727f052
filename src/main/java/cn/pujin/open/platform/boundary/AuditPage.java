package cn.pujin.open.platform.boundary;

import cn.pujin.open.platform.control.ActorNames;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.AuditSubjects;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Page;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import jakarta.enterprise.inject.Instance;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code /admin/audit.xhtml}: the audit log with filters (what, which record, who, action, period), newest first. */
@Named
@ViewScoped
public class AuditPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Inject
    Audit audit;

    @Inject
    ActorNames actorNames;

    @Inject
    Instance<AuditSubjects> subjects;

    private String entityType;
    private String entityId;
    private String actor;
    private String action;
    private String from;
    private String to;
    private int page;
    private transient Page<AuditResource.AuditView> result;
    private transient Map<Long, String> names;
    private transient Map<String, Map<Long, String>> subjectNames;

    public Page<AuditResource.AuditView> getResult() {
        if (result == null) {
            try {
                result = audit.search(AuditResource.filter(entityType, entityId, actor, action, from, to),
                        new Paging(page, PAGE_SIZE)).map(AuditResource.AuditView::of);
            } catch (Problem e) {
                Faces.show(e, "audit", Map.of());
                result = new Page<>(List.of(), 0);
            }
            names = actorNames.of(result.items().stream().map(AuditResource.AuditView::actorId).filter(Objects::nonNull)
                    .collect(Collectors.toSet()));
            Map<String, Set<Long>> ids = result.items().stream().filter(a -> a.entityId() != null).collect(Collectors.groupingBy(
                    AuditResource.AuditView::entityType, Collectors.mapping(AuditResource.AuditView::entityId, Collectors.toSet())));
            subjectNames = new HashMap<>();
            for (AuditSubjects s : subjects) {
                if (ids.containsKey(s.entityType())) {
                    subjectNames.put(s.entityType(), s.names(ids.get(s.entityType())));
                }
            }
        }
        return result;
    }

    /** What was done, in words (audit.<action>); the code itself where there is no label yet. */
    public String actionLabel(String action) {
        return Messages.label(Faces.locale(), "audit.", action);
    }

    /** The kind of object in words, with its number and, where its feature names it, its name. */
    public String entityLabel(String type, Long id) {
        getResult();
        String name = id == null ? null : subjectNames.getOrDefault(type, Map.of()).get(id);
        return Messages.label(Faces.locale(), "audit.entityType.", type) + (id == null ? "" : " #" + id)
                + (name == null ? "" : " " + name);
    }

    /** What an edit changed, the fields by their labels ("修改：标题、开始时间"); empty for other entries. */
    public String changedLabel(List<String> changed) {
        if (changed == null || changed.isEmpty()) {
            return "";
        }
        return Faces.text("audit.changed", changed.stream().map(f -> Messages.label(Faces.locale(), "field.", f))
                .collect(Collectors.joining(Messages.listSeparator(Faces.locale()))));
    }

    /** An action in the filter's choice: the kind of object and what was done ("活动 · 修改"). */
    public String actionChoice(String action) {
        int dot = action.indexOf('.');
        return (dot < 0 ? "" : Messages.label(Faces.locale(), "audit.entityType.", action.substring(0, dot)) + " · ")
                + actionLabel(action);
    }

    /** A note the app wrote as a code (an outcome, a channel, a state) in words; people's own notes as they are. */
    public String noteLabel(String note) {
        if (note == null || !note.matches("[A-Z][A-Z_]+")) {
            return note;
        }
        for (String prefix : List.of("suggestion.outcome.", "suggestion.channel.", "audit.state.")) {
            String words = Messages.label(Faces.locale(), prefix, note);
            if (!words.equals(note)) {
                return words;
            }
        }
        return note;
    }

    /** The kind of object in words, for the filter's choice. */
    public String typeLabel(String type) {
        return Messages.label(Faces.locale(), "audit.entityType.", type);
    }

    /** The actions recorded so far, for the filter's choice (shown by their labels). */
    public List<String> getActions() {
        return audit.actions();
    }

    /** A state in words: the parts of "PUBLISHED/REVISION_IN_REVIEW" each by their label, "—" for none. */
    public String stateLabel(String type, String state) {
        if (state == null || state.isBlank()) {
            return "—";
        }
        List<String> parts = new ArrayList<>();
        for (String part : state.split("/")) {
            String words = Messages.label(Faces.locale(), "audit.state." + type + ".", part);
            if (words.equals(part)) {
                words = Messages.label(Faces.locale(), "audit.state.", part);
            }
            parts.add(words);
        }
        return String.join(" · ", parts);
    }

    public String actorName(Long id) {
        getResult();
        return id == null ? Faces.text("audit.system") : names.getOrDefault(id, "#" + id);
    }

    public List<String> getEntityTypes() {
        return audit.entityTypes();
    }

    public void search() {
        page = 0;
        result = null;
    }

    public void next() {
        page++;
        result = null;
    }

    public void previous() {
        page = Math.max(0, page - 1);
        result = null;
    }

    public boolean isHasNext() {
        return (long) (page + 1) * PAGE_SIZE < getResult().total();
    }

    public String getEntityType() { return entityType; }
    public void setEntityType(String entityType) { this.entityType = entityType; }
    public String getEntityId() { return entityId; }
    public void setEntityId(String entityId) { this.entityId = entityId; }
    public String getActor() { return actor; }
    public void setActor(String actor) { this.actor = actor; }
    public String getAction() { return action; }
    public void setAction(String action) { this.action = action; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getTo() { return to; }
    public void setTo(String to) { this.to = to; }
    public int getPage() { return page; }
}
