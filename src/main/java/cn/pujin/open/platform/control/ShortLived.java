package cn.pujin.open.platform.control;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Answers kept for a few seconds of real time (not the application clock), for public reads that thousands of
 * people ask at once. Correct within the time to live across instances; the instance that made a change clears it
 * at once. Bounded: past {@code maxEntries} everything is dropped.
 */
public final class ShortLived<K, V> {

    private record Entry<V>(V value, long expiresNanos) {}

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final int maxEntries;

    public ShortLived(Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    public V get(K key, Supplier<V> load) {
        long now = System.nanoTime();
        Entry<V> e = entries.get(key);
        if (e != null && now - e.expiresNanos() < 0) {
            return e.value();
        }
        V value = load.get();
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        entries.put(key, new Entry<>(value, now + ttlNanos));
        return value;
    }

    public void clear() {
        entries.clear();
    }
}
