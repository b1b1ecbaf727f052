package cn.pujin.open.selection.boundary;

import cn.pujin.open.event.control.Seats;
import cn.pujin.open.platform.boundary.Faces;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.CurrentUser;
import cn.pujin.open.platform.control.Messages;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.entity.Role;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.selection.control.SelectionRules;
import cn.pujin.open.selection.control.Selections;
import cn.pujin.open.selection.control.Lottery;
import cn.pujin.open.selection.control.ObjectionSource;
import cn.pujin.open.selection.control.Objections;
import cn.pujin.open.account.control.Departments;
import cn.pujin.open.account.entity.Department;
import cn.pujin.open.input.boundary.CurrentInputActor;
import cn.pujin.open.input.control.InputActor;
import cn.pujin.open.input.control.InputWorkflow;
import cn.pujin.open.input.entity.InputStatus;
import cn.pujin.open.input.entity.Outcome;
import cn.pujin.open.registration.entity.RegistrationStatus;
import java.util.ArrayList;
import java.util.List;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import static cn.pujin.open.platform.control.JsonCodec.JSON;

/**
 * {@code /organiser/selection.xhtml?event=}: the rule editor with the seed's source (fixed once applications open), the
 * seeded run with its reason, "publish 公示", and during the 公示 the objections: answered here (assigned to a
 * department in the same step), published by a reviewer, and a sustained one turned into a recorded revision.
 */
