package com.mailroom.sending.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which replies mean "send more slowly" rather than "this mail failed". */
class SlowDownTest {

    @Test
    void providersThrottlingRepliesMeanSlowDown() {
        assertTrue(SlowDown.means(421, "421 4.7.0 Try again later, closing connection."));
        assertTrue(SlowDown.means(451, "451 4.7.500 Server busy. Please try again later."));
        assertTrue(SlowDown.means(451, "4.7.0 Temporary server error"));
        assertTrue(SlowDown.means(454, "454 4.7.0 Throttling"));
        assertTrue(SlowDown.means(450, "450 4.4.2 Message submission rate for this client has exceeded the limit"));
        assertTrue(SlowDown.means(452, "452 Too many messages, slow down"));
        assertTrue(SlowDown.means(421, "421 Rate limit exceeded"));
    }

    @Test
    void otherFailuresDoNot() {
        assertFalse(SlowDown.means(451, "451 4.3.0 Try again later"), "an ordinary 4xx");
        assertFalse(SlowDown.means(421, "421 4.4.2 closing, bye"), "a dropped connection");
        assertFalse(SlowDown.means(550, "550 5.7.0 Throttling"), "a 5xx is final");
        assertFalse(SlowDown.means(421, "421 4.7.66 TLS 1.0 and 1.1 are not supported"), "a settings problem");
        assertFalse(SlowDown.means(452, "452 4.5.3 Too many recipients"), "about this mail");
        assertFalse(SlowDown.means(450, "450 4.7.1 Greylisted, try again later"), "greylisting, per mail");
        assertFalse(SlowDown.means(451, "451 4.3.0 Could not generate a reply"), "'rate' inside a word");
        assertFalse(SlowDown.means(null, "Throttling"));
    }
}
