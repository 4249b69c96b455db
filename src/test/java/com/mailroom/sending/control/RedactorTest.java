package com.mailroom.sending.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RedactorTest {

    private final Redactor redactor = new Redactor("s3cr3t-Pa55");

    @Test
    void findsTheSecretPlainAndInsideBase64AtAnyAlignment() {
        for (String prefix : new String[] {"", "\0", "\0u\0", "user=me\001auth=Bearer "}) {
            String encoded =
                    Base64.getEncoder().encodeToString((prefix + "s3cr3t-Pa55").getBytes(StandardCharsets.UTF_8));
            assertTrue(redactor.reveals("AUTH PLAIN " + encoded), prefix);
            assertEquals("AUTH PLAIN <redacted>", redactor.clean("AUTH PLAIN " + encoded));
            // cut padding still decodes
            assertTrue(redactor.reveals(encoded.replace("=", "")), prefix);
        }
        assertEquals("bad password <redacted> given", redactor.clean("bad password s3cr3t-Pa55 given"));
    }

    @Test
    void leavesOtherTextAlone() {
        String reply = "535 5.7.8 Authentication credentials invalid";
        assertFalse(redactor.reveals(reply));
        assertEquals(reply, redactor.clean(reply));
        assertFalse(new Redactor(null).reveals("anything"));
    }
}
