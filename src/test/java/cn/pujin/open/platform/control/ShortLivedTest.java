package cn.pujin.open.platform.control;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ShortLivedTest {

    @Test
    void fiftyCallersOfAMissComputeOnce() throws Exception {
        ShortLived<String, Integer> cache = new ShortLived<>(Duration.ofSeconds(10), 100);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return cache.get("feed", () -> {
                    sleep(200);
                    return loads.incrementAndGet();
                });
            }));
        }
        go.countDown();
        for (Future<Integer> a : answers) {
            assertEquals(1, a.get());
        }
        pool.shutdown();
        assertEquals(1, loads.get());
    }

    @Test
    void aStaleAnswerIsServedWhileOneCallerRecomputesAndClearForgetsAtOnce() throws Exception {
        ShortLived<String, Integer> cache = new ShortLived<>(Duration.ofMillis(50), 100);
        AtomicInteger version = new AtomicInteger();
        assertEquals(1, cache.get("k", version::incrementAndGet));
        assertEquals(1, cache.get("k", version::incrementAndGet), "fresh");
        Thread.sleep(80);
        CountDownLatch computing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread refresher = new Thread(() -> cache.get("k", () -> {
            computing.countDown();
            await(release);
            return version.incrementAndGet();
        }));
        refresher.start();
        computing.await();
        assertEquals(1, cache.get("k", () -> -1), "others get the previous answer meanwhile");
        release.countDown();
        refresher.join();
        assertEquals(2, cache.get("k", () -> -1), "then the new one");
        cache.clear();
        assertEquals(9, cache.get("k", () -> 9), "cleared: computed again at once");
    }

    @Test
    void aFailedComputationIsNotKept() {
        ShortLived<String, Integer> cache = new ShortLived<>(Duration.ofSeconds(10), 100);
        assertThrows(IllegalStateException.class, () -> cache.get("k", () -> {
            throw new IllegalStateException("database down");
        }));
        assertEquals(3, cache.get("k", () -> 3));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
