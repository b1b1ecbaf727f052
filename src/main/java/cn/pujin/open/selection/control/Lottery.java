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
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The selection rule run (遴选), reproducible by anyone from the published record:
 * <ol>
 *   <li>Lottery order: each approved application's key is the SHA-256 (hex) of {@code seed + ":" + id};
 *       applications are ordered by key (ties, which do not happen in practice, by id).</li>
 *   <li>Minimums: for each category in the order RESIDENT, STAKEHOLDER, ENTERPRISE, EXPERT, OTHER, take
 *       the first applications of that category in lottery order until its minimum or the seats are reached.</li>
 *   <li>Stakeholders first (when on): then every remaining STAKEHOLDER in lottery order, while seats remain.</li>
 *   <li>Lottery: then everyone else in lottery order, while seats remain.</li>
 *   <li>Alternates (候补): the next ones in the same priority (stakeholders first when on, then lottery order),
 *       ranked 1, 2, …</li>
 * </ol>
 * {@code inputHash} is the SHA-256 (hex) of the approved ids, ascending, joined by ","; the same seed and the
 * same input always give the same result.
 */
public final class Lottery {

    private Lottery() {}

    public record Applicant(long registrationId, Category category) {}

    public record Rule(int seats, Map<Category, Integer> minimums, boolean stakeholdersFirst, int alternates) {}

    public record Result(String seed, String inputHash, List<Long> selected, List<Long> alternates) {}

    public static Result draw(String seed, Rule rule, List<Applicant> approved) {
        List<Applicant> order = new ArrayList<>(approved);
        order.sort(Comparator.comparing((Applicant a) -> key(seed, a.registrationId())).thenComparingLong(Applicant::registrationId));
        List<Long> selected = new ArrayList<>();
        Set<Long> taken = new HashSet<>();
        for (Category category : Category.values()) {
            int minimum = rule.minimums() == null ? 0 : rule.minimums().getOrDefault(category, 0);
            int have = 0;
            for (Applicant a : order) {
                if (have >= minimum || selected.size() >= rule.seats()) {
                    break;
                }
                if (a.category() == category && taken.add(a.registrationId())) {
                    selected.add(a.registrationId());
                    have++;
                }
            }
        }
        List<Applicant> rest = priority(order, taken, rule.stakeholdersFirst());
        int next = 0;
        while (selected.size() < rule.seats() && next < rest.size()) {
            selected.add(rest.get(next++).registrationId());
        }
        List<Long> alternates = new ArrayList<>();
        while (alternates.size() < rule.alternates() && next < rest.size()) {
            alternates.add(rest.get(next++).registrationId());
        }
        return new Result(seed, inputHash(approved), selected, alternates);
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

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
