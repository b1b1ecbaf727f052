package cn.pujin.open.bench;

import cn.pujin.open.it.Browser;
import cn.pujin.open.it.Fixtures;
import cn.pujin.open.it.PageWeight;
import cn.pujin.open.it.TestApp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * What a phone downloads and waits for, in a real Chromium through the DevTools protocol, 5 fresh browsers each:
 * the home page's first visit (budget 400 KB) beside the same visit asking for uncompressed answers (what it cost
 * before the app compressed them: the baseline of the ratio), the repeat visit (budget 40 KB), and an event page opened
 * after the home page on Chrome's "Fast 3G" (ready < 1.5 s) beside the same page with an empty cache. Medians (min–max).
 *
 * <p>{@code bench/page-weight} runs it.
 */
public final class PageWeightBench {

    public static void main(String[] args) {
        try {
            run(Integer.getInteger("bench.rounds", 5));
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    record Round(PageWeight.Visit first, PageWeight.Visit identity, PageWeight.Visit repeat, PageWeight.Visit event,
                 PageWeight.Visit coldEvent) {}

    static void run(int rounds) {
        TestApp app = TestApp.get();
        System.out.println("app on " + app.baseUrl);
        long eventId = Fixtures.id(Fixtures.published(Fixtures.openDay(Fixtures.unique("页面重量"), 10)));
        String event = "/events/detail.xhtml?id=" + eventId;
        List<Round> measured = new ArrayList<>();
        for (int round = 0; round <= rounds; round++) { // round 0 warms the server's pages up
            PageWeight.Visit identity;
            try (Browser b = PageWeight.phone()) {
                PageWeight.identity(b, true);
                identity = PageWeight.visit(b, "/");
            }
            PageWeight.Visit coldEvent;
            try (Browser b = PageWeight.phone()) {
                PageWeight.throttle(b, PageWeight.FAST_3G);
                coldEvent = PageWeight.visit(b, event);
            }
            try (Browser b = PageWeight.phone()) {
                PageWeight.Visit first = PageWeight.visit(b, "/");
                PageWeight.Visit repeat = PageWeight.visit(b, "/");
                PageWeight.throttle(b, PageWeight.FAST_3G);
                PageWeight.Visit warmEvent = PageWeight.visit(b, event);
                if (round > 0) {
                    measured.add(new Round(first, identity, repeat, warmEvent, coldEvent));
                    System.out.printf("round %d: first %s; uncompressed %s; repeat %s; event on Fast 3G %s (empty cache: %s)%n",
                            round, first, identity, repeat, warmEvent, coldEvent);
                }
            }
        }
        System.out.println();
        System.out.printf("home page, first visit: %s KB transferred   budget <= 400%n", spread(measured, r -> r.first().bytes() / 1024.0));
        System.out.printf("  the same visit uncompressed (before): %s KB; ratio compressed/uncompressed %.2f%n",
                spread(measured, r -> r.identity().bytes() / 1024.0),
                median(measured, r -> r.first().bytes()) / median(measured, r -> r.identity().bytes()));
        System.out.printf("home page, repeat visit: %s KB transferred   budget <= 40%n", spread(measured, r -> r.repeat().bytes() / 1024.0));
        System.out.printf("event page on Fast 3G after the home page: ready after %s ms, %s KB   budget < 1500 ms%n",
                spread(measured, r -> r.event().readyMs()), spread(measured, r -> r.event().bytes() / 1024.0));
        System.out.printf("  the same page with an empty cache: ready after %s ms, %s KB%n",
                spread(measured, r -> r.coldEvent().readyMs()), spread(measured, r -> r.coldEvent().bytes() / 1024.0));
    }

    static double median(List<Round> rounds, ToDoubleFunction<Round> f) {
        List<Double> v = new ArrayList<>(rounds.stream().map(f::applyAsDouble).toList());
        Collections.sort(v);
        return v.get(v.size() / 2);
    }

    static String spread(List<Round> rounds, ToDoubleFunction<Round> f) {
        List<Double> v = new ArrayList<>(rounds.stream().map(f::applyAsDouble).toList());
        Collections.sort(v);
        return String.format("%,.1f (%,.1f–%,.1f)", v.get(v.size() / 2), v.get(0), v.get(v.size() - 1));
    }
}
