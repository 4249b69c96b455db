package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void doublesPerAttemptWithinTheUpperHalf() {
        assertEquals(Duration.ofSeconds(15), backoff.after(1, 0.0));
        assertEquals(29_999, backoff.after(1, 0.99999).toMillis(), 1);
        assertEquals(Duration.ofSeconds(30), backoff.after(2, 0.0));
        assertEquals(Duration.ofSeconds(60), backoff.after(3, 0.0));
        assertEquals(Duration.ofSeconds(120), backoff.after(4, 0.0));
    }

    @Test
    void isCappedAndNeverOverflows() {
        assertEquals(Duration.ofMinutes(30), backoff.after(10, 0.0));
        assertEquals(Duration.ofMinutes(30), backoff.after(1000, 0.0));
        assertEquals(Duration.ofHours(1).toMillis(), backoff.after(Integer.MAX_VALUE, 0.9999999).toMillis(), 1);
    }

    @Test
    void refusesNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
    }
}
