package com.mailroom.ratelimit.control;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts events per key and in total over a sliding window. Not thread-safe on purpose: its one owner, the
 * {@code RateLimiter} singleton, serialises calls, so a check and the count it allows are one step.
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

    /** What a refused attempt is told: how long to wait, and whether the caller's own budget is the reason. */
    public record Refusal(long retryAfterSeconds, boolean perKey) {
    }

    /** Counts the attempt and answers empty, or refuses it without counting. */
    public java.util.Optional<Refusal> tryAcquire(String key, Instant now) {
        Instant horizon = now.minus(window);
        prune(all, horizon);
        Deque<Instant> mine = byKey.computeIfAbsent(key, k -> new ArrayDeque<>());
        prune(mine, horizon);
        if (mine.size() >= perKey) {
            return java.util.Optional.of(new Refusal(wait(mine, now), true));
        }
        if (all.size() >= total) {
            return java.util.Optional.of(new Refusal(wait(all, now), false));
        }
        mine.addLast(now);
        all.addLast(now);
        byKey.values().removeIf(Deque::isEmpty);
        byKey.computeIfAbsent(key, k -> mine);
        return java.util.Optional.empty();
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
