package com.mailroom.sending.control;

import com.mailroom.platform.Text;
import com.mailroom.sending.entity.AuthType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.concurrent.TimeUnit;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Tests an SMTP configuration end to end and says where and why it fails.
 * <p>
 * {@link #send} runs the whole transaction (connect, TLS, EHLO, AUTH, MAIL FROM, RCPT TO, DATA) with a real test
 * mail; {@link #check} stops after AUTH, for the background check after saving. Neither throws for anything the
 * server or the network does: every outcome is a {@link ProbeResult}. Thread-safe: all state is per call.
 */
public class SmtpProbe {

    /** Sends the test mail; success means the server accepted it for delivery (250 after DATA). */
    public ProbeResult send(SmtpTarget target, String recipient, String subject, String body) {
        return run(target, new TestMail(recipient, subject, body));
    }

    /** Connects, starts TLS, says EHLO and authenticates as configured, then quits without sending. */
    public ProbeResult check(SmtpTarget target) {
        return run(target, null);
    }

    private record TestMail(String recipient, String subject, String body) {}

    private ProbeResult run(SmtpTarget target, TestMail mail) {
        long start = System.nanoTime();
        Redactor redactor = new Redactor(target.secret());
        Transcript transcript = new Transcript(redactor);
        Outcome outcome;
        SMTPTransport transport = null;
        try {
            Session session = MailSessions.create(target);
            session.setDebugOut(transcript.debugOut());
            session.setDebug(true);
            // built before connecting, so a bad recipient address costs no connection
            MimeMessage message = mail == null
                    ? null
                    : MailSessions.testMessage(session, target, mail.recipient(), mail.subject(), mail.body());
            transport = SmtpConnection.transport(session);
            transcript.replyTextFrom(transport::getLastServerResponse);
            SmtpConnection.connect(transport, target);
            if (message != null) {
                transport.sendMessage(message, message.getAllRecipients());
            }
            outcome = Outcome.succeeded(
                    transport,
                    message != null
                            ? null
                            : Text.of(target.authType() == AuthType.NONE ? "check.connected" : "check.authenticated"));
        } catch (TrustedCas.UnreadablePemException badCa) {
            outcome = Outcome.failed(new Diagnosis.Failure(Stage.TLS, null, badCa.text(), Hints.BAD_CA));
        } catch (MessagingException | RuntimeException e) {
            outcome = Outcome.failed(Diagnosis.of(e, target, transport, transcript));
        } finally {
            SmtpConnection.closeQuietly(transport);
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Text message = outcome.message().mapArguments(redactor::clean);
        return outcome.success()
                ? ProbeResult.succeeded(outcome.smtpCode(), message, transcript.lines(), durationMs)
                : ProbeResult.failed(
                        outcome.stage(), outcome.smtpCode(), message, outcome.hint(), transcript.lines(), durationMs);
    }

    /** What the conversation came to, before the transcript and duration are known. */
    private record Outcome(boolean success, Stage stage, Integer smtpCode, Text message, Text hint) {

        static Outcome failed(Diagnosis.Failure f) {
            return new Outcome(false, f.stage(), f.smtpCode(), f.message(), f.hint());
        }

        /** The last reply (235 after AUTH, 250 after DATA) is the proof, so it is what the result shows. */
        static Outcome succeeded(SMTPTransport transport, Text message) {
            String reply = transport.getLastServerResponse() == null
                    ? ""
                    : transport.getLastServerResponse().strip();
            int code = transport.getLastReturnCode();
            return new Outcome(
                    true, Stage.DONE, code > 0 ? code : null, message == null ? Text.verbatim(reply) : message, null);
        }
    }
}
