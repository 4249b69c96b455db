package com.mailroom.ratelimit.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Counts events per key and in total over a sliding window: the rule. The events themselves are kept by
 * {@code RateLimiter} in the database shared by all nodes, which builds a window from them for each attempt
 * ({@link #restored}). Not thread-safe: one attempt, one window.
 */
public final class SlidingWindow {

    private final int perKey;
    private final int total;
    private final Duration window;
    private final Map<String, Deque<Instant>> byKey = new HashMap<>();
    private final Deque<Instant> all = new ArrayDeque<>();

    public SlidingWindow(int perKey, int total, Duration window) {
        this.perKey = perKey;
        this.total = total;
        this.window = window;
    }

    /** One counted attempt. */
    public record Hit(String key, Instant at) {}

    /** A window holding the attempts counted so far (any order; those outside the window are ignored). */
    public static SlidingWindow restored(int perKey, int total, Duration window, List<Hit> hits) {
        var restored = new SlidingWindow(perKey, total, window);
        hits.stream().sorted(Comparator.comparing(Hit::at)).forEach(h -> {
            restored.byKey.computeIfAbsent(h.key(), k -> new ArrayDeque<>()).addLast(h.at());
            restored.all.addLast(h.at());
        });
        return restored;
    }

    /** Attempts at or before this are outside the window at {@code now}. */
    public Instant horizon(Instant now) {
        return now.minus(window);
    }

    /** What a refused attempt is told: how long to wait, and whether the caller's own budget is the reason. */
    public record Refusal(long retryAfterSeconds, boolean perKey) {}

    /** Counts the attempt and answers empty, or refuses it without counting. */
    public Optional<Refusal> tryAcquire(String key, Instant now) {
        Instant horizon = horizon(now);
        prune(all, horizon);
        Deque<Instant> mine = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        prune(mine, horizon);
        if (mine.size() >= perKey) {
            return Optional.of(new Refusal(wait(mine, now), true));
        }
        if (all.size() >= total) {
            return Optional.of(new Refusal(wait(all, now), false));
        }
        mine.addLast(now);
        all.addLast(now);
        byKey.values().removeIf(Deque::isEmpty);
        byKey.computeIfAbsent(key, k -> mine);
        return Optional.empty();
    }

    private long wait(Deque<Instant> events, Instant now) {
        Duration left = Duration.between(now, events.peekFirst().plus(window));
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    private static void prune(Deque<Instant> events, Instant horizon) {
        while (!events.isEmpty() && !events.peekFirst().isAfter(horizon)) {
            events.removeFirst();
        }
    }
}
