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
import cn.pujin.open.selection.control.Selections;
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

/** {@code /organiser/selection.xhtml?event=}: the rule editor, the seeded run and "publish 公示". */
@Named
@ViewScoped
public class SelectionPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Selections selections;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Seats seats;

    @Inject
    CurrentUser user;

    @Inject
    Clocks clocks;

    private String event;
    private Long eventId;
    private String title;
    private Integer ruleSeats;
    /** Bound to one input per category; EL writes what the input gives (a number or its text), so it is read as either. */
    private final Map<Category, Object> minimums = new EnumMap<>(Category.class);
    private boolean stakeholdersFirst = true;
    private Integer alternates = 0;
    private String seed;
    private Selections.SelectionView result;

    public void load() {
        try {
            eventId = Long.valueOf(event);
            Seats.Bookable b = seats.bookable(eventId);
            if (!b.isMeeting()) {
                Faces.notFound();
                return;
            }
            title = b.title();
            Selections.RuleView rule = selections.rule(eventId);
            ruleSeats = rule.seats();
            for (Category c : Category.values()) {
                minimums.put(c, rule.minimums().getOrDefault(c, 0));
            }
            stakeholdersFirst = rule.stakeholdersFirst();
            alternates = rule.alternates();
            result = selections.selection(eventId).map(s -> selections.get(eventId, true)).orElse(null);
            seed = result != null ? result.seed() : LocalDate.now(clocks.clock()) + "-" + Messages.get(Messages.CHINESE, "selection.seed.suffix");
        } catch (NumberFormatException | Problem e) {
            Faces.notFound();
        }
    }

    public void saveRule() {
        try {
            Map<String, Integer> m = new HashMap<>();
            minimums.forEach((k, v) -> m.put(k.name(), whole(v)));
            selections.setRule(user.require(Role.ORGANISER), eventId,
                    new Selections.RuleRequest(ruleSeats, m, stakeholdersFirst, alternates));
            Faces.info("selection.rule.saved");
        } catch (Problem e) {
            Faces.show(e, "rule", Map.of("seats", "seats", "alternates", "alternates", "minimums", "seats"));
        } catch (NumberFormatException notANumber) {
            Faces.show(Problem.invalid("minimums", "validation.type.integer"), "rule", Map.of("minimums", "seats"));
        }
    }

    public void run() {
        try {
            result = selections.run(user.require(Role.ORGANISER), eventId,
                    Selections.seed(seed == null ? null : JSON.createValue(seed.strip())));
            Faces.info("selection.run.done");
        } catch (Problem e) {
            Faces.show(e, "run", Map.of("seed", "seed"));
        }
    }

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
