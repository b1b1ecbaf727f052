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
import cn.pujin.open.calendar.control.WorkingDayCalendar;
import cn.pujin.open.platform.control.Clocks;
import cn.pujin.open.platform.control.Texts;
import cn.pujin.open.registration.control.RegistrationRequest;
import cn.pujin.open.selection.entity.Selection;
import cn.pujin.open.selection.entity.SelectionRevision;
import cn.pujin.open.selection.entity.SelectionRule;
import cn.pujin.open.selection.entity.SelectionRun;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
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

    @Inject
    SelectionRules rules;

    @Inject
    WorkingDayCalendar calendar;

    /** Working days a published 公示 takes objections (异议). */
    @Inject
    @ConfigProperty(name = "SELECTION_OBJECTION_DAYS", defaultValue = "5")
    int objectionDays;

    /** {@code withdrawn}: removed by a revision after a sustained objection (not a cancellation of their own). */
    public record Person(Long registrationId, String name, Category category, String organisation, Integer rank,
                         RegistrationStatus status, boolean withdrawn) {}

    /** One approved application the draw ran over, as the 公示 publishes it. */
    public record InputRow(Long registrationId, String number, String name, Category category, String community) {}

    public record RunView(OffsetDateTime at, String seed, String inputHash, String reason) {}

    public record RevisionView(OffsetDateTime at, String objection, Long removedId, String removed, Long promotedId,
                               String promoted, String reason) {}

    /** Declared community, age band or gender counted over the input and over those selected (never per person for the last two). */
    public record BalanceCount(Lottery.Attribute attribute, String value, long applicants, long selected) {}

    public record SelectionView(Long eventId, String seed, String inputHash, SelectionRules.RuleView rule, boolean published,
                                OffsetDateTime runAt, OffsetDateTime publishedAt, int applicants,
                                List<Person> selected, List<Person> alternates, List<InputRow> input,
                                String seedCommitment, String seedSource, String seedSourceUrl, List<RunView> runs,
                                OffsetDateTime objectionsCloseAt, boolean objectionsOpen, int revision,
                                OffsetDateTime republishedAt, List<RevisionView> revisions, List<BalanceCount> balanceCounts,
                                LocalDate objectionsLastDay) {}

    /** What the result column holds: the ordered ids. */
    public record Outcome(List<Long> selected, List<Long> alternates, List<Long> input) {}

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

    public SelectionView run(Long organiser, Long eventId, String seed) {
        return run(organiser, eventId, seed, null);
    }

    /**
     * Runs the rule. With a committed seed the seed must hash to the commitment (409 SEED_MISMATCH). The same seed
     * over the same input answers the run already made; any other run is kept and listed in the 公示, and every run
     * after the first needs a reason.
     */
    @Transactional
    public SelectionView run(Long organiser, Long eventId, String seed, String reason) {
        meeting(eventId);
        Selection selection = em.find(Selection.class, eventId, LockModeType.PESSIMISTIC_WRITE);
        if (selection != null && selection.isPublished()) {
            if (selection.getSeed().equals(seed)) {
                return view(selection);
            }
            throw Problem.conflict(ProblemCode.SELECTION_PUBLISHED, "selection.published");
        }
        String why = Texts.strip(reason);
        if (why != null && Texts.length(why) > 500) {
            throw Problem.invalid("reason", "validation.size.max.n", 500);
        }
        SelectionRules.RuleView rule = rules.rule(eventId);
        if (rule.seedCommitment() != null && !rule.seedCommitment().equals(Lottery.sha256(seed))) {
            throw Problem.conflict(ProblemCode.SEED_MISMATCH, "selection.seed.mismatch");
        }
        List<Lottery.Applicant> approved = registrationQueries.approved(eventId).stream().map(Selections::applicant).toList();
        if (approved.isEmpty()) {
            throw Problem.conflict(ProblemCode.NO_APPROVED_APPLICATIONS, "selection.noApplicants");
        }
        Lottery.Result result = Lottery.draw(seed, lotteryRule(rule), approved);
        if (selection != null && selection.getSeed().equals(seed) && selection.getInputHash().equals(result.inputHash())) {
            return view(selection);
        }
        if (selection != null && why == null) {
            throw Problem.invalid("reason", "selection.run.reason");
        }
        if (selection == null) {
            selection = new Selection(eventId);
            em.persist(selection);
        }
        List<Long> input = approved.stream().map(Lottery.Applicant::registrationId).sorted().toList();
        selection.ran(seed, result.inputHash(), JSONB.toJson(rule),
                JSONB.toJson(new Outcome(result.selected(), result.alternates(), input)), organiser, clock.instant());
        em.persist(new SelectionRun(eventId, clock.instant(), seed, result.inputHash(), why, organiser));
        audit.record(organiser, "event", eventId, "selection.run", null, null,
                "seed " + seed + ", input " + result.inputHash() + (why == null ? "" : ", " + why));
        return view(selection);
    }

    static Lottery.Applicant applicant(Registration r) {
        return new Lottery.Applicant(r.getId(), r.getCategory(), r.getCommunity(), r.getAgeBand(), r.getGender());
    }

    static Lottery.Rule lotteryRule(SelectionRules.RuleView rule) {
        return new Lottery.Rule(rule.seats(), rule.minimums(), rule.stakeholdersFirst(), rule.alternates(), rule.balance());
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
        LocalDate today = LocalDate.now(clock);
        Instant closes = calendar.plus(today, objectionDays).plusDays(1).atStartOfDay(Clocks.ZONE).toInstant();
        selection.publish(organiser, clock.instant(), closes);
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
        SelectionRules.RuleView rule = JSONB.fromJson(s.getRuleJson(), SelectionRules.RuleView.class);
        Map<Long, Registration> byId = registrationQueries.byIds(outcome.input());
        Map<Long, Account> people = accounts.byIds(byId.values().stream().map(Registration::getAccountId).collect(Collectors.toSet()));
        List<RevisionView> revisions = em.createQuery("select r from SelectionRevision r where r.eventId = :e order by r.madeAt, r.id",
                        SelectionRevision.class).setParameter("e", s.getEventId()).getResultStream()
                .map(r -> new RevisionView(Times.local(r.getMadeAt()), ObjectionSource.number(r.getObjectionId()), r.getRemovedId(),
                        maskedName(byId.get(r.getRemovedId()), people), r.getPromotedId(),
                        r.getPromotedId() == null ? null : maskedName(byId.get(r.getPromotedId()), people), r.getReason())).toList();
        Set<Long> withdrawn = revisions.stream().map(RevisionView::removedId).collect(Collectors.toSet());
        List<Person> selected = outcome.selected().stream().map(id -> person(byId.get(id), people, null, withdrawn)).toList();
        List<Person> alternates = new ArrayList<>();
        for (int i = 0; i < outcome.alternates().size(); i++) {
            alternates.add(person(byId.get(outcome.alternates().get(i)), people, i + 1, withdrawn));
        }
        List<InputRow> input = outcome.input().stream().map(byId::get).map(r -> new InputRow(r.getId(), r.number(),
                maskedName(r, people), r.getCategory(), r.getCommunity())).toList();
        List<RunView> runs = em.createQuery("select r from SelectionRun r where r.eventId = :e order by r.ranAt, r.id", SelectionRun.class)
                .setParameter("e", s.getEventId()).getResultStream()
                .map(r -> new RunView(Times.local(r.getRanAt()), r.getSeed(), r.getInputHash(), r.getReason())).toList();
        Set<Long> chosen = new HashSet<>(outcome.selected());
        List<BalanceCount> counts = new ArrayList<>();
        for (Lottery.Attribute attribute : Lottery.Attribute.values()) {
            Map<String, long[]> byValue = new java.util.TreeMap<>();
            for (Registration r : byId.values()) {
                String value = applicant(r).value(attribute);
                if (value != null) {
                    long[] c = byValue.computeIfAbsent(value, v -> new long[2]);
                    c[0]++;
                    c[1] += chosen.contains(r.getId()) ? 1 : 0;
                }
            }
            byValue.forEach((value, c) -> counts.add(new BalanceCount(attribute, value, c[0], c[1])));
        }
        Instant closes = s.getObjectionsCloseAt();
        return new SelectionView(s.getEventId(), s.getSeed(), s.getInputHash(), rule, s.isPublished(), Times.local(s.getRunAt()),
                Times.local(s.getPublishedAt()), outcome.input().size(), selected, alternates, input, rule.seedCommitment(),
                rule.seedSource(), rule.seedSourceUrl(), runs, Times.local(closes),
                s.isPublished() && closes != null && clock.instant().isBefore(closes), s.getRevision(),
                Times.local(s.getRepublishedAt()), revisions, counts,
                s.objectionsLastDay(Clocks.ZONE));
    }

    private static String maskedName(Registration r, Map<Long, Account> people) {
        Account a = r == null ? null : people.get(r.getAccountId());
        return a == null ? null : Masking.name(a.getDisplayName());
    }

    private static Person person(Registration r, Map<Long, Account> people, Integer rank, Set<Long> withdrawn) {
        return new Person(r.getId(), maskedName(r, people), r.getCategory(), r.getOrganisation(), rank, r.getStatus(),
                withdrawn.contains(r.getId()));
    }

    void meeting(Long eventId) {
        meeting(seats.bookable(eventId));
    }

    static Seats.Bookable meeting(Seats.Bookable event) {
        if (!event.isMeeting()) {
            throw Problem.conflict(ProblemCode.NOT_A_MEETING, "selection.notMeeting");
        }
        if (event.status() == EventStatus.CANCELLED) {
            throw Problem.conflict(ProblemCode.EVENT_CANCELLED, "event.cancelled");
        }
        return event;
    }
}
