package com.mailroom.sending.control;

import com.mailroom.platform.Text;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.internet.AddressException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.eclipse.angus.mail.util.MailConnectException;
import org.eclipse.angus.mail.util.SocketConnectException;

/**
 * Says where a failed SMTP conversation stopped and why, from the exception Jakarta Mail threw, the transport's
 * last reply and the transcript.
 * <p>
 * The order of the checks matters: a timeout is a timeout even inside a TLS handshake, and Angus wraps refused
 * connections, unknown hosts and connect timeouts in the same {@link MailConnectException}, so the cause decides.
 */
public final class Diagnosis {

    private static final Pattern REPLY_CODE = Pattern.compile("^([2-5]\\d{2})\\b");
    private static final String NO_COMMON_MECHANISM = "No authentication mechanisms supported";

    private Diagnosis() {}

    /** The failure part of a probe result; the transcript and duration are added by the caller. */
    public record Failure(Stage stage, Integer smtpCode, Text message, Text hint) {}

    /**
     * For conversations run without a transcript (delivery, where one per mail would cost too much): the stage comes
     * from the exception and the transport's last reply alone.
     */
    public static Failure of(Throwable e, SmtpTarget target, SMTPTransport transport) {
        Redactor redactor = new Redactor(target.secret());
        Failure f = of(e, target, transport, new Transcript(redactor));
        return new Failure(f.stage(), f.smtpCode(), f.message().mapArguments(redactor::clean), f.hint());
    }

    static Failure of(Throwable e, SmtpTarget target, SMTPTransport transport, Transcript transcript) {
        if (e instanceof SmtpConnection.LoginImpossible impossible) {
            return impossible.failure();
        }
        String where = target.host() + ":" + target.port();
        if (transport != null && notSmtp(transport.getLastReturnCode(), transport.getLastServerResponse())) {
            // another service (SSH, POP3, HTTP …): say so, but echo nothing it sent — the test connects wherever an
            // admin points it, and an internal host's banner is nobody's business (issue 14, SSRF with echo)
            return new Failure(Stage.CONNECT, null, Text.of("failure.notSmtp", where), Hints.NOT_SMTP);
        }
        String chain = chainText(e);
        if (find(e, SocketTimeoutException.class) != null) {
            if (connecting(e)) {
                return new Failure(
                        Stage.TIMEOUT,
                        null,
                        Text.of(
                                "failure.connectTimeout",
                                where,
                                target.timeouts().connectMs()),
                        Hints.CONNECT_TIMEOUT);
            }
            Text message = transcript.lastVerb() == null
                    ? Text.of(
                            "failure.readTimeout.noGreeting",
                            where,
                            target.timeouts().readMs())
                    : Text.of(
                            "failure.readTimeout.after",
                            where,
                            target.timeouts().readMs(),
                            transcript.lastVerb());
            return new Failure(Stage.TIMEOUT, null, message, Hints.READ_TIMEOUT);
        }
        if (find(e, UnknownHostException.class) != null) {
            return new Failure(Stage.DNS, null, Text.of("failure.unknownHost", target.host()), Hints.DNS);
        }
        if (isTls(e, chain)) {
            Text message = chain.contains("STARTTLS is required")
                    ? Text.of("failure.noStarttls", target.host())
                    : Text.of("failure.tls", where, innermostMessage(e));
            return new Failure(Stage.TLS, null, message, Hints.tls(chain, target.host()));
        }
        if (connecting(e) || find(e, ConnectException.class) != null || find(e, NoRouteToHostException.class) != null) {
            return new Failure(
                    Stage.CONNECT, null, Text.of("failure.connect", where, innermostMessage(e)), Hints.REFUSED);
        }
        AuthenticationFailedException authFailed = find(e, AuthenticationFailedException.class);
        if (authFailed != null && String.valueOf(authFailed.getMessage()).contains(NO_COMMON_MECHANISM)) {
            String ours = String.valueOf(MailSessions.authMechanisms(target)).replace(' ', '/');
            String offered = transcript.offeredAuth();
            return new Failure(
                    Stage.AUTH, null, Text.of("failure.mechanisms", offered, ours), Hints.mechanisms(offered, ours));
        }
        if (authFailed != null) {
            Failure failure = reply(Stage.AUTH, authFailed.getMessage(), target);
            XOAuth2Challenge refused = transport instanceof XOAuth2Transport x ? x.refusedToken() : null;
            return refused == null
                    ? failure
                    : new Failure(
                            Stage.AUTH,
                            failure.smtpCode(),
                            Text.of("failure.tokenRefused", failure.message(), refused.describe()),
                            Hints.refusedToken(refused));
        }
        SMTPAddressFailedException rcpt = find(e, SMTPAddressFailedException.class);
        if (rcpt != null) {
            return reply(Stage.RCPT_TO, rcpt.getReturnCode(), rcpt.getMessage(), target);
        }
        SMTPSenderFailedException sender = find(e, SMTPSenderFailedException.class);
        if (sender != null) {
            return reply(Stage.MAIL_FROM, sender.getReturnCode(), sender.getMessage(), target);
        }
        SMTPSendFailedException sendFailed = find(e, SMTPSendFailedException.class);
        if (sendFailed != null) {
            return reply(
                    stageOfCommand(sendFailed.getCommand()),
                    sendFailed.getReturnCode(),
                    sendFailed.getMessage(),
                    target);
        }
        if (find(e, AddressException.class) != null) {
            return new Failure(
                    Stage.RCPT_TO, null, Text.of("failure.badRecipient", innermostMessage(e)), Hints.RECIPIENT);
        }
        Stage stage = stageOfCommand(transcript.lastVerb());
        if (transport != null && transport.getLastReturnCode() >= 400) {
            // e.g. a rejected greeting or EHLO: the server's reply says more than the exception
            return reply(stage, transport.getLastReturnCode(), transport.getLastServerResponse(), target);
        }
        return new Failure(
                stage,
                null,
                innermostMessage(e),
                stage == Stage.CONNECT ? Hints.GREETING : Text.of("hint.failedDuring", stage.wireName()));
    }

