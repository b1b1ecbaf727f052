package cn.pujin.open.selection.control;

import cn.pujin.open.account.control.Accounts;
import cn.pujin.open.account.entity.Account;
import cn.pujin.open.event.control.Seats;
import cn.pujin.open.event.entity.EventStatus;
import cn.pujin.open.platform.control.Audit;
import cn.pujin.open.platform.control.Masking;
import cn.pujin.open.platform.control.Problem;
import cn.pujin.open.platform.control.ProblemCode;
import cn.pujin.open.platform.control.Times;
import cn.pujin.open.registration.control.RegistrationQueries;
import cn.pujin.open.registration.control.Registrations;
import cn.pujin.open.registration.entity.Category;
import cn.pujin.open.registration.entity.Registration;
import cn.pujin.open.registration.entity.RegistrationStatus;
import cn.pujin.open.selection.entity.Selection;
import cn.pujin.open.selection.entity.SelectionRule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static cn.pujin.open.platform.control.JsonCodec.JSON;
import static cn.pujin.open.platform.control.JsonCodec.JSONB;

/** Selection rules per meeting, the auditable lottery run, and its publication (公示). */
@ApplicationScoped
public class Selections {

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    Registrations registrations;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Accounts accounts;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    public record RuleRequest(Integer seats, Map<String, Integer> minimums, Boolean stakeholdersFirst, Integer alternates) {}

    public record RuleView(int seats, Map<Category, Integer> minimums, boolean stakeholdersFirst, int alternates) {}

    public record Person(Long registrationId, String name, Category category, String organisation, Integer rank,
                         RegistrationStatus status) {}

    public record SelectionView(Long eventId, String seed, String inputHash, RuleView rule, boolean published,
                                OffsetDateTime runAt, OffsetDateTime publishedAt, int applicants,
                                List<Person> selected, List<Person> alternates) {}

    /** What the result column holds: the ordered ids. */
    public record Outcome(List<Long> selected, List<Long> alternates, List<Long> input) {}

    // ---- rule ----

