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

/**
 * The selection rule of a meeting (seats, minimums per category, stakeholders first, alternates, balance lines) and
 * where its seed comes from: a commitment to a secret seed or a public value to come. Both are fixed once applications
 * open (409 SELECTION_LOCKED), so nobody can fit them to the applicants.
 */
@ApplicationScoped
public class SelectionRules {

    @PersistenceContext
    EntityManager em;

    @Inject
    Seats seats;

    @Inject
    RegistrationQueries registrationQueries;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** A balance line as sent: attribute COMMUNITY, AGE_BAND or GENDER, its value, a minimum and an optional maximum. */
    public record BalanceRequest(String attribute, String value, Integer min, Integer max) {}

    public record RuleRequest(Integer seats, Map<String, Integer> minimums, Boolean stakeholdersFirst, Integer alternates,
                              String seedCommitment, String seedSource, String seedSourceUrl, List<BalanceRequest> balance) {}

    /**
     * The rule, and where the seed comes from: {@code seedCommitment} (SHA-256 hex of a secret seed revealed at the
     * draw) or {@code seedSource} (a public value to come, in words, with {@code seedSourceUrl}); {@code locked} once
     * applications have opened.
     */
    public record RuleView(int seats, Map<Category, Integer> minimums, boolean stakeholdersFirst, int alternates,
                           List<Lottery.Balance> balance, String seedCommitment, String seedSource, String seedSourceUrl,
                           boolean locked) {}

    @Transactional
    public RuleView setRule(Long organiser, Long eventId, RuleRequest request) {
        Seats.Bookable event = Selections.meeting(seats.bookableOrDraft(eventId));
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
        String commitment = Texts.strip(request.seedCommitment());
        String source = Texts.strip(request.seedSource());
        String sourceUrl = Texts.strip(request.seedSourceUrl());
        if (commitment != null) {
            commitment = commitment.toLowerCase(java.util.Locale.ROOT);
            if (!commitment.matches("[0-9a-f]{64}")) {
                errors.add(new Problem.FieldError("seedCommitment", "selection.commitment.format"));
            }
            if (source != null) {
                errors.add(new Problem.FieldError("seedSource", "selection.seedSource.either"));
            }
        }
        if (source != null && Texts.length(source) > 200) {
            errors.add(new Problem.FieldError("seedSource", "validation.size.max.n", 200));
        }
        if (sourceUrl != null && (sourceUrl.length() > 500 || !sourceUrl.matches("https?://\\S+"))) {
            errors.add(new Problem.FieldError("seedSourceUrl", "selection.seedSource.url"));
        }
        if (sourceUrl != null && source == null) {
            errors.add(new Problem.FieldError("seedSource", "validation.required"));
        }
        List<Lottery.Balance> balance = balance(request.balance(), request.seats() == null ? max : request.seats(), errors);
        if (!errors.isEmpty()) {
            throw Problem.invalid(errors);
        }
        if (isLocked(event)) {
            throw Problem.conflict(ProblemCode.SELECTION_LOCKED, "selection.locked");
        }
        SelectionRule rule = em.find(SelectionRule.class, eventId);
        if (rule == null) {
            rule = new SelectionRule(eventId);
            em.persist(rule);
        }
        rule.set(request.seats(), JSONB.toJson(minimums), request.stakeholdersFirst() == null || request.stakeholdersFirst(),
                request.alternates() == null ? 0 : request.alternates(), organiser, clock.instant());
        rule.seedFrom(commitment, source, source == null ? null : sourceUrl);
        rule.balance(JSONB.toJson(balance));
        RuleView view = view(rule, false);
        audit.record(organiser, "event", eventId, "selection.rule", null, null, JSONB.toJson(view));
        return view;
    }

    private static List<Lottery.Balance> balance(List<BalanceRequest> lines, int seats, List<Problem.FieldError> errors) {
        List<Lottery.Balance> balance = new ArrayList<>();
        if (lines == null) {
            return balance;
        }
        if (lines.size() > 20) {
            errors.add(new Problem.FieldError("balance", "validation.size.max.n", 20));
            return balance;
        }
        for (int i = 0; i < lines.size(); i++) {
            BalanceRequest b = lines.get(i);
            String field = "balance[" + i + "]";
            if (b == null) {
                errors.add(new Problem.FieldError(field, "validation.required"));
                continue;
            }
            Lottery.Attribute attribute = null;
            try {
                attribute = b.attribute() == null ? null : Lottery.Attribute.valueOf(b.attribute());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (attribute == null) {
                errors.add(new Problem.FieldError(field + ".attribute", "validation.enum", List.of(Lottery.Attribute.values())));
                continue;
            }
            String value = Texts.strip(b.value());
            List<String> allowed = attribute == Lottery.Attribute.AGE_BAND ? RegistrationRequest.AGE_BANDS
                    : attribute == Lottery.Attribute.GENDER ? RegistrationRequest.GENDERS : null;
            if (value == null || Texts.length(value) > RegistrationRequest.COMMUNITY_MAX || (allowed != null && !allowed.contains(value))) {
                errors.add(allowed == null ? new Problem.FieldError(field + ".value", "validation.length", 1, RegistrationRequest.COMMUNITY_MAX)
                        : new Problem.FieldError(field + ".value", "validation.enum", allowed));
                continue;
            }
            int min = b.min() == null ? 0 : b.min();
            if (min < 0 || min > seats) {
                errors.add(new Problem.FieldError(field + ".min", "validation.range", 0, seats));
                continue;
            }
            if (b.max() != null && (b.max() < Math.max(min, 1) || b.max() > seats)) {
                errors.add(new Problem.FieldError(field + ".max", "validation.range", Math.max(min, 1), seats));
                continue;
            }
            balance.add(new Lottery.Balance(attribute, value, min, b.max()));
        }
        return balance;
    }

    /**
     * Rule and seed source are fixed once applications open: the meeting is published and its registration period has
     * begun, or anyone has applied.
     */
    boolean isLocked(Seats.Bookable event) {
        if (event.status() == EventStatus.PUBLISHED && !clock.instant().isBefore(event.registrationOpensAt())) {
            return true;
        }
        return registrationQueries.anyFor(event.eventId());
    }

    /** The rule of a meeting; by default all seats by lottery, stakeholders first, no alternates, no seed committed. */
    public RuleView rule(Long eventId) {
        boolean locked = isLocked(seats.bookableOrDraft(eventId));
        SelectionRule rule = em.find(SelectionRule.class, eventId);
        if (rule == null) {
            return new RuleView(Math.max(1, seats.bookableOrDraft(eventId).capacity()), Map.of(), true, 0, List.of(), null, null, null, locked);
        }
        return view(rule, locked);
    }

    private static RuleView view(SelectionRule rule, boolean locked) {
        Map<Category, Integer> minimums = new EnumMap<>(Category.class);
        JSON.createReader(new StringReader(rule.getMinimums())).readObject()
                .forEach((k, v) -> minimums.put(Category.valueOf(k), ((JsonNumber) v).intValue()));
        List<Lottery.Balance> balance = List.of(JSONB.fromJson(rule.getBalance(), Lottery.Balance[].class));
        return new RuleView(rule.getSeats(), minimums, rule.isStakeholdersFirst(), rule.getAlternates(), balance,
                rule.getSeedCommitment(), rule.getSeedSource(), rule.getSeedSourceUrl(), locked);
    }

    private static Category category(String name) {
        try {
            return Category.valueOf(name);
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

}
