package com.mailroom.status.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The rules of one node's status: a newer outcome replaces an older one, never the other way round. */
class NodeStatusTest {

    static final OffsetDateTime T = OffsetDateTime.of(2026, 12, 3, 10, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void aNodeThatNeverCheckedTakesAnyOutcome() {
        assertTrue(new NodeStatus("vm").isOlderThan(T));
    }

    @Test
    void aNewerOrEqualOutcomeReplacesTheStoredOneAnOlderDoesNot() {
        var status = new NodeStatus("vm");
        status.update(false, "SMTP auth failed", T);
        assertTrue(status.isOlderThan(T.plusSeconds(1)));
        assertTrue(status.isOlderThan(T), "the same moment: the later writer wins");
        assertFalse(status.isOlderThan(T.minusSeconds(1)), "a slow old check must not overwrite a newer result");
    }

    @Test
    void aLongMessageIsCutToItsColumnAndASuccessHasNone() {
        var status = new NodeStatus("vm");
        status.update(false, "x".repeat(5000), T);
        assertEquals(NodeStatus.MAX_MESSAGE, status.getMessage().length());
        status.update(true, null, T.plusSeconds(1));
        assertTrue(status.isValid());
        assertEquals(null, status.getMessage());
        assertEquals(T.plusSeconds(1), status.getCheckedAt());
    }

    @Test
    void aCheckRecordsTheSettingsVersionADeliveryKeepsIt() {
        var status = new NodeStatus("vm");
        assertEquals(null, status.getSettingsVersion(), "no check yet");
        status.update(false, "SMTP connect failed", T, 7L);
        assertEquals(7L, status.getSettingsVersion());
        status.update(true, null, T.plusSeconds(1));
        assertEquals(7L, status.getSettingsVersion(), "a delivery does not say which settings it used");
    }
}
