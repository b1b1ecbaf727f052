package cn.pujin.open.selection.boundary;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.EventView;
import cn.pujin.open.event.control.PublicEvents;
import cn.pujin.open.event.entity.EventKind;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Paging;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.selection.control.Nominations;
import cn.pujin.open.selection.control.Pool;
import cn.pujin.open.selection.control.PoolRecords;
import cn.pujin.open.selection.control.PoolReminders;
import cn.pujin.open.selection.entity.Nomination;
import java.util.HashMap;
import cn.pujin.open.selection.entity.Residency;
import cn.pujin.open.suggestion.control.Suggestions;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * {@code /organiser/pool.xhtml}: the representative pool — nominations to review, add, edit, each member's attendance
 * history, review reminders, and invite members to a meeting.
 */
@Named
@ViewScoped
public class PoolPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS = Map.of("accountId", "account", "categories", "categories",
            "adultDeclared", "adult", "residency", "residency", "organisation", "organisation", "interests", "interests",
            "reviewDueOn", "reviewDueOn");

    @Inject
    Pool pool;

    @Inject
    Accounts accounts;

    @Inject
    PublicEvents publicEvents;

    @Inject
    CurrentUser user;

    @Inject
    Clocks clocks;

    @Inject
    Nominations nominations;

    @Inject
    PoolRecords records;

    @Inject
    PoolReminders reminders;

    private final Map<Long, String> rejectReasons = new HashMap<>();
    private transient List<Nominations.NominationView> pending;
    private PoolRecords.History history;
    private String historyName;

    private String query = "";
    private List<Pool.MemberView> selected = new ArrayList<>();
    private Long meetingId;

    private Long editId;
    private String accountQuery;
    private List<Category> categories = new ArrayList<>();
    private String interests;
    private String organisation;
    private boolean adultDeclared;
    private Residency residency;
    private LocalDate reviewDueOn;
    private boolean active = true;

    private final LazyDataModel<Pool.MemberView> model = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) pool.list(query, new Paging(0, 1)).total();
        }

        @Override
        public List<Pool.MemberView> load(int first, int pageSize, Map<String, SortMeta> sort, Map<String, FilterMeta> filters) {
            int size = Math.max(1, Math.min(pageSize, Paging.MAX_SIZE));
            return pool.list(query, new Paging(first / size, size)).items();
        }

        @Override
        public String getRowKey(Pool.MemberView m) {
            return String.valueOf(m.id());
        }

        @Override
        public Pool.MemberView getRowData(String key) {
            return pool.list(null, new Paging(0, Paging.MAX_SIZE)).items().stream()
                    .filter(m -> m.id().toString().equals(key)).findFirst().orElse(null);
        }
    };

    public List<Nominations.NominationView> getPending() {
        if (pending == null) {
            pending = nominations.views(nominations.list(Nomination.Status.PENDING, new Paging(0, 50)).items(), true);
        }
        return pending;
    }

    public void approveNomination(Long id) {
        Faces.attempt(() -> nominations.approve(user.require(Role.ORGANISER), id), "pool.nomination.approved", "nominations");
        pending = null;
    }

    public void rejectNomination(Long id) {
        String reason = rejectReasons.get(id);
        if (reason == null || reason.isBlank()) {
            Faces.error("pool.nomination.reasonRequired");
            return;
        }
        Faces.attempt(() -> nominations.reject(user.require(Role.ORGANISER), id, rejectReasons.get(id)), "pool.nomination.rejected",
                "nominations");
        pending = null;
    }

    public void showHistory(Pool.MemberView m) {
        history = records.history(m.accountId());
        historyName = m.name();
    }

    public void sendReminders() {
        int sent = reminders.run();
        Faces.info("pool.reminders.sent", sent, reminders.firstReminderDays());
    }

    public Map<Long, String> getRejectReasons() { return rejectReasons; }
    public PoolRecords.History getHistory() { return history; }
    public String getHistoryName() { return historyName; }

    public void newMember() {
        editId = null;
        accountQuery = null;
        categories = new ArrayList<>(List.of(Category.RESIDENT));
        interests = null;
        organisation = null;
        adultDeclared = false;
        residency = Residency.LIVES;
        reviewDueOn = LocalDate.now(clocks.clock()).plusYears(1);
        active = true;
    }

    public void edit(Pool.MemberView m) {
        editId = m.id();
        accountQuery = m.name();
        categories = new ArrayList<>(m.categories());
        interests = m.interests();
        organisation = m.organisation();
        adultDeclared = m.adultDeclared();
        residency = m.residency();
        reviewDueOn = m.reviewDueOn();
        active = m.active();
    }

    /** Suggestions for the account field: "name · 138****0001 · #id". */
    public List<String> completeAccount(String text) {
        if (text == null || text.strip().length() < 1) {
            return List.of();
        }
        Map<Long, Account> found = accounts.byIds(accounts.idsMatching(text).stream().limit(10).toList());
        return found.values().stream().map(a -> a.getDisplayName() + " · " + (a.getPhoneMasked() == null ? "" : a.getPhoneMasked())
                + " · #" + a.getId()).toList();
    }

    public void save() {
        Long me = user.require(Role.ORGANISER, Role.ADMIN);
        try {
            if (editId == null) {
                pool.add(me, new Pool.MemberRequest(accountId(), categories, interests, organisation, adultDeclared, residency,
                        reviewDueOn, active));
            } else {
                pool.update(me, editId, new Pool.MemberRequest(null, categories, interests, organisation, adultDeclared, residency,
                        reviewDueOn, active));
            }
            Faces.info("pool.saved");
            PrimeFaces.current().executeScript("PF('memberDialog').hide()");
        } catch (Problem e) {
            Faces.show(e, "memberForm", FIELDS);
        }
    }

    private Long accountId() {
        if (accountQuery == null || !accountQuery.contains("#")) {
            return null;
        }
        try {
            return Long.valueOf(accountQuery.substring(accountQuery.lastIndexOf('#') + 1).strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public void invite() {
        if (selected == null || selected.isEmpty() || meetingId == null) {
            Faces.error("pool.invite.choose");
            return;
        }
        try {
            List<Pool.InviteOutcome> outcomes = pool.invite(user.require(Role.ORGANISER), meetingId,
                    selected.stream().map(Pool.MemberView::id).toList());
            long done = outcomes.stream().filter(Pool.InviteOutcome::invited).count();
            Faces.info("pool.invite.done", done, outcomes.size() - done);
            selected = new ArrayList<>();
        } catch (Problem e) {
            Faces.show(e, "pool", Map.of());
        }
    }

    public List<EventView> getMeetings() {
        return publicEvents.publicList(new PublicEvents.PublicQuery(EventKind.DECISION_MEETING, publicEvents.upcomingFrom(), null, null, null, false),
                new Paging(0, Paging.MAX_SIZE)).items();
    }

    public Category[] getAllCategories() { return Category.values(); }
    public Residency[] getResidencies() { return Residency.values(); }
    public LazyDataModel<Pool.MemberView> getModel() { return model; }
    public String getQuery() { return query; }
    public void setQuery(String query) { this.query = query == null ? "" : query; }
    public List<Pool.MemberView> getSelected() { return selected; }
    public void setSelected(List<Pool.MemberView> selected) { this.selected = selected; }
    public Long getMeetingId() { return meetingId; }
    public void setMeetingId(Long meetingId) { this.meetingId = meetingId; }
    public boolean isNew() { return editId == null; }
    public String getAccountQuery() { return accountQuery; }
    public void setAccountQuery(String accountQuery) { this.accountQuery = accountQuery; }
    public List<Category> getCategories() { return categories; }
    public void setCategories(List<Category> categories) { this.categories = categories; }
    public String getInterests() { return interests; }
    public void setInterests(String interests) { this.interests = interests; }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public boolean isAdultDeclared() { return adultDeclared; }
    public void setAdultDeclared(boolean adultDeclared) { this.adultDeclared = adultDeclared; }
    public Residency getResidency() { return residency; }
    public void setResidency(Residency residency) { this.residency = residency; }
    public LocalDate getReviewDueOn() { return reviewDueOn; }
    public void setReviewDueOn(LocalDate reviewDueOn) { this.reviewDueOn = reviewDueOn; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
