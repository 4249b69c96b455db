package com.mailroom.ratelimit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.ratelimit.control.SlidingWindow.Hit;
import com.mailroom.ratelimit.control.SlidingWindow.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The rate limit's arithmetic (what {@code RateLimiter} promises: per admin and per instance, over a sliding window,
 * refused attempts not counted, a Retry-After after which the next attempt is allowed). The clock is the
 * {@code now} each call is given, so time passes here only by arithmetic.
 */
class SlidingWindowTest {

    static final Instant T0 = Instant.parse("2025-01-01T12:00:00Z");
    static final Duration WINDOW = Duration.ofSeconds(60);

    final SlidingWindow window = new SlidingWindow(3, 5, WINDOW);

    @Test
    void allowsThePerKeyLimitThenRefusesTheKeyWithItsOwnReason() {
        allow("alice", 3, T0);
        Refusal refusal = refused("alice", T0.plusSeconds(1));
        assertTrue(refusal.perKey(), "the caller's own budget is the reason");
        assertEquals(59, refusal.retryAfterSeconds(), "until the oldest of the three leaves the window");
    }

    @Test
    void eachKeyHasABudgetOfItsOwn() {
        allow("alice", 3, T0);
        refused("alice", T0);
        allow("bob", 2, T0);
    }

    @Test
    void theTotalLimitRefusesEveryKeyOnceReachedAndSaysItIsNotTheCallersOwnBudget() {
        allow("alice", 3, T0);
        allow("bob", 2, T0.plusSeconds(10));
        Refusal refusal = refused("carol", T0.plusSeconds(20));
        assertFalse(refusal.perKey(), "carol has sent nothing: the instance is over its limit");
        assertEquals(40, refusal.retryAfterSeconds(), "until the oldest attempt of anyone leaves the window");
        assertFalse(refused("bob", T0.plusSeconds(20)).perKey(), "bob is under his own limit");
    }

    @Test
    void theCallersOwnLimitIsNamedFirstWhenBothAreReached() {
        allow("alice", 3, T0);
        allow("bob", 2, T0);
        assertTrue(refused("alice", T0.plusSeconds(5)).perKey());
    }

    @Test
    void refusedAttemptsAreNotCounted() {
        allow("alice", 3, T0);
        for (int i = 0; i < 100; i++) {
            refused("alice", T0.plusSeconds(30));
        }
        // had the refusals counted, alice would be blocked until 30 + 60 s
        allow("alice", 3, T0.plus(WINDOW).plusMillis(1));
        allow("bob", 2, T0.plus(WINDOW).plusMillis(1));
        assertFalse(
                refused("carol", T0.plus(WINDOW).plusMillis(1)).perKey(),
                "and refusals of one key did not use up the total either: exactly five were counted");
    }

    @Test
    void anAttemptLeavesTheWindowExactlyOneWindowLater() {
        window.tryAcquire("alice", T0);
        window.tryAcquire("alice", T0.plusSeconds(20));
        window.tryAcquire("alice", T0.plusSeconds(40));
        refused("alice", T0.plus(WINDOW).minusMillis(1));
        allow("alice", 1, T0.plus(WINDOW));
        refused("alice", T0.plus(WINDOW));
        allow("alice", 1, T0.plusSeconds(80));
    }

    @Test
    void theWindowSlidesRatherThanResettingAtFixedIntervals() {
        allow("alice", 1, T0);
        allow("alice", 2, T0.plusSeconds(50));
        // a fixed window starting at T0 would allow three more at T0 + 60 s; a sliding one frees only the first
        allow("alice", 1, T0.plusSeconds(60));
        refused("alice", T0.plusSeconds(60));
    }

    @Test
    void retryAfterIsRoundedUpToWholeSecondsAndNeverZero() {
        allow("alice", 3, T0);
        assertEquals(60, refused("alice", T0).retryAfterSeconds());
        assertEquals(60, refused("alice", T0.plusMillis(1)).retryAfterSeconds(), "59.999 s is told as 60");
        assertEquals(1, refused("alice", T0.plusMillis(59_001)).retryAfterSeconds(), "0.999 s is told as 1");
        assertEquals(1, refused("alice", T0.plusMillis(59_999)).retryAfterSeconds(), "1 ms is told as 1, not 0");
    }

    @Test
    void waitingTheRetryAfterIsEnough() {
        SlidingWindow odd = new SlidingWindow(2, 100, Duration.ofMillis(2_500));
        assertEquals(Optional.empty(), odd.tryAcquire("alice", T0));
        assertEquals(Optional.empty(), odd.tryAcquire("alice", T0.plusMillis(700)));
        Instant asked = T0.plusMillis(900);
        long wait = odd.tryAcquire("alice", asked).orElseThrow().retryAfterSeconds();
        assertEquals(2, wait, "1.6 s left, rounded up");
        assertEquals(
                Optional.empty(), odd.tryAcquire("alice", asked.plusSeconds(wait)), "the promised retry is allowed");
    }

    @Test
    void aKeyThatWasIdleForAWindowStartsAfresh() {
        allow("alice", 3, T0);
        allow("bob", 2, T0);
        Instant later = T0.plus(Duration.ofHours(1));
        allow("alice", 3, later);
        allow("bob", 2, later);
        refused("carol", later);
    }

    @Test
    void aWindowRestoredFromTheCountedAttemptsDecidesAsIfItHadCountedThem() {
        var restored = SlidingWindow.restored(
                3,
                5,
                WINDOW,
                List.of(
                        new Hit("alice", T0.plusSeconds(10)),
                        new Hit("bob", T0.plusSeconds(5)),
                        new Hit("alice", T0),
                        new Hit("alice", T0.minusSeconds(61))));
        assertEquals(
                Optional.empty(),
                restored.tryAcquire("alice", T0.plusSeconds(20)),
                "the attempt from before the window does not count");
        Refusal refusal = restored.tryAcquire("alice", T0.plusSeconds(21)).orElseThrow();
        assertTrue(refusal.perKey());
        assertEquals(39, refusal.retryAfterSeconds(), "until alice's oldest attempt in the window, at T0, leaves it");
        assertEquals(T0.minusSeconds(39), restored.horizon(T0.plusSeconds(21)));
    }

    private void allow(String key, int times, Instant now) {
        for (int i = 0; i < times; i++) {
            assertEquals(Optional.empty(), window.tryAcquire(key, now), key + "'s attempt " + (i + 1) + " at " + now);
        }
    }

    private Refusal refused(String key, Instant now) {
        return window.tryAcquire(key, now).orElseThrow(() -> new AssertionError(key + " was allowed at " + now));
    }
}
