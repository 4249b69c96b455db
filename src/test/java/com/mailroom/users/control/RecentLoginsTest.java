package com.mailroom.users.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RecentLoginsTest {

    private final MutableClock clock = new MutableClock();
    private final RecentLogins logins = new RecentLogins(clock);

    @Test
    void aVerifiedLoginIsRememberedForItsLifetimeOnly() {
        logins.remember("ann", "secret-1", "hash-1");
        assertTrue(logins.wasVerified("ann", "secret-1", "hash-1"));
        clock.now = clock.now.plus(RecentLogins.LIFETIME).plusSeconds(1);
        assertFalse(logins.wasVerified("ann", "secret-1", "hash-1"));
    }

    @Test
    void anotherPasswordAnotherUserOrAChangedStoredHashIsNotRemembered() {
        logins.remember("ann", "secret-1", "hash-1");
        assertFalse(logins.wasVerified("ann", "secret-2", "hash-1"));
        assertFalse(logins.wasVerified("bob", "secret-1", "hash-1"));
        assertFalse(logins.wasVerified("ann", "secret-1", "hash-after-password-change"));
        // name and password are hashed together: shifting characters between them is another login
        assertFalse(logins.wasVerified("annsecret", "-1", "hash-1"));
    }

    @Test
    void theMapStaysBounded() {
        for (int i = 0; i <= RecentLogins.MAX_ENTRIES; i++) {
            logins.remember("user" + i, "pw", "hash");
        }
        assertFalse(logins.wasVerified("user0", "pw", "hash"), "cleared when full");
        assertTrue(logins.wasVerified("user" + RecentLogins.MAX_ENTRIES, "pw", "hash"));
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
