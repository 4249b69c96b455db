package com.mailroom.sending.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import jakarta.mail.MessagingException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;
import org.junit.jupiter.api.Test;

/**
 * Failures that cannot be produced on loopback without other network traffic (a DNS lookup, a connect timeout),
 * built the way Angus Mail wraps them.
 */
class DiagnosisTest {

    private static final SmtpTarget TARGET = new SmtpTarget(
            "smtp.nowhere.invalid",
            587,
            TlsMode.STARTTLS,
            null,
            null,
            AuthType.NONE,
            null,
            null,
            null,
            "a@example.com",
            new Timeouts(700, 800, 900),
            null);

    private static Diagnosis.Failure diagnose(Exception cause) {
        MessagingException e =
                new MailConnectException(new SocketConnectException(null, cause, TARGET.host(), TARGET.port(), 700));
        return Diagnosis.of(e, TARGET, null, new Transcript(new Redactor(null)));
    }

    @Test
    void unknownHostIsDns() {
        Diagnosis.Failure f = diagnose(new UnknownHostException(TARGET.host()));

        assertEquals(Stage.DNS, f.stage());
        assertEquals(Hints.DNS, f.hint());
    }

    @Test
    void connectTimeoutIsTimeoutWithTheConnectHint() {
        Diagnosis.Failure f = diagnose(new SocketTimeoutException("Connect timed out"));

        assertEquals(Stage.TIMEOUT, f.stage());
        assertEquals(Hints.CONNECT_TIMEOUT, f.hint());
        assertEquals(
                "No connection to smtp.nowhere.invalid:587 within 700 ms.",
                f.message().english());
    }

    @Test
    void tlsVersionRepliesAndCommandsMapToStagesAndHints() {
        assertEquals(
                Hints.TLS_VERSION,
                Hints.reply(
                        Stage.TLS,
                        421,
                        "421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client.",
                        AuthType.BASIC));
        assertEquals(Hints.TLS_VERSION, Hints.tls("SSLHandshakeException: No appropriate protocol", "h"));
        assertEquals(Hints.RELAY, Hints.reply(Stage.RCPT_TO, 550, "550 5.7.1 Relaying denied", AuthType.NONE));
        assertEquals(Stage.MAIL_FROM, Diagnosis.stageOfCommand("MAIL FROM:<a@b.c>"));
        assertEquals(Stage.RCPT_TO, Diagnosis.stageOfCommand("RCPT TO:<a@b.c>"));
        assertEquals(Stage.DATA, Diagnosis.stageOfCommand("."));
        assertEquals(Stage.CONNECT, Diagnosis.stageOfCommand(null));
    }
}
