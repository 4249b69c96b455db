package com.mailroom.sending.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.platform.Text;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one line the SMTP status keeps: the failure and the hint as two sentences, never run together. */
class ProbeResultTest {

    @Test
    void aReplyWithoutFullStopGetsOneBeforeTheHint() {
        var refused = ProbeResult.failed(
                Stage.CONNECT,
                null,
                Text.verbatim("Could not connect to 127.0.0.1:2525: Connection refused"),
                Text.verbatim("Nothing accepted the connection: check host, port and firewall."),
                List.of(),
                3);
        assertEquals(
                "SMTP connect failed: Could not connect to 127.0.0.1:2525: Connection refused. Nothing accepted the"
                        + " connection: check host, port and firewall.",
                refused.describe());
    }

    @Test
    void aReplyThatEndsASentenceKeepsItsPunctuation() {
        assertEquals("535 Denied. Check it.", ProbeResult.withHint("535 Denied.", "Check it."));
        assertEquals("Denied", ProbeResult.withHint("Denied", null), "no hint, nothing added");
    }
}
