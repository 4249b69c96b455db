package com.mailroom.audit.control;

import java.time.Duration;
import java.time.Instant;

/** How long entries are kept ({@code mailroom.audit.retention-days}, at least one day). */
public record Retention(int days) {

    public Retention {
        days = Math.max(1, days);
    }

    /** Entries written before this time are deleted. */
    public Instant cutOff(Instant now) {
        return now.minus(Duration.ofDays(days));
    }
}
