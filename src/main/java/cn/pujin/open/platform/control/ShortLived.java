package cn.pujin.open.platform.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Answers kept for a few seconds of real time (not the application clock), for public reads that thousands of
 * people ask at once. One caller computes an answer while the others wait for it (no stampede on a miss); once an
 * answer is older than the time to live, one caller recomputes it while the others still get the previous one.
 * {@link #clear()} — called by the instance that changed something — drops everything at once; other instances
 * notice within the time to live plus one computation. Bounded: past {@code maxEntries} everything is dropped.
 */
public final class ShortLived<K, V> {

    private static final class Entry<V> {
        final CompletableFuture<V> value;
        volatile long freshUntilNanos;
        final AtomicBoolean refreshing = new AtomicBoolean();

        Entry(CompletableFuture<V> value, long freshUntilNanos) {
            this.value = value;
            this.freshUntilNanos = freshUntilNanos;
        }
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public ShortLived(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    public V get(K key, Supplier<V> load) {
        Entry<V> e = entries.get(key);
        if (e == null) {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            Entry<V> mine = new Entry<>(new CompletableFuture<>(), Long.MAX_VALUE);
            e = entries.putIfAbsent(key, mine);
            if (e == null) {
                return compute(key, mine, mine, load);
            }
        }
        if (!e.value.isDone() || System.nanoTime() - e.freshUntilNanos < 0 || !e.refreshing.compareAndSet(false, true)) {
            return join(e);
        }
        // stale: this caller computes the next answer, everyone else keeps getting this one meanwhile
        Entry<V> next = new Entry<>(new CompletableFuture<>(), Long.MAX_VALUE);
        return compute(key, e, next, load);
    }

    private V compute(K key, Entry<V> current, Entry<V> next, Supplier<V> load) {
        try {
            V value = load.get();
            next.value.complete(value);
            next.freshUntilNanos = System.nanoTime() + ttlNanos;
            if (next != current) {
                entries.replace(key, current, next);
            }
            return value;
        } catch (RuntimeException | Error failure) {
            next.value.completeExceptionally(failure);
            entries.remove(key, next);
            current.refreshing.set(false);
            throw failure;
        }
    }

    private static <V> V join(Entry<V> e) {
        try {
            return e.value.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw failed;
        }
    }

    public void clear() {
        entries.clear();
    }
}