    @Transactional
    public RuleView setRule(Long organiser, Long eventId, RuleRequest request) {
        Seats.Bookable event = meeting(eventId);
        if (request == null) {
            throw Problem.invalid("body", "validation.body");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        int max = Math.max(1, event.capacity());
        if (request.seats() == null || request.seats() < 1 || request.seats() > max) {
            errors.add(new Problem.FieldError("seats", "validation.range", 1, max));
        }
        Map<Category, Integer> minimums = new EnumMap<>(Category.class);
        if (request.minimums() != null) {
            for (Map.Entry<String, Integer> m : request.minimums().entrySet()) {
                Category c = category(m.getKey());
                if (c == null) {
                    errors.add(new Problem.FieldError("minimums." + m.getKey(), "validation.enum", List.of(Category.values())));
                } else if (m.getValue() == null || m.getValue() < 0 || m.getValue() > max) {
                    errors.add(new Problem.FieldError("minimums." + m.getKey(), "validation.range", 0, max));
                } else if (m.getValue() > 0) {
                    minimums.put(c, m.getValue());
                }
            }
        }
        int sum = minimums.values().stream().mapToInt(Integer::intValue).sum();
        if (request.seats() != null && sum > request.seats()) {
            errors.add(new Problem.FieldError("minimums", "selection.minimums.tooMany"));
        }
        if (request.alternates() != null && (request.alternates() < 0 || request.alternates() > 100)) {
            errors.add(new Problem.FieldError("alternates", "validation.range", 0, 100));
        }
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        if (selection(eventId).map(Selection::isPublished).orElse(false)) {
            throw Problem.conflict(ProblemCode.SELECTION_PUBLISHED, "selection.published");
        }
        SelectionRule rule = em.find(SelectionRule.class, eventId);
        if (rule == null) {
            rule = new SelectionRule(eventId);
            em.persist(rule);
        }
        rule.set(request.seats(), JSONB.toJson(minimums), request.stakeholdersFirst() == null || request.stakeholdersFirst(),
                request.alternates() == null ? 0 : request.alternates(), organiser, clock.instant());
        audit.record(organiser, "event", eventId, "selection.rule", null, null, JSONB.toJson(view(rule)));
        return view(rule);
    }

    /** The rule of a meeting; by default all seats by lottery, stakeholders first, no alternates. */
    public RuleView rule(Long eventId) {
        SelectionRule rule = em.find(SelectionRule.class, eventId);
        if (rule == null) {
            return new RuleView(Math.max(1, seats.capacity(eventId)), Map.of(), true, 0);
        }
        return view(rule);
    }

    private static RuleView view(SelectionRule rule) {
        Map<Category, Integer> minimums = new EnumMap<>(Category.class);
        JSON.createReader(new StringReader(rule.getMinimums())).readObject()
                .forEach((k, v) -> minimums.put(Category.valueOf(k), ((JsonNumber) v).intValue()));
        return new RuleView(rule.getSeats(), minimums, rule.isStakeholdersFirst(), rule.getAlternates());
    }

    private static Category category(String name) {
        try {
            return Category.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    // ---- run and publish ----

    /** A seed is a string of 1–64 characters or an integer. */
    public static String seed(JsonValue value) {
        if (value instanceof JsonString s && !s.getString().isBlank() && s.getString().length() <= 64) {
            return s.getString();
        }
        if (value instanceof JsonNumber n && n.isIntegral() && n.toString().length() <= 20) {
            return n.bigIntegerValue().toString();
        }
        throw Problem.invalid("seed", "selection.seed");
    }

    @Transactional
    public SelectionView run(Long organiser, Long eventId, String seed) {
        meeting(eventId);
        Selection selection = em.find(Selection.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (selection != null && selection.isPublished()) {
            if (selection.getSeed().equals(seed)) {
                return view(selection);
            }
            throw Problem.conflict(ProblemCode.SELECTION_PUBLISHED, "selection.published");
        }
        List<Lottery.Applicant> approved = registrationQueries.approved(eventId).stream()
                .map(r -> new Lottery.Applicant(r.getId(), r.getCategory())).toList();
        if (approved.isEmpty()) {
            throw Problem.conflict(ProblemCode.NO_APPROVED_APPLICATIONS, "selection.noApplicants");
        }
        RuleView rule = rule(eventId);
        Lottery.Result result = Lottery.draw(seed, new Lottery.Rule(rule.seats(), rule.minimums(), rule.stakeholdersFirst(),
                rule.alternates()), approved);
        if (selection == null) {
            selection = new Selection(eventId);
            em.persist(selection);
        }
        List<Long> input = approved.stream().map(Lottery.Applicant::registrationId).sorted().toList();
        selection.ran(seed, result.inputHash(), JSONB.toJson(rule),
                JSONB.toJson(new Outcome(result.selected(), result.alternates(), input)), organiser, clock.instant());
        audit.record(organiser, "event", eventId, "selection.run", null, null, "seed " + seed + ", input " + result.inputHash());
        return view(selection);
    }

    @Transactional
    public SelectionView publish(Long organiser, Long eventId) {
        meeting(eventId);
        Selection selection = em.find(Selection.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (selection == null) {
            throw Problem.conflict(ProblemCode.NO_SELECTION, "selection.none");
        }
        if (selection.isPublished()) {
            return view(selection);
        }
        Outcome outcome = outcome(selection);
        Set<Long> stillApproved = registrationQueries.approved(eventId).stream().map(Registration::getId).collect(Collectors.toSet());
        if (!stillApproved.equals(new HashSet<>(outcome.input()))) {
            throw Problem.conflict(ProblemCode.SELECTION_STALE, "selection.stale");
        }
        registrations.applySelection(eventId, outcome.selected(), outcome.alternates(), organiser);
        selection.publish(organiser, clock.instant());
        audit.record(organiser, "event", eventId, "selection.publish", null, null, "seed " + selection.getSeed());
        return view(selection);
    }

    public Optional<Selection> selection(Long eventId) {
        return Optional.ofNullable(em.find(Selection.class, eventId));
    }

    /** The 公示: public once published; before that only for organisers. */
    public SelectionView get(Long eventId, boolean organiser) {
        Selection selection = selection(eventId).orElseThrow(Problem::notFound);
        if (!selection.isPublished() && !organiser) {
            throw Problem.notFound();
        }
        return view(selection);
    }

    private static Outcome outcome(Selection s) {
        return JSONB.fromJson(s.getResultJson(), Outcome.class);
    }

    private SelectionView view(Selection s) {
        Outcome outcome = outcome(s);
        RuleView rule = JSONB.fromJson(s.getRuleJson(), RuleView.class);
        List<Long> all = new ArrayList<>(outcome.selected());
        all.addAll(outcome.alternates());
        Map<Long, Registration> byId = new LinkedHashMap<>();
        for (Long id : all) {
            byId.put(id, registrationQueries.find(id));
        }
        Map<Long, Account> people = accounts.byIds(byId.values().stream().map(Registration::getAccountId).collect(Collectors.toSet()));
        List<Person> selected = outcome.selected().stream().map(id -> person(byId.get(id), people, null)).toList();
        List<Person> alternates = new ArrayList<>();
        for (int i = 0; i < outcome.alternates().size(); i++) {
            alternates.add(person(byId.get(outcome.alternates().get(i)), people, i + 1));
        }
        return new SelectionView(s.getEventId(), s.getSeed(), s.getInputHash(), rule, s.isPublished(), Times.local(s.getRunAt()),
                Times.local(s.getPublishedAt()), outcome.input().size(), selected, alternates);
    }

    private static Person person(Registration r, Map<Long, Account> people, Integer rank) {
        Account a = people.get(r.getAccountId());
        return new Person(r.getId(), a == null ? null : Masking.name(a.getDisplayName()), r.getCategory(), r.getOrganisation(),
                rank, r.getStatus());
    }

    private Seats.Bookable meeting(Long eventId) {
        Seats.Bookable event = seats.bookable(eventId);
        if (!event.isMeeting()) {
            throw Problem.conflict(ProblemCode.NOT_A_MEETING, "selection.notMeeting");
        }
        if (event.status() == EventStatus.CANCELLED) {
            throw Problem.conflict(ProblemCode.EVENT_CANCELLED, "event.cancelled");
        }
        return event;
    }
}
