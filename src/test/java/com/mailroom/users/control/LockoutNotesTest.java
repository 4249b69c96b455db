package com.mailroom.users.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LockoutNotesTest {

    private final LockoutNotes notes = new LockoutNotes();
    private final Instant now = Instant.parse("2026-12-03T14:00:00Z");

    @Test
    void onlyTheFirstRefusalOfAnAccountAndAddressInAMinuteIsWritten() {
        assertTrue(notes.first("account:ann", "address:192.0.2.1", now));
        assertFalse(notes.first("account:ann", "address:192.0.2.1", now.plusSeconds(59)));
        assertTrue(notes.first("account:ann", "address:192.0.2.2", now.plusSeconds(1)));
        assertTrue(notes.first("account:bob", "address:192.0.2.1", now.plusSeconds(1)));
        assertTrue(notes.first("account:ann", "address:192.0.2.1", now.plus(LockoutNotes.QUIET)));
    }
}
