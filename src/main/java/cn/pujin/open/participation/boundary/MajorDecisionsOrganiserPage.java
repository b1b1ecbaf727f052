package cn.pujin.open.participation.boundary;

import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.participation.control.MajorDecisionDraft;
import cn.pujin.open.participation.control.MajorDecisionViews;
import cn.pujin.open.participation.control.MajorDecisionViews.MajorDecisionView;
import cn.pujin.open.participation.control.MajorDecisions;
import cn.pujin.open.participation.control.StepDraft;
import cn.pujin.open.participation.entity.StepKind;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.platform.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;

/**
 * {@code /organiser/major-decisions.xhtml}: the organiser's catalogue of a year — write items, submit them for review,
 * ask to withdraw a published one with its reason, add steps to an item's timeline.
 */
@Named
@ViewScoped
public class MajorDecisionsOrganiserPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> ITEM_FIELDS = Map.of("title", "title", "department", "department",
            "legalBasis", "legalBasis", "plannedPeriod", "plannedPeriod", "reason", "reason");
    private static final Map<String, String> STEP_FIELDS = Map.of("kind", "kind", "date", "date", "summary", "summary",
            "eventId", "meeting", "title", "documentTitle", "url", "documentUrl");

    @Inject
    MajorDecisions decisions;

    @Inject
    MajorDecisionViews views;

    @Inject
    PublicEvents publicEvents;

    @Inject
    CurrentUser user;

    @Inject
    Clocks clocks;

    private int year;
    private transient List<MajorDecisionView> items;

    // the item form (new when editId is null)
    private Long editId;
    private long editVersion;
    private String title;
    private String department;
    private String legalBasis;
    private String plannedPeriod;
    private String reason;

    // the step form and the withdrawal form
    private Long stepItemId;
    private StepKind kind = StepKind.PUBLIC_PARTICIPATION;
    private LocalDate date;
    private String summary;
    private String documentTitle;
    private String documentUrl;
    private Long meetingId;
    private Long withdrawId;
    private String withdrawReason;
    private String withdrawTitle;

    public int getYear() {
        if (year == 0) {
            year = LocalDate.now(clocks.clock()).getYear();
        }
        return year;
    }

    public void setYear(int year) {
        this.year = year;
        items = null;
    }

    public List<Integer> getYears() {
        int now = LocalDate.now(clocks.clock()).getYear();
        List<Integer> years = new ArrayList<>(List.of(now + 1, now));
        views.years(true).stream().filter(y -> !years.contains(y)).forEach(years::add);
        years.sort(Comparator.reverseOrder());
        return years;
    }

    public List<MajorDecisionView> getItems() {
        if (items == null) {
            items = views.catalogue(getYear(), true);
        }
        return items;
    }

    /** Published decision meetings a collective-decision step can name, newest first. */
    public List<EventView> getMeetings() {
        return publicEvents.publicList(new PublicEvents.PublicQuery(EventKind.DECISION_MEETING, null, null, null, null, true),
                new Paging(0, Paging.MAX_SIZE)).items();
    }

    public StepKind[] getStepKinds() {
        return StepKind.values();
    }

    public void newItem() {
        editId = null;
        title = department = legalBasis = plannedPeriod = reason = null;
    }

    public void edit(MajorDecisionView md) {
        editId = md.id();
        editVersion = md.version();
        title = md.title();
        department = md.department();
        legalBasis = md.legalBasis();
        plannedPeriod = md.plannedPeriod();
        reason = md.addedReason();
    }

    public void save() {
        Long me = user.require(Role.ORGANISER);
        MajorDecisionDraft draft = new MajorDecisionDraft(getYear(), title, department, legalBasis, plannedPeriod, reason,
                editId == null ? null : editVersion);
        if (Faces.attempt(() -> {
            if (editId == null) {
                decisions.create(me, draft);
            } else {
                decisions.update(me, editId, draft);
            }
        }, "majorDecision.saved", "itemForm", ITEM_FIELDS)) {
            items = null;
            PrimeFaces.current().executeScript("PF('itemDialog').hide()");
            Faces.bringIntoView("catalogue:messages");
        }
    }

    public void submit(Long id) {
        Long me = user.require(Role.ORGANISER);
        if (Faces.attempt(() -> decisions.submit(me, id), "majorDecision.submitted", "catalogue", Map.of())) {
            items = null;
        }
    }

    public void askWithdraw(MajorDecisionView md) {
        withdrawId = md.id();
        withdrawTitle = md.title();
        withdrawReason = null;
    }

    public void withdraw() {
        Long me = user.require(Role.ORGANISER);
        if (Faces.attempt(() -> decisions.withdraw(me, withdrawId, withdrawReason), "majorDecision.withdrawAsked",
                "withdrawForm", Map.of("reason", "withdrawReason"))) {
            items = null;
            PrimeFaces.current().executeScript("PF('withdrawDialog').hide()");
            Faces.bringIntoView("catalogue:messages");
        }
    }

    public void newStep(MajorDecisionView md) {
        stepItemId = md.id();
        kind = StepKind.PUBLIC_PARTICIPATION;
        date = LocalDate.now(clocks.clock());
        summary = documentTitle = documentUrl = null;
        meetingId = null;
    }

    public void addStep() {
        Long me = user.require(Role.ORGANISER);
        List<StepDraft.DocumentDraft> documents = Texts.strip(documentTitle) == null && Texts.strip(documentUrl) == null
                ? List.of() : List.of(new StepDraft.DocumentDraft(documentTitle, documentUrl));
        StepDraft draft = new StepDraft(kind, date, summary, documents, kind == StepKind.COLLECTIVE_DECISION ? meetingId : null);
        if (Faces.attempt(() -> decisions.addStep(me, stepItemId, draft), "majorDecision.stepAdded", "stepForm", STEP_FIELDS)) {
            items = null;
            PrimeFaces.current().executeScript("PF('stepDialog').hide()");
            Faces.bringIntoView("catalogue:messages");
        }
    }

    public boolean isNewItem() { return editId == null; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public String getLegalBasis() { return legalBasis; }
    public void setLegalBasis(String legalBasis) { this.legalBasis = legalBasis; }
    public String getPlannedPeriod() { return plannedPeriod; }
    public void setPlannedPeriod(String plannedPeriod) { this.plannedPeriod = plannedPeriod; }
    public String getReason() { return reason; }
    public void setReason(String reason) { this.reason = reason; }
    public StepKind getKind() { return kind; }
    public void setKind(StepKind kind) { this.kind = kind; }
    public LocalDate getDate() { return date; }
    public void setDate(LocalDate date) { this.date = date; }
    public String getSummary() { return summary; }
    public void setSummary(String summary) { this.summary = summary; }
    public String getDocumentTitle() { return documentTitle; }
    public void setDocumentTitle(String documentTitle) { this.documentTitle = documentTitle; }
    public String getDocumentUrl() { return documentUrl; }
    public void setDocumentUrl(String documentUrl) { this.documentUrl = documentUrl; }
    public Long getMeetingId() { return meetingId; }
    public void setMeetingId(Long meetingId) { this.meetingId = meetingId; }
    public String getWithdrawTitle() { return withdrawTitle; }
    public String getWithdrawReason() { return withdrawReason; }
    public void setWithdrawReason(String withdrawReason) { this.withdrawReason = withdrawReason; }
}