    private static Failure reply(Stage stage, String reply, SmtpTarget target) {
        Matcher code = REPLY_CODE.matcher(reply == null ? "" : reply.strip());
        return reply(stage, code.find() ? Integer.parseInt(code.group(1)) : 0, reply, target);
    }

    private static Failure reply(Stage stage, int code, String reply, SmtpTarget target) {
        String text = reply == null
                ? ""
                : String.join(" ", reply.strip().lines().map(String::strip).toList());
        return new Failure(
                stage, code > 0 ? code : null, Text.verbatim(text), Hints.reply(stage, code, text, target.authType()));
    }

    static Stage stageOfCommand(String command) {
        if (command == null) {
            return Stage.CONNECT;
        }
        String c = command.toUpperCase(Locale.ROOT);
        if (c.startsWith("MAIL")) {
            return Stage.MAIL_FROM;
        }
        if (c.startsWith("RCPT")) {
            return Stage.RCPT_TO;
        }
        if (c.startsWith("DATA") || c.startsWith("BDAT") || c.equals(".")) {
            return Stage.DATA;
        }
        if (c.startsWith("AUTH")) {
            return Stage.AUTH;
        }
        if (c.startsWith("STARTTLS")) {
            return Stage.TLS;
        }
        return Stage.CONNECT;
    }

    private static boolean connecting(Throwable e) {
        return find(e, MailConnectException.class) != null || find(e, SocketConnectException.class) != null;
    }

    private static boolean isTls(Throwable e, String chain) {
        return find(e, SSLException.class) != null
                || find(e, CertificateException.class) != null
                || find(e, GeneralSecurityException.class) != null
                || chain.contains("STARTTLS is required")
                || chain.contains("Server identity does not match");
    }

    /** A reply without an SMTP code: Angus reports such a line with the code -1. */
    static boolean notSmtp(int code, String reply) {
        return code < 0 && reply != null && !reply.isBlank();
    }

    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t : chain(e)) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The exception and its causes; bounded, since nothing stops a cause chain from looping. */
    private static List<Throwable> chain(Throwable e) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = e; t != null && chain.size() < 20 && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }

    /** Every message of the chain, for matching hints. */
    private static String chainText(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t : chain(e)) {
            sb.append(t.getClass().getSimpleName())
                    .append(": ")
                    .append(t.getMessage())
                    .append('\n');
        }
        return sb.toString();
    }

    /**
     * The deepest message, which names the actual problem (Angus's outer messages only say "could not connect"):
     * the JDK's or Angus's words, shown as they are.
     */
    private static Text innermostMessage(Throwable e) {
        String message = null;
        for (Throwable t : chain(e)) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
        }
        if (message == null) {
            return Text.verbatim(e.getClass().getSimpleName());
        }
        // JDK messages sometimes repeat a nested exception's class name: "sun.security...Exception: text"
        return Text.verbatim(message.replaceAll("^(?:[a-z]\\w*\\.)+\\w*(?:Exception|Error): ", "")
                .strip());
    }
}
