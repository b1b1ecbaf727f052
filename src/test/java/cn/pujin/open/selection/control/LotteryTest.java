package cn.pujin.open.selection.control;

import cn.pujin.open.registration.entity.Category;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selection rule run: minimums, stakeholders first, lottery, alternates; reproducible per seed. */
class LotteryTest {

    private static List<Lottery.Applicant> residents(long from, long to) {
        return LongStream.range(from, to).mapToObj(id -> new Lottery.Applicant(id, Category.RESIDENT)).toList();
    }

    private static Lottery.Rule rule(int seats, Map<Category, Integer> minimums, boolean stakeholdersFirst, int alternates) {
        return new Lottery.Rule(seats, minimums, stakeholdersFirst, alternates);
    }

    @Test
    void sameSeedSameInputSameResult() {
        List<Lottery.Applicant> input = residents(1, 40);
        Lottery.Result a = Lottery.draw("2026-浦锦", rule(5, Map.of(), false, 3), input);
        List<Lottery.Applicant> shuffled = new ArrayList<>(input);
        Collections.reverse(shuffled);
        Lottery.Result b = Lottery.draw("2026-浦锦", rule(5, Map.of(), false, 3), shuffled);
        assertEquals(a, b, "the order of the input does not matter");
        assertNotEquals(a.selected(), Lottery.draw("another seed", rule(5, Map.of(), false, 3), input).selected());
    }

    @Test
    void minimumsAreFilledFirst() {
        List<Lottery.Applicant> input = new ArrayList<>(residents(1, 30));
        input.add(new Lottery.Applicant(100, Category.ENTERPRISE));
        input.add(new Lottery.Applicant(101, Category.STAKEHOLDER));
        for (String seed : List.of("a", "b", "c", "d", "e")) {
            Lottery.Result r = Lottery.draw(seed, rule(3, Map.of(Category.ENTERPRISE, 1, Category.STAKEHOLDER, 1), false, 0), input);
            assertTrue(r.selected().contains(100L) && r.selected().contains(101L), seed + ": " + r.selected());
            assertEquals(3, r.selected().size());
        }
    }

    @Test
    void stakeholdersFirstThenLotteryThenAlternates() {
        List<Lottery.Applicant> input = new ArrayList<>(residents(1, 10));
        input.add(new Lottery.Applicant(50, Category.STAKEHOLDER));
        input.add(new Lottery.Applicant(51, Category.STAKEHOLDER));
        Lottery.Result r = Lottery.draw("seed", rule(4, Map.of(), true, 3), input);
        assertTrue(r.selected().containsAll(List.of(50L, 51L)));
        assertEquals(4, r.selected().size());
        assertEquals(3, r.alternates().size());
        assertTrue(new HashSet<>(r.selected()).stream().noneMatch(r.alternates()::contains), "nobody is both");

        Lottery.Result off = Lottery.draw("seed", rule(2, Map.of(), false, 0), input);
        List<Long> byKey = input.stream().sorted(Comparator.comparing(a -> Lottery.key("seed", a.registrationId())))
                .map(Lottery.Applicant::registrationId).limit(2).toList();
        assertEquals(byKey, off.selected(), "without priorities the seats follow the lottery order");
    }

    @Test
    void fewerApplicantsThanSeatsSelectsEveryone() {
        Lottery.Result r = Lottery.draw("x", rule(5, Map.of(Category.EXPERT, 2), true, 2), residents(1, 4));
        assertEquals(3, r.selected().size());
        assertEquals(List.of(), r.alternates());
    }

    @Test
    void inputHashIsTheSha256OfTheSortedIds() {
        assertEquals(Lottery.sha256("1,2,3"), Lottery.inputHash(List.of(new Lottery.Applicant(3, Category.OTHER),
                new Lottery.Applicant(1, Category.OTHER), new Lottery.Applicant(2, Category.OTHER))));
        assertEquals("a665a45920422f9d417e4867efdc4fb8a04a1f3fff1fa07e998e86f7f7a27ae3", Lottery.sha256("123"));
    }

    @Test
    void balanceMinimumsAreMetAndMaximumsPassOverToTheAlternates() {
        List<Lottery.Applicant> input = new ArrayList<>();
        for (long id = 1; id <= 20; id++) {
            input.add(new Lottery.Applicant(id, Category.RESIDENT, id == 17 ? "浦锦三居委" : "浦锦一居委", null, id <= 15 ? "M" : "F"));
        }
        List<Lottery.Balance> balance = List.of(new Lottery.Balance(Lottery.Attribute.COMMUNITY, "浦锦三居委", 1, null),
                new Lottery.Balance(Lottery.Attribute.GENDER, "M", 0, 1));
        for (String seed : List.of("a", "b", "c", "d", "e", "f")) {
            Lottery.Result r = Lottery.draw(seed, new Lottery.Rule(4, Map.of(), false, 3, balance), input);
            assertTrue(r.selected().contains(17L), seed + ": the only applicant of the community is taken: " + r.selected());
            assertTrue(r.selected().stream().filter(id -> id <= 15).count() <= 1, seed + ": at most one man: " + r.selected());
            assertEquals(4, r.selected().size(), "five women and one man can fill four seats");
            List<Long> byKey = input.stream().sorted(Comparator.comparing(a -> Lottery.key(seed, a.registrationId())))
                    .map(Lottery.Applicant::registrationId).filter(id -> !r.selected().contains(id)).limit(3).toList();
            assertEquals(byKey, r.alternates(), "those passed over wait in lottery order");
        }
    }

    @Test
    void withoutBalanceTheOldRuleIsUnchanged() {
        List<Lottery.Applicant> input = residents(1, 30);
        assertEquals(Lottery.draw("x", rule(5, Map.of(), true, 3), input),
                Lottery.draw("x", new Lottery.Rule(5, Map.of(), true, 3, List.of()), input));
    }
}
