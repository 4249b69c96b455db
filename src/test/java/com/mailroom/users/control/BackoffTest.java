package com.mailroom.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff account = new Backoff(3, 10, Duration.ofMinutes(15));

    @Test
    void typosAreFreeThenTheWaitDoublesThenTheLockoutHolds() {
        assertEquals(Duration.ZERO, account.after(1));
        assertEquals(Duration.ZERO, account.after(3));
        assertEquals(Duration.ofSeconds(1), account.after(4));
        assertEquals(Duration.ofSeconds(2), account.after(5));
        assertEquals(Duration.ofSeconds(32), account.after(9));
        assertEquals(Duration.ofMinutes(15), account.after(10));
        assertEquals(Duration.ofMinutes(15), account.after(1_000_000));
    }

    @Test
    void theWaitNeverExceedsTheLockoutAndNonsenseSettingsStaySane() {
        var shortLockout = new Backoff(0, 100, Duration.ofSeconds(5));
        assertEquals(Duration.ofSeconds(4), shortLockout.after(3));
        assertEquals(Duration.ofSeconds(5), shortLockout.after(4));
        assertEquals(Duration.ofSeconds(5), shortLockout.after(99));
        var inverted = new Backoff(-3, -1, Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(60), inverted.after(1), "max is at least free + 1");
    }
}
