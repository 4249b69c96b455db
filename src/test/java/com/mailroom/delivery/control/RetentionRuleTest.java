package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RetentionRuleTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void theDefaultsKeepContentThirtyDaysAndRowsNinetyAfterSending() {
        RetentionRule rule = RetentionRule.ofDays(30, 90);
        assertEquals(NOW.minusDays(30), rule.contentSentBefore(NOW));
        assertEquals(NOW.minusDays(90), rule.rowSentBefore(NOW));
        assertEquals(NOW.minusDays(60), rule.rowDroppedBefore(NOW), "content dropped 60 days ago: sent 90 days ago");
    }

    @Test
    void fractionsOfADayAreAllowedAndZeroDropsAtTheNextRun() {
        RetentionRule rule = RetentionRule.ofDays(0, 0.5);
        assertEquals(NOW, rule.contentSentBefore(NOW));
        assertEquals(NOW.minusHours(12), rule.rowSentBefore(NOW));
        assertEquals(Duration.ofMillis(8640), RetentionRule.ofDays(0.0001, 1).keepContent());
    }

    @Test
    void aRowIsNeverPurgedBeforeItsContentIsDroppedAndNegativeCountsAsZero() {
        RetentionRule shorter = RetentionRule.ofDays(30, 7);
        assertEquals(Duration.ofDays(30), shorter.keepRow(), "purge-days below retention-days: the retention's");
        assertEquals(NOW, shorter.rowDroppedBefore(NOW));
        RetentionRule negative = RetentionRule.ofDays(-1, -5);
        assertEquals(Duration.ZERO, negative.keepContent());
        assertEquals(Duration.ZERO, negative.keepRow());
    }
}
