package com.mailroom.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What the page shows per node: "checking" until the node has checked the settings version in use. */
class NodeCheckTest {

    static final Instant T = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aNodeThatCheckedTheCurrentVersionSaysWhatItFound() {
        var failing = NodeCheck.of("vm", false, "SMTP connect failed", T, 4L, 4);
        assertEquals(NodeCheck.State.INVALID, failing.state());
        assertEquals("SMTP connect failed", failing.message());
        assertEquals(T, failing.checkedAt());
        assertEquals(
                NodeCheck.State.VALID, NodeCheck.of("vm", true, null, T, 4L, 4).state());
    }

    @Test
    void anOlderVersionsResultIsNotShownAsTheCurrentOne() {
        var stale = NodeCheck.of("vm", false, "SMTP connect failed", T, 3L, 4);
        assertEquals(NodeCheck.State.CHECKING, stale.state());
        assertNull(stale.message(), "the old failure is not the new settings' failure");
    }

    @Test
    void aNodeWithoutACheckIsChecking() {
        assertEquals(
                NodeCheck.State.CHECKING,
                NodeCheck.of("vm", null, null, null, null, 4).state());
        assertEquals(
                NodeCheck.State.CHECKING,
                NodeCheck.of("vm", true, null, T, null, 4).state(),
                "only a delivery has reported");
    }
}
