package com.mailroom.delivery.control;

import java.time.Duration;

/**
 * When to try a mail again: exponential from {@code base}, capped at {@code max}, with "equal jitter" (a random
 * point in the upper half), so mails that failed together (a server outage) do not all come back at once, yet
 * never sooner than half the nominal delay.
 */
public record Backoff(Duration base, Duration max) {

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
    }

    /**
     * @param attempts the attempts made so far (1 after the first failure)
     * @param random   a number in [0, 1)
     */
    public Duration after(int attempts, double random) {
        double nominal = base.toMillis() * Math.pow(2, Math.max(0, Math.min(attempts - 1, 40)));
        long capped = (long) Math.min(nominal, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(Math.max(1, half + (long) (random * (capped - half))));
    }
}
