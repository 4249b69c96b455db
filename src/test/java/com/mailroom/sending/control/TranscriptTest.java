package com.mailroom.sending.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Feeds Angus-style debug output to the transcript, including what Angus would print with auth tracing on. */
class TranscriptTest {

    private static final String SECRET = "hunter2-Secret";

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> transcriptOf(String debugOutput) {
        Transcript t = new Transcript(new Redactor(SECRET));
        t.replyTextFrom(() -> "235 2.7.0 Authentication successful\n");
        PrintStream out = t.debugOut();
        out.print(debugOutput.replace("\n", "\r\n"));
        out.flush();
        return t.lines();
    }

    @Test
    void keepsProtocolLinesAndDropsNotesStackTracesAndMessageContent() {
        List<String> lines = transcriptOf("""
                DEBUG: getProvider() returning jakarta.mail.Provider[TRANSPORT,smtp,...]
                220 mx.test ESMTP
                EHLO mailroom.test
                250-mx.test
                250 AUTH PLAIN LOGIN
                DEBUG SMTP: AUTH PLAIN command trace suppressed
                DEBUG SMTP: AUTH PLAIN succeeded
                MAIL FROM:<a@example.com>
                250 OK
                RCPT TO:<b@example.com>
                250 OK
                DATA
                354 go ahead
                Subject: hello

                250 this body line looks like a reply
                ..
                .
                250 2.0.0 queued
                jakarta.mail.MessagingException: something
                \tat org.eclipse.angus.mail.smtp.SMTPTransport.x(SMTPTransport.java:1)
                QUIT
                221 bye
                """);

        assertEquals(
                List.of(
                        "S: 220 mx.test ESMTP",
                        "C: EHLO mailroom.test",
                        "S: 250-mx.test",
                        "S: 250 AUTH PLAIN LOGIN",
                        "C: AUTH PLAIN <redacted>",
                        "S: 235 2.7.0 Authentication successful",
                        "C: MAIL FROM:<a@example.com>",
                        "S: 250 OK",
                        "C: RCPT TO:<b@example.com>",
                        "S: 250 OK",
                        "C: DATA",
                        "S: 354 go ahead",
                        "C: <message content left out>",
                        "C: .",
                        "S: 250 2.0.0 queued",
                        "C: QUIT",
                        "S: 221 bye"),
                lines);
    }

    @Test
    void redactsAuthExchangesEvenWhenAuthTracingIsOn() {
        String plain = b64("\0user@example.com\0" + SECRET);
        String xoauth2 = b64("user=user@example.com\001auth=Bearer " + SECRET + "\001\001");
        List<String> lines = transcriptOf("AUTH PLAIN " + plain + "\n235 ok\n"
                + "AUTH LOGIN\n334 VXNlcm5hbWU6\n" + b64("user@example.com") + "\n334 UGFzc3dvcmQ6\n" + b64(SECRET)
                + "\n235 ok\nAUTH XOAUTH2 " + xoauth2 + "\n235 ok\n"
                + "250 echo " + SECRET + "\n250 echo " + b64(SECRET) + "\n");

        String all = String.join("\n", lines);
        assertFalse(all.contains(SECRET), all);
        assertFalse(all.contains(plain) || all.contains(xoauth2) || all.contains(b64(SECRET)), all);
        assertTrue(lines.contains("C: AUTH PLAIN <redacted>"), all);
        assertTrue(lines.contains("C: AUTH LOGIN <redacted>"), all);
        assertTrue(lines.contains("C: AUTH XOAUTH2 <redacted>"), all);
        assertEquals(2, lines.stream().filter(l -> l.equals("S: <redacted>")).count(), all);
    }

    @Test
    void isBoundedInLinesAndLineLength() {
        String many = "250-x\n".repeat(Transcript.MAX_LINES + 50) + "250 " + "y".repeat(5_000) + "\n";
        List<String> lines = transcriptOf("220 " + "z".repeat(5_000) + "\n" + many);

        assertEquals(Transcript.MAX_LINES + 1, lines.size());
        assertEquals("… 52 more lines left out", lines.get(lines.size() - 1));
        assertTrue(lines.get(0).length() <= Transcript.MAX_LINE_CHARS + 1, "long lines are cut");
    }

    @Test
    void remembersTheLastAuthOffer() {
        Transcript t = new Transcript(new Redactor(null));
        PrintStream out = t.debugOut();
        out.print(
                "EHLO a\r\n250-x\r\n250 STARTTLS\r\nSTARTTLS\r\n220 go\r\nEHLO a\r\n250-x\r\n250 AUTH LOGIN PLAIN\r\n");
        out.flush();

        assertEquals("LOGIN PLAIN", t.offeredAuth());
        assertEquals("EHLO", t.lastVerb());
    }
}
