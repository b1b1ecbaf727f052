package cn.pujin.open.platform.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code limit} hits per key in a fixed window (e.g. 20 sign-ups per address per hour), in this
 * instance's memory. Time comes from the caller so tests can move it. The map is bounded: when it grows
 * past {@code MAX_KEYS} the expired windows are dropped, then everything if that was not enough.
 */
public final class RateLimit {

    private static final int MAX_KEYS = 100_000;

    private record Window(Instant start, int hits) {}

    private final int limit;
    private final Duration window;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    public RateLimit(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** When the key is over its limit: the moment it may try again. */
    public Optional<Instant> blockedUntil(String key, Instant now) {
        Window w = windows.get(key);
        if (w == null || expired(w, now) || w.hits() < limit) {
            return Optional.empty();
        }
        return Optional.of(w.start().plus(window));
    }

    /** Counts one hit; true if the key is still within its limit afterwards. */
    public boolean hit(String key, Instant now) {
        if (windows.size() > MAX_KEYS) {
            windows.values().removeIf(w -> expired(w, now));
            if (windows.size() > MAX_KEYS) {
                windows.clear();
            }
        }
        Window w = windows.compute(key, (k, old) -> old == null || expired(old, now)
                ? new Window(now, 1) : new Window(old.start(), old.hits() + 1));
        return w.hits() <= limit;
    }

    public int limit() {
        return limit;
    }

    private boolean expired(Window w, Instant now) {
        return !now.isBefore(w.start().plus(window));
    }
}
