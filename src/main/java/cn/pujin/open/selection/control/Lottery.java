package cn.pujin.open.selection.control;

import cn.pujin.open.registration.entity.Category;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The selection rule run (遴选), reproducible by anyone from the published record (docs/selection.md; the 核验 page
 * does the same in the browser, webapp/resources/js/verify.js):
 * <ol>
 *   <li>Lottery order: each approved application's key is the SHA-256 (hex) of {@code seed + ":" + id};
 *       applications are ordered by key (ties, which do not happen in practice, by id).</li>
 *   <li>Minimums: for each category in the order RESIDENT, STAKEHOLDER, ENTERPRISE, EXPERT, OTHER, take
 *       the first applications of that category in lottery order until its minimum or the seats are reached.</li>
 *   <li>Balance minimums (optional): for each balance line in the rule's order, take the first applications with that
 *       community, age band or gender in lottery order until the line's minimum is met.</li>
 *   <li>Stakeholders first (when on): then every remaining STAKEHOLDER in lottery order, while seats remain.</li>
 *   <li>Lottery: then everyone else in lottery order, while seats remain.</li>
 *   <li>Balance maximums: in steps 2 to 5 an application that would take a balance line past its maximum is passed
 *       over (it stays in line for the alternates).</li>
 *   <li>Alternates (候补): those not selected, in the same priority (stakeholders first when on, then lottery order),
 *       ranked 1, 2, …</li>
 * </ol>
 * {@code inputHash} is the SHA-256 (hex) of the approved ids, ascending, joined by ","; the same seed and the
 * same input always give the same result.
 */
public final class Lottery {

    private Lottery() {}

    /** What a balance line counts. */
    public enum Attribute { COMMUNITY, AGE_BAND, GENDER }

    public record Applicant(long registrationId, Category category, String community, String ageBand, String gender) {

        public Applicant(long registrationId, Category category) {
            this(registrationId, category, null, null, null);
        }

        String value(Attribute attribute) {
            return switch (attribute) {
                case COMMUNITY -> community;
                case AGE_BAND -> ageBand;
                case GENDER -> gender;
            };
        }
    }

    /** At least {@code min} and (when given) at most {@code max} of the selected with this community, age band or gender. */
    public record Balance(Attribute attribute, String value, int min, Integer max) {

        boolean matches(Applicant a) {
            return Objects.equals(value, a.value(attribute));
        }
    }

    public record Rule(int seats, Map<Category, Integer> minimums, boolean stakeholdersFirst, int alternates,
                       List<Balance> balance) {

        public Rule(int seats, Map<Category, Integer> minimums, boolean stakeholdersFirst, int alternates) {
            this(seats, minimums, stakeholdersFirst, alternates, List.of());
        }
    }

    public record Result(String seed, String inputHash, List<Long> selected, List<Long> alternates) {}

    public static Result draw(String seed, Rule rule, List<Applicant> approved) {
        List<Applicant> order = new ArrayList<>(approved);
        order.sort(Comparator.comparing((Applicant a) -> key(seed, a.registrationId())).thenComparingLong(Applicant::registrationId));
        List<Balance> balance = rule.balance() == null ? List.of() : rule.balance();
        List<Applicant> selected = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        for (Category category : Category.values()) {
            int minimum = rule.minimums() == null ? 0 : rule.minimums().getOrDefault(category, 0);
            take(order, a -> a.category() == category, minimum, rule.seats(), balance, selected, taken);
        }
        for (Balance line : balance) {
            int have = (int) selected.stream().filter(line::matches).count();
            take(order, line::matches, line.min() - have, rule.seats(), balance, selected, taken);
        }
        List<Applicant> rest = priority(order, taken, rule.stakeholdersFirst());
        List<Applicant> passedOver = new ArrayList<>();
        for (Applicant a : rest) {
            if (selected.size() < rule.seats() && fits(a, balance, selected)) {
                selected.add(a);
                taken.add(a.registrationId());
            } else {
                passedOver.add(a);
            }
        }
        List<Long> alternates = passedOver.stream().limit(rule.alternates()).map(Applicant::registrationId).toList();
        return new Result(seed, inputHash(approved), selected.stream().map(Applicant::registrationId).toList(), alternates);
    }

    /** Takes up to {@code wanted} of those matching, in lottery order, while seats remain and every maximum holds. */
    private static void take(List<Applicant> order, java.util.function.Predicate<Applicant> matching, int wanted, int seats,
                             List<Balance> balance, List<Applicant> selected, Set<Long> taken) {
        int have = 0;
        for (Applicant a : order) {
            if (have >= wanted || selected.size() >= seats) {
                return;
            }
            if (matching.test(a) && !taken.contains(a.registrationId()) && fits(a, balance, selected)) {
                selected.add(a);
                taken.add(a.registrationId());
                have++;
            }
        }
    }

    /** Whether taking this one keeps every balance line within its maximum. */
    private static boolean fits(Applicant a, List<Balance> balance, List<Applicant> selected) {
        for (Balance line : balance) {
            if (line.max() != null && line.matches(a) && selected.stream().filter(line::matches).count() >= line.max()) {
                return false;
            }
        }
        return true;
    }

    /** Those not yet taken, stakeholders first when the rule says so, each group in lottery order. */
    private static List<Applicant> priority(List<Applicant> order, Set<Long> taken, boolean stakeholdersFirst) {
        List<Applicant> rest = order.stream().filter(a -> !taken.contains(a.registrationId())).collect(Collectors.toList());
        if (stakeholdersFirst) {
            rest.sort(Comparator.comparingInt(a -> a.category() == Category.STAKEHOLDER ? 0 : 1));
        }
        return rest;
    }

    public static String key(String seed, long registrationId) {
        return sha256(seed + ":" + registrationId);
    }

    public static String inputHash(List<Applicant> approved) {
        return sha256(approved.stream().map(Applicant::registrationId).sorted().map(String::valueOf)
                .collect(Collectors.joining(",")));
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
