package com.mailroom.sending.control;

import com.mailroom.platform.OutboundHosts;
import com.mailroom.platform.Text;
import com.mailroom.sending.entity.AuthType;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Opens an SMTP connection the way Mailroom always does — the test mail, the background check and every delivery
 * batch: TLS as the session says, EHLO, and the login the target asks for. A login that cannot happen (no
 * credentials, or a server that offers no AUTH: Jakarta Mail would silently go on without one) is a failure at
 * stage auth or token, never an unauthenticated session.
 */
public final class SmtpConnection {

    private SmtpConnection() {}

    /** A connection that could not be made or could not log in; it carries the diagnosis. */
    public static final class LoginImpossible extends MessagingException {
        private final transient Diagnosis.Failure failure;

        LoginImpossible(Diagnosis.Failure failure) {
            super(failure.message().english());
            this.failure = failure;
        }

        Diagnosis.Failure failure() {
            return failure;
        }
    }

    /** A transport for the session, not connected yet: the caller keeps it to diagnose a failure and to close it. */
    public static SMTPTransport transport(Session session) {
        return MailSessions.transport(session);
    }

    /** @throws MessagingException for anything the server or the network does; {@link LoginImpossible} as above */
    public static void connect(SMTPTransport transport, SmtpTarget target) throws MessagingException {
        Diagnosis.Failure missing = missingCredentials(target);
        if (missing != null) {
            throw new LoginImpossible(missing);
        }
        var refusal = OutboundHosts.refusal(target.host());
        if (refusal.isPresent()) {
            throw new LoginImpossible(
                    new Diagnosis.Failure(Stage.CONNECT, null, refusal.get(), Hints.HOST_NOT_ALLOWED));
        }
        if (target.authType() == AuthType.NONE) {
            transport.connect(target.host(), target.port(), null, null);
            return;
        }
        transport.connect(target.host(), target.port(), target.username(), target.secret());
        if (!transport.supportsExtension("AUTH") && !transport.supportsExtension("AUTH=LOGIN")) {
            throw new LoginImpossible(
                    new Diagnosis.Failure(Stage.AUTH, null, Text.of("failure.noAuthOffered"), Hints.NO_AUTH_OFFERED));
        }
    }

    public static void closeQuietly(SMTPTransport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException | RuntimeException ignored) {
            // the outcome is decided; a failing QUIT changes nothing about it
        }
    }

    private static Diagnosis.Failure missingCredentials(SmtpTarget target) {
        boolean noSecret = target.secret() == null || target.secret().isEmpty();
        boolean noUser = target.username() == null || target.username().isBlank();
        return switch (target.authType()) {
            case NONE -> null;
            case BASIC ->
                noSecret || noUser
                        ? new Diagnosis.Failure(
                                Stage.AUTH, null, Text.of("failure.basicNeedsCredentials"), Hints.MISSING_PASSWORD)
                        : null;
            case OAUTH ->
                noSecret
                        ? new Diagnosis.Failure(Stage.TOKEN, null, Text.of("failure.noToken"), Hints.MISSING_TOKEN)
                        : noUser
                                ? new Diagnosis.Failure(
                                        Stage.AUTH, null, Text.of("failure.oauthNeedsUser"), Hints.BAD_TOKEN)
                                : null;
        };
    }
}
