package com.mailroom.it;

import com.mailroom.testsupport.Loopback;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for something the server (or a test's SMTP server) does in the background: probes until a condition holds,
 * and fails with the last value seen once the deadline has passed.
 */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {}

    /**
     * @return the first probed value that meets the condition
     * @throws AssertionError with {@code failure} of the last value when none did within {@code timeout}
     */
    public static <T> T until(
            Duration timeout, Supplier<T> probe, Predicate<? super T> condition, Function<? super T, String> failure) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = probe.get();
        while (!condition.test(value)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure.apply(value));
            }
            Loopback.pause(POLL.toMillis());
            value = probe.get();
        }
        return value;
    }
}
