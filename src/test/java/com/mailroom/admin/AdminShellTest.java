package com.mailroom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The certificate banner's state (docs/pages.md "Admin › SMTP", item 0): 30 days ahead, and after the expiry. */
class AdminShellTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    @Test
    void noCertificateOrALongValidOneNeedsNoBanner() {
        assertNull(AdminShell.certificateAlert(null, NOW));
        assertNull(AdminShell.certificateAlert(NOW.plus(Duration.ofDays(31)), NOW));
        assertNull(AdminShell.certificateAlert(NOW.plus(Duration.ofDays(30)), NOW), "exactly 30 days: not yet");
    }

    @Test
    void withinThirtyDaysItWarnsAndFromItsExpiryOnItIsExpired() {
        assertEquals(
                "expiring",
                AdminShell.certificateAlert(NOW.plus(Duration.ofDays(30)).minusSeconds(1), NOW));
        assertEquals("expiring", AdminShell.certificateAlert(NOW.plus(Duration.ofDays(10)), NOW));
        assertEquals("expiring", AdminShell.certificateAlert(NOW.plusSeconds(1), NOW));
        assertEquals("expired", AdminShell.certificateAlert(NOW, NOW));
        assertEquals("expired", AdminShell.certificateAlert(NOW.minus(Duration.ofDays(3)), NOW));
    }
}
