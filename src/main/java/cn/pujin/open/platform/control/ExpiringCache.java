package cn.pujin.open.platform.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small per-instance cache whose entries are re-read after a fixed time, for look-ups on hot paths that
 * may be a few seconds stale (another instance's change shows within {@code ttl}). Bounded: when full it
 * starts over rather than tracking use.
 */
public final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long loadedNanos) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public ExpiringCache(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The cached value, or the loader's when missing or stale; a null from the loader is not cached. */
    public V get(K key, Function<K, V> loader) {
        Entry<V> e = entries.get(key);
        if (e != null && System.nanoTime() - e.loadedNanos() < ttlNanos) {
            return e.value();
        }
        V value = loader.apply(key);
        if (value == null) {
            entries.remove(key);
        } else {
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
            entries.put(key, new Entry<>(value, System.nanoTime()));
        }
        return value;
    }

    /** Forgets entries at once (a change made on this instance). */
    public void removeIf(Predicate<V> which) {
        entries.values().removeIf(e -> which.test(e.value()));
    }
}
