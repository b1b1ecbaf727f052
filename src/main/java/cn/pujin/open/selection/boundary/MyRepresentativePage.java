package cn.pujin.open.selection.boundary;

import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.selection.control.Nominations;
import cn.pujin.open.selection.control.Pool;
import cn.pujin.open.selection.control.PoolRecords;
import cn.pujin.open.selection.entity.Representative;
import cn.pujin.open.selection.entity.Residency;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code /me/representative.xhtml}: one's place in the representative pool — the yearly confirmation for members, the
 * nomination form (oneself, or a resident for a residents' committee) with the nominations made, and one's attendance
 * history.
 */
@Named
@ViewScoped
public class MyRepresentativePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Pool pool;

    @Inject
    Nominations nominations;

    @Inject
    PoolRecords records;

    @Inject
    CurrentUser user;

    private String kind = "SELF";
    private String committee;
    private String nomineePhone;
    private List<Category> categories = new ArrayList<>();
    private String organisation;
    private String interests;
    private Residency residency;
    private boolean adultDeclared;
    private String statement;
    private Residency confirmResidency;
    private boolean confirmAdult;
    private transient Representative member;
    private transient boolean memberRead;
    private transient List<Nominations.NominationView> nominationList;
    private transient PoolRecords.History history;

    public Representative getMember() {
        if (!memberRead) {
            member = pool.member(user.require());
            memberRead = true;
            if (member != null && confirmResidency == null) {
                confirmResidency = member.getResidency();
            }
        }
        return member;
    }

    public boolean isEligible() {
        return getMember() != null && getMember().isEligible(pool.today());
    }

    public boolean isReviewSoon() {
        return getMember() != null && !getMember().getReviewDueOn().isAfter(pool.today().plusDays(30));
    }

    public List<Nominations.NominationView> getNominations() {
        if (nominationList == null) {
            nominationList = nominations.views(nominations.mine(user.require()), false);
        }
        return nominationList;
    }

    public PoolRecords.History getHistory() {
        if (history == null) {
            history = records.history(user.require());
        }
        return history;
    }

    public void nominate() {
        try {
            nominations.nominate(user.require(), new Nominations.NominationRequest(kind, committee, nomineePhone, categories,
                    interests, organisation, adultDeclared, residency, statement));
            Faces.info("pool.nominate.sent");
            statement = null;
            nomineePhone = null;
            nominationList = null;
        } catch (Problem e) {
            Faces.show(e, "nominate", Map.of("committee", "committee", "nomineePhone", "nomineePhone", "categories", "categories",
                    "organisation", "organisation", "interests", "interests", "residency", "residency",
                    "adultDeclared", "adultDeclared", "statement", "statement"));
        }
    }

    public void confirm() {
        try {
            Representative m = records.confirm(user.require(), new PoolRecords.ConfirmRequest(confirmAdult, confirmResidency));
            memberRead = false;
            Faces.info("pool.mine.confirmed", m.getReviewDueOn().toString());
        } catch (Problem e) {
            Faces.show(e, "confirm", Map.of("adultDeclared", "confirmAdult", "residency", "confirmResidency"));
        }
    }

    public LocalDate getToday() { return pool.today(); }
    public Category[] getAllCategories() { return Category.values(); }
    public Residency[] getResidencies() { return Residency.values(); }
    public int getStatementMin() { return Nominations.STATEMENT_MIN; }
    public int getStatementMax() { return Nominations.STATEMENT_MAX; }
    /** A member nominates others only (for their residents' committee). */
    public String getKind() { return "SELF".equals(kind) && getMember() != null ? "COMMITTEE" : kind; }
    public void setKind(String kind) { this.kind = kind; }
    public String getCommittee() { return committee; }
    public void setCommittee(String committee) { this.committee = committee; }
    public String getNomineePhone() { return nomineePhone; }
    public void setNomineePhone(String nomineePhone) { this.nomineePhone = nomineePhone; }
    public List<Category> getCategories() { return categories; }
    public void setCategories(List<Category> categories) { this.categories = categories; }
    public String getOrganisation() { return organisation; }
    public void setOrganisation(String organisation) { this.organisation = organisation; }
    public String getInterests() { return interests; }
    public void setInterests(String interests) { this.interests = interests; }
    public Residency getResidency() { return residency; }
    public void setResidency(Residency residency) { this.residency = residency; }
    public boolean isAdultDeclared() { return adultDeclared; }
    public void setAdultDeclared(boolean adultDeclared) { this.adultDeclared = adultDeclared; }
    public String getStatement() { return statement; }
    public void setStatement(String statement) { this.statement = statement; }
    public Residency getConfirmResidency() { return confirmResidency; }
    public void setConfirmResidency(Residency confirmResidency) { this.confirmResidency = confirmResidency; }
    public boolean isConfirmAdult() { return confirmAdult; }
    public void setConfirmAdult(boolean confirmAdult) { this.confirmAdult = confirmAdult; }
}
