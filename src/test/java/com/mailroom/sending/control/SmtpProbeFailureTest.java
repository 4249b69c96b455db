package com.mailroom.sending.control;

import static com.mailroom.sending.control.SmtpProbeGreenMailTest.assertNoSecret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.platform.Text;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.testsupport.*;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Failures real servers produce, scripted on loopback: timeouts, refusals and the replies of Microsoft 365 & co. */
class SmtpProbeFailureTest {

    private static final String USER = "reports@example.com";
    private static final String PASSWORD = "scripted-Secret-9";
    private static final Timeouts HALF_SECOND = new Timeouts(500, 500, 500);

    private final SmtpProbe probe = new SmtpProbe();

    @Test
    void serverThatAcceptsAndNeverAnswersIsATimeoutWithinTheReadTimeout() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.silent()) {
            long start = System.nanoTime();
            ProbeResult result = probe.send(
                    Targets.on(server.port())
                            .timeouts(HALF_SECOND)
                            .basic(USER, PASSWORD, AuthMechanism.AUTO)
                            .build(),
                    "a@example.com",
                    "s",
                    "b");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertEquals(Stage.TIMEOUT, result.stage(), result::toString);
            assertTrue(elapsedMs >= 450 && elapsedMs < 5_000, "returned after " + elapsedMs + " ms");
            assertTrue(
                    result.message().english().contains("did not answer within 500 ms (no greeting)"),
                    result.message().english());
            assertEquals(Hints.READ_TIMEOUT, result.hint());
            assertNull(result.smtpCode());
        }
    }

    @Test
    void serverThatStopsAnsweringAfterTheGreetingIsATimeoutToo() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of("EHLO", ""))) {
            ProbeResult result =
                    probe.check(Targets.on(server.port()).timeouts(HALF_SECOND).build());

            assertEquals(Stage.TIMEOUT, result.stage(), result::toString);
            assertTrue(
                    result.message().english().endsWith("after EHLO."),
                    result.message().english());
            assertTrue(result.durationMs() < 5_000);
        }
    }

    @Test
    void closedPortIsAConnectFailure() throws Exception {
        ProbeResult result = probe.check(Targets.on(Loopback.freePort()).build());

        assertEquals(Stage.CONNECT, result.stage(), result::toString);
        assertEquals(Hints.REFUSED, result.hint());
        assertTrue(
                result.message().english().contains("Connection refused"),
                result.message().english());
    }

    @Test
    void microsoftDisabledBasicAuthGetsTheOAuthHint() throws Exception {
        String reply = "535 5.7.139 Authentication unsuccessful, basic authentication is disabled."
                + " [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]";
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of("AUTH", reply))) {
            ProbeResult result = sendWithPassword(server);

            assertEquals(reply, result.message().english());
            assertFailed(result, Stage.AUTH, 535, Hints.BASIC_AUTH_DISABLED);
            assertEquals(
                    "S: " + reply, result.transcript().get(result.transcript().size() - 1));
            assertNoSecret(result, PASSWORD);
            assertTrue(server.received.stream().anyMatch(l -> l.startsWith("AUTH PLAIN ")), "PLAIN came first");
        }
    }

    @Test
    void mustIssueStarttlsGetsTheStarttlsHint() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                Map.of("EHLO", "250 scripted.test", "MAIL", "530 5.7.0 Must issue a STARTTLS command first"))) {
            ProbeResult result = probe.send(Targets.on(server.port()).build(), "a@example.com", "s", "b");

            assertFailed(result, Stage.MAIL_FROM, 530, Hints.STARTTLS_FIRST);
        }
    }

    @Test
    void rejectedSenderFailsAtMailFromWithTheSendAsHint() throws Exception {
        String reply = "550 5.7.60 SMTP; Client does not have permissions to send as this sender";
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of("MAIL", reply))) {
            ProbeResult result = sendWithPassword(server);

            assertEquals(reply, result.message().english());
            assertFailed(result, Stage.MAIL_FROM, 550, Hints.SENDER);
        }
    }

    @Test
    void rejectedRecipientFailsAtRcptTo() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                Map.of("RCPT", "550 5.1.1 <a@example.com>: Recipient address rejected: User unknown"))) {
            ProbeResult result = probe.send(Targets.on(server.port()).build(), "a@example.com", "s", "b");

            assertFailed(result, Stage.RCPT_TO, 550, Hints.RECIPIENT);
        }
    }

    @Test
    void rejectedMessageFailsAtData() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                Map.of(ScriptedSmtpServer.END_OF_DATA, "554 5.6.0 Message rejected by content policy"))) {
            ProbeResult result = probe.send(Targets.on(server.port()).build(), "a@example.com", "s", "Body line");

            assertFailed(result, Stage.DATA, 554, Hints.MESSAGE);
            assertTrue(server.received.contains("Body line"), "the message went over the wire");
            assertFalse(result.transcript().contains("C: Body line"), result::toString);
        }
    }

    @Test
    void serverWithoutAuthFailsAtAuthInsteadOfSendingUnauthenticated() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(Map.of("EHLO", "250 scripted.test"))) {
            ProbeResult result = sendWithPassword(server);

            assertEquals(Stage.AUTH, result.stage(), result::toString);
            assertEquals(Hints.NO_AUTH_OFFERED, result.hint());
            assertFalse(server.received.stream().anyMatch(l -> l.startsWith("MAIL")), "nothing was sent");
        }
    }

    @Test
    void serverOfferingOtherMechanismsNamesThem() throws Exception {
        try (ScriptedSmtpServer server =
                ScriptedSmtpServer.replying(Map.of("EHLO", "250-scripted.test\r\n250 AUTH CRAM-MD5 XOAUTH2"))) {
            ProbeResult result = probe.check(Targets.on(server.port())
                    .basic(USER, PASSWORD, AuthMechanism.AUTO)
                    .build());

            assertEquals(Stage.AUTH, result.stage(), result::toString);
            assertTrue(
                    result.message().english().contains("CRAM-MD5 XOAUTH2"),
                    result.message().english());
            String hint = result.hint().english();
            assertTrue(hint.contains("not PLAIN/LOGIN") && hint.contains("OAuth 2.0"), hint);
        }
    }

    @Test
    void rejectedGreetingFailsAtConnectWithTheServersReply() throws Exception {
        try (ScriptedSmtpServer server = ScriptedSmtpServer.replying(
                Map.of(ScriptedSmtpServer.GREETING, "554 5.7.1 Service unavailable; client host blocked"))) {
            ProbeResult result = probe.check(Targets.on(server.port()).build());

            assertFailed(result, Stage.CONNECT, 554, Hints.GREETING);
        }
    }

    /**
     * The test and the save connect wherever an admin points them: a service that is not SMTP (an SSH daemon's banner,
     * once seen from an internal host; a POP3 server) is named as such, and its words are never echoed — not in the
     * message, the hint or the transcript.
     */
    @Test
    void aServerThatIsNotSmtpIsNamedSoWithoutEchoingWhatItSent() throws Exception {
        String ssh =
                "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5 internal-bastion-7\r\nInvalid SSH identification string.";
        String pop3 = "+OK Dovecot (Ubuntu) ready on internal-bastion-7.";
        for (String banner : List.of(ssh, pop3)) {
            try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                var service = Executors.newSingleThreadExecutor().submit(() -> {
                    try (Socket client = server.accept()) {
                        client.getOutputStream().write((banner + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    } // and hangs up, as sshd does after a client speaks no SSH
                    return null;
                });
                ProbeResult result = probe.check(
                        Targets.on(server.getLocalPort()).timeouts(HALF_SECOND).build());
                service.get(10, TimeUnit.SECONDS);

                assertEquals(Stage.CONNECT, result.stage(), result::toString);
                assertNull(result.smtpCode());
                assertTrue(result.message().english().contains("did not answer like an SMTP server"), result::toString);
                String everything = result.message().english() + result.hint().english() + result.transcript();
                for (String word : List.of("SSH", "OpenSSH", "Ubuntu", "bastion", "Dovecot", "+OK")) {
                    assertFalse(everything.contains(word), "echoed " + word + ": " + everything);
                }
            }
        }
    }

    @Test
    void missingPasswordIsReportedWithoutConnecting() {
        ProbeResult result =
                probe.check(Targets.on(1).basic(USER, null, AuthMechanism.AUTO).build());

        assertEquals(Stage.AUTH, result.stage());
        assertEquals(Hints.MISSING_PASSWORD, result.hint());
        assertTrue(result.transcript().isEmpty());
    }

    @Test
    void missingOAuthTokenIsAtStageToken() {
        ProbeResult result = probe.check(Targets.on(1).oauth(USER, null).build());

        assertEquals(Stage.TOKEN, result.stage());
    }

    @Test
    void unreadableCaPemIsAtStageTls() {
        ProbeResult result =
                probe.check(Targets.on(1).trust("not a certificate").build());

        assertEquals(Stage.TLS, result.stage());
        assertEquals(Hints.BAD_CA, result.hint());
    }

    /** The probe failed at {@code stage} on the server's reply {@code code}, with this hint for the admin. */
    private static void assertFailed(ProbeResult result, Stage stage, int code, Text hint) {
        assertEquals(stage, result.stage(), result::toString);
        assertEquals(code, result.smtpCode(), result::toString);
        assertEquals(hint, result.hint());
    }

    /** The test mail through {@code server} with basic authentication. */
    private ProbeResult sendWithPassword(ScriptedSmtpServer server) {
        return probe.send(
                Targets.on(server.port())
                        .basic(USER, PASSWORD, AuthMechanism.AUTO)
                        .build(),
                "a@example.com",
                "s",
                "b");
    }
}
