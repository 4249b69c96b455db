package com.mailroom.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetentionTest {

    private static final Instant NOW = Instant.parse("2026-12-03T14:00:00Z");

    @Test
    void entriesOlderThanTheRetentionDaysAreCutOff() {
        assertEquals(Instant.parse("2025-12-03T14:00:00Z"), new Retention(365).cutOff(NOW));
        assertEquals(Instant.parse("2026-11-26T14:00:00Z"), new Retention(7).cutOff(NOW));
    }

    @Test
    void zeroOrNegativeDaysKeepOneDaySoAMistypedSettingCannotEmptyTheTrail() {
        assertEquals(Instant.parse("2026-12-02T14:00:00Z"), new Retention(0).cutOff(NOW));
        assertEquals(Instant.parse("2026-12-02T14:00:00Z"), new Retention(-5).cutOff(NOW));
    }
}