@Named
@ViewScoped
public class SelectionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Selections selections;

    @Inject
    SelectionRules rules;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Seats seats;

    @Inject
    CurrentUser user;

    @Inject
    Clocks clocks;

    @Inject
    Objections objections;

    @Inject
    ObjectionSource source;

    @Inject
    InputWorkflow workflow;

    @Inject
    CurrentInputActor actor;

    @Inject
    Departments departments;

    private String event;
    private Long eventId;
    private String title;
    private Integer ruleSeats;
    /** Bound to one input per category; EL writes what the input gives (a number or its text), so it is read as either. */
    private final Map<Category, Object> minimums = new EnumMap<>(Category.class);
    private boolean stakeholdersFirst = true;
    private Integer alternates = 0;
    private String seed;
    private String runReason;
    private Selections.SelectionView result;
    private boolean locked;
    /** NONE, COMMITMENT or SOURCE. */
    private String seedMode = "NONE";
    private String secretSeed;
    private String seedCommitment;
    private String seedSource;
    private String seedSourceUrl;
    private final List<BalanceLine> balance = new ArrayList<>();
    private List<Objections.ObjectionView> objectionList;
    private final Map<Long, Long> departmentsChosen = new HashMap<>();
    private final Map<Long, String> outcomes = new HashMap<>();
    private final Map<Long, String> reasons = new HashMap<>();
    private final Map<Long, Long> removals = new HashMap<>();

    /** One editable balance line. */
    public static class BalanceLine implements Serializable {
        private static final long serialVersionUID = 1L;
        private String attribute = "COMMUNITY";
        private String value;
        private Integer min = 0;
        private Integer max;

        public String getAttribute() { return attribute; }
        public void setAttribute(String attribute) { this.attribute = attribute; }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = value; }
        public Integer getMin() { return min; }
        public void setMin(Integer min) { this.min = min; }
        public Integer getMax() { return max; }
        public void setMax(Integer max) { this.max = max; }
    }

    public void load() {
        try {
            eventId = Long.valueOf(event);
            Seats.Bookable b = seats.bookableOrDraft(eventId);
            if (!b.isMeeting()) {
                Faces.notFound();
                return;
            }
            title = b.title();
            SelectionRules.RuleView rule = rules.rule(eventId);
            ruleSeats = rule.seats();
            for (Category c : Category.values()) {
                minimums.put(c, rule.minimums().getOrDefault(c, 0));
            }
            stakeholdersFirst = rule.stakeholdersFirst();
            alternates = rule.alternates();
            locked = rule.locked();
            seedCommitment = rule.seedCommitment();
            seedSource = rule.seedSource();
            seedSourceUrl = rule.seedSourceUrl();
            seedMode = seedCommitment != null ? "COMMITMENT" : seedSource != null ? "SOURCE" : "NONE";
            balance.clear();
            for (Lottery.Balance l : rule.balance()) {
                BalanceLine line = new BalanceLine();
                line.setAttribute(l.attribute().name());
                line.setValue(l.value());
                line.setMin(l.min());
                line.setMax(l.max());
                balance.add(line);
            }
            result = selections.selection(eventId).map(s -> selections.get(eventId, true)).orElse(null);
            readObjections();
            // with a commitment the seed is the secret, with a source the public value: nothing to suggest for either
            seed = result != null ? result.seed() : !"NONE".equals(seedMode) ? null
                    : LocalDate.now(clocks.clock()) + "-" + Messages.get(Messages.CHINESE, "selection.seed.suffix");
        } catch (NumberFormatException | Problem e) {
            Faces.notFound();
        }
    }

    public void saveRule() {
        try {
            Map<String, Integer> m = new HashMap<>();
            minimums.forEach((k, v) -> m.put(k.name(), whole(v)));
            String commitment = null;
            if ("COMMITMENT".equals(seedMode)) {
                String secret = secretSeed == null ? null : secretSeed.strip();
                commitment = secret == null || secret.isEmpty() ? seedCommitment : Lottery.sha256(Selections.seed(JSON.createValue(secret)));
                if (commitment == null) {
                    throw Problem.invalid("secretSeed", "selection.seed");
                }
            }
            List<SelectionRules.BalanceRequest> lines = balance.stream()
                    .map(b -> new SelectionRules.BalanceRequest(b.getAttribute(), b.getValue(), b.getMin(), b.getMax())).toList();
            var saved = rules.setRule(user.require(Role.ORGANISER), eventId, new SelectionRules.RuleRequest(ruleSeats, m, stakeholdersFirst,
                    alternates, commitment, "SOURCE".equals(seedMode) ? seedSource : null,
                    "SOURCE".equals(seedMode) ? seedSourceUrl : null, lines));
            seedCommitment = saved.seedCommitment();
            secretSeed = null;
            Faces.info("selection.rule.saved");
        } catch (Problem e) {
            // a balance line's error names the line in words ("均衡名额第 2 行 · 取值：…"), not balance[1].value
            List<Problem.FieldError> others = new ArrayList<>();
            for (Problem.FieldError error : e.errors()) {
                java.util.regex.Matcher line = java.util.regex.Pattern.compile("balance\\[(\\d+)]\\.(\\w+)").matcher(error.field());
                if (line.matches()) {
                    Faces.fieldError("rule:balanceMessage", "selection.balance.lineError", Integer.parseInt(line.group(1)) + 1,
                            Faces.text("selection.balance.field." + line.group(2)),
                            Messages.validation(Faces.locale(), error.messageKey(), Messages.inWords(Faces.locale(), error.args())));
                } else {
                    others.add(error);
                }
            }
            if (!others.isEmpty() || e.errors().isEmpty()) {
                Faces.show(e.errors().isEmpty() ? e : Problem.invalid(others), "rule", Map.of("seats", "seats", "alternates",
                        "alternates", "minimums", "seats", "secretSeed", "secretSeed", "seedSource", "seedSource",
                        "seedSourceUrl", "seedSourceUrl", "balance", "balanceMessage"));
            }
        } catch (NumberFormatException notANumber) {
            Faces.show(Problem.invalid("minimums", "validation.type.integer"), "rule", Map.of("minimums", "seats"));
        }
    }

    public void run() {
        try {
            result = selections.run(user.require(Role.ORGANISER), eventId,
                    Selections.seed(seed == null ? null : JSON.createValue(seed.strip())), runReason);
            runReason = null;
            Faces.info("selection.run.done");
        } catch (Problem e) {
            Faces.show(e, "run", Map.of("seed", "seed", "reason", "runReason"));
        }
    }

    public void addBalanceLine() {
        balance.add(new BalanceLine());
    }

    public void removeBalanceLine(int index) {
        if (index >= 0 && index < balance.size()) {
            balance.remove(index);
        }
    }

    private void readObjections() {
        InputActor me = actor.get();
        objectionList = result != null && result.published() ? objections.views(objections.ofEvent(eventId, me), me) : List.of();
    }

    /** Assigns (when not yet with a department) and answers an objection, in one step for the organiser. */
    public void answer(Long objectionId) {
        InputActor me = actor.get();
        String outcome = outcomes.get(objectionId);
        if (outcome == null || outcome.isBlank()) {
            Faces.error("selection.objection.outcomeRequired", ObjectionSource.number(objectionId));
            return;
        }
        if (Faces.attempt(() -> {
            Objections.ObjectionView o = objections.view(workflow.visible(me, source, objectionId), me);
            if (o.status() == InputStatus.SUBMITTED) {
                // the organiser answers at once: the department is recorded as responsible, its handlers are not asked
                workflow.assign(me, source, objectionId, departmentsChosen.get(objectionId), false);
            }
            workflow.answer(me, source, objectionId, outcome, reasons.get(objectionId), null);
        }, "selection.objection.answered", "objections")) {
            outcomes.remove(objectionId);
            reasons.remove(objectionId);
            readObjections();
        }
    }

    /** A sustained objection: the chosen representative is withdrawn, the first alternate moves up, the 公示 is re-published. */
    public void revise(Long objectionId) {
        if (Faces.attempt(() -> result = objections.revise(user.require(Role.ORGANISER), eventId,
                new Objections.RevisionRequest(objectionId, removals.get(objectionId))), "selection.objection.revised", "objections")) {
            readObjections();
        }
    }

    public boolean sustained(Objections.ObjectionView o) {
        return o.status() == InputStatus.PUBLISHED && (o.outcome() == Outcome.ADOPTED || o.outcome() == Outcome.PARTLY_ADOPTED);
    }

    public List<Selections.Person> getHolders() {
        if (result == null) {
            return List.of();
        }
        List<Selections.Person> holders = new ArrayList<>();
        result.selected().stream().filter(p -> p.status() == RegistrationStatus.CONFIRMED).forEach(holders::add);
        result.alternates().stream().filter(p -> p.status() == RegistrationStatus.CONFIRMED).forEach(holders::add);
        return holders;
    }

    public List<Department> getDepartments() { return departments.departments(); }
    public Outcome[] getOutcomeChoices() { return Outcome.values(); }
    public Lottery.Attribute[] getAttributes() { return Lottery.Attribute.values(); }
    public List<BalanceLine> getBalance() { return balance; }
    public List<Objections.ObjectionView> getObjections() { return objectionList; }
    public Map<Long, Long> getDepartmentsChosen() { return departmentsChosen; }
    public Map<Long, String> getOutcomes() { return outcomes; }
    public Map<Long, String> getReasons() { return reasons; }
    public Map<Long, Long> getRemovals() { return removals; }
    public boolean isLocked() { return locked; }
    public String getSeedMode() { return seedMode; }
    public void setSeedMode(String seedMode) { this.seedMode = seedMode; }
    public String getSecretSeed() { return secretSeed; }
    public void setSecretSeed(String secretSeed) { this.secretSeed = secretSeed; }
    public String getSeedCommitment() { return seedCommitment; }
    public String getSeedSource() { return seedSource; }
    public void setSeedSource(String seedSource) { this.seedSource = seedSource; }
    public String getSeedSourceUrl() { return seedSourceUrl; }
    public void setSeedSourceUrl(String seedSourceUrl) { this.seedSourceUrl = seedSourceUrl; }
    public String getRunReason() { return runReason; }
    public void setRunReason(String runReason) { this.runReason = runReason; }

    public void publish() {
        try {
            result = selections.publish(user.require(Role.ORGANISER), eventId);
            Faces.info("selection.publish.done");
        } catch (Problem e) {
            Faces.show(e, "run", Map.of());
        }
    }

    public long getApproved() {
        return registrationQueries.approved(eventId).size();
    }

    public Category[] getCategories() { return Category.values(); }
    public String getEvent() { return event; }
    public void setEvent(String event) { this.event = event; }
    public Long getEventId() { return eventId; }
    public String getTitle() { return title; }
    public Integer getRuleSeats() { return ruleSeats; }
    public void setRuleSeats(Integer ruleSeats) { this.ruleSeats = ruleSeats; }
    public Map<Category, Object> getMinimums() { return minimums; }

    private static int whole(Object v) {
        if (v instanceof Number n) {
            return n.intValue();
        }
        String text = v == null ? "" : v.toString().strip();
        return text.isEmpty() ? 0 : new BigDecimal(text).intValue();
    }
    public boolean isStakeholdersFirst() { return stakeholdersFirst; }
    public void setStakeholdersFirst(boolean stakeholdersFirst) { this.stakeholdersFirst = stakeholdersFirst; }
    public Integer getAlternates() { return alternates; }
    public void setAlternates(Integer alternates) { this.alternates = alternates; }
    public String getSeed() { return seed; }
    public void setSeed(String seed) { this.seed = seed; }
    public Selections.SelectionView getResult() { return result; }
}
