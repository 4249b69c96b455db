package com.mailroom.users.control;

import java.time.Duration;

/**
 * How long a subject (an account or a client address) is refused after its n-th failed login in a row: the first
 * {@code free} failures cost nothing (typos), then the wait doubles from one second, and from {@code max} failures on
 * it is the whole lockout. A correct password does not shorten a wait: while it lasts, no password is checked.
 */
public record Backoff(int free, int max, Duration lockout) {

    public Backoff {
        free = Math.max(0, free);
        max = Math.max(free + 1, max);
    }

    public Duration after(int failures) {
        if (failures <= free) {
            return Duration.ZERO;
        }
        if (failures >= max) {
            return lockout;
        }
        int doublings = Math.min(30, failures - free - 1);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(lockout) < 0 ? wait : lockout;
    }
}
