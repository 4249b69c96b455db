package com.mailroom.delivery.control;

import com.mailroom.delivery.control.SendOutcome.Kind;
import com.mailroom.platform.MailAddress;
import com.mailroom.sending.control.Diagnosis;
import com.mailroom.sending.control.MailSessions;
import com.mailroom.sending.control.SlowDown;
import com.mailroom.sending.control.SmtpConnection;
import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.Stage;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends batches of claimed mails over <em>one</em> SMTP connection: connect (TLS, AUTH) once, then MAIL FROM / RCPT
 * TO / DATA per mail. The connection stays open for the worker's next batch while the settings stay the same
 * (the worker closes it when idle); it reconnects only when the connection broke, and then sends the interrupted
 * mail once more before counting it as failed. One instance per worker thread, not thread-safe. Plain Java, no
 * container: unit-tested against SMTP servers on loopback.
 * <p>
 * Recipients: the server may refuse some of a mail's recipients and accept others ({@code mail.smtp.sendpartial}).
 * The mail then counts as sent to those accepted, and the refused ones with the server's replies are kept as its
 * last error; they are not retried, since retrying the mail would send it again to everyone who already has it.
 * A mail none of whose recipients is accepted fails (5xx) or is retried (4xx) as a whole.
 */
public final class BatchSender implements AutoCloseable {

    private final ContentReadAhead contents;
    private SmtpTarget target;
    private Session session;
    private MailAddress from;
    private SMTPTransport transport;
    private long lastUsed;

    /**
     * @param contents reads mails' bodies and attachments by their ids, a few mails ahead of their turn
     *     ({@link ContentReadAhead})
     */
    public BatchSender(Function<List<String>, Map<String, ClaimedMail.Content>> contents) {
        this.contents = new ContentReadAhead(contents);
    }

    /**
     * @param deadline mails not started by then are handed back ({@link Kind#NOT_ATTEMPTED}), so a slow batch
     *                 never outlives its lease
     * @param stopping true when the node shuts down: the rest is handed back as well
     * @return one outcome per mail, in order
     */
    public List<SendOutcome> send(
            SmtpTarget target, List<ClaimedMail> mails, Instant deadline, BooleanSupplier stopping) {
        List<SendOutcome> outcomes = new ArrayList<>(mails.size());
        contents.clear();
        try {
            use(target);
        } catch (RuntimeException e) {
            SendOutcome f = classify(null, e, target, null);
            mails.forEach(m -> outcomes.add(copyFor(m.id(), f)));
            return outcomes;
        }
        for (int i = 0; i < mails.size(); i++) {
            ClaimedMail mail = mails.get(i);
            if (stopping.getAsBoolean() || Instant.now().isAfter(deadline)) {
                mails.subList(i, mails.size()).forEach(m -> outcomes.add(SendOutcome.notAttempted(m.id())));
                break;
            }
            MimeMessage message;
            try {
                message = MimeMessages.build(session, from, mail, contents.of(mails, i));
            } catch (MessagingException | IllegalArgumentException e) {
                outcomes.add(new SendOutcome(
                        mail.id(),
                        Kind.PERMANENT,
                        Stage.DATA,
                        null,
                        "The mail could not be built: " + e.getMessage(),
                        null));
                continue;
            }
            if (transport == null) {
                try {
                    transport = connect(session, target);
                } catch (Unconnected u) {
                    mails.subList(i, mails.size()).forEach(m -> outcomes.add(copyFor(m.id(), u.outcome)));
                    break;
                }
            }
            SendOutcome outcome = sendOne(transport, message, mail, target);
            if (outcome != null && outcome.kind() == Kind.THROTTLED) {
                // the server wants fewer mails: the rest of the batch waits too, none of it an attempt
                throttled(mails.subList(i, mails.size()), outcome, outcomes);
                break;
            }
            if (outcome == null) {
                // the connection broke (or went stale while idle): once more on a new one, then it is this mail's
                // failure
                closeConnection();
                try {
                    transport = connect(session, target);
                    outcome = sendOne(transport, message, mail, target);
                } catch (Unconnected u) {
                    outcome = copyFor(mail.id(), u.outcome);
                }
                if (outcome != null && outcome.kind() == Kind.THROTTLED) {
                    throttled(mails.subList(i, mails.size()), outcome, outcomes);
                    break;
                }
                if (outcome == null) {
                    outcome = new SendOutcome(
                            mail.id(),
                            Kind.TRANSIENT,
                            Stage.CONNECT,
                            null,
                            "The connection to " + target.host() + ":" + target.port() + " broke twice.",
                            null);
                    closeConnection();
                }
            }
            outcomes.add(outcome);
        }
        contents.clear();
        lastUsed = System.nanoTime();
        return outcomes;
    }

    /** {@code rest} (the throttled mail first) waits with the server's reply; the connection is not used again. */
    private void throttled(List<ClaimedMail> rest, SendOutcome reply, List<SendOutcome> outcomes) {
        rest.forEach(m -> outcomes.add(copyFor(m.id(), reply)));
        closeConnection();
    }

    /** A new session (and connection) when the settings changed; otherwise the open connection is kept. */
    private void use(SmtpTarget target) {
        if (target.equals(this.target) && session != null) {
            return;
        }
        closeConnection();
        this.session = null;
        this.target = null;
        Session fresh = MailSessions.create(target);
        // read when the transport is made: a refused recipient must not stop the mail to the others
        fresh.getProperties().setProperty("mail.smtp.sendpartial", "true");
        MailAddress parsed = MailAddress.parse(target.from()).value();
        if (parsed == null) {
            throw new IllegalArgumentException("The From setting is not valid: " + target.from());
        }
        this.session = fresh;
        this.from = parsed;
        this.target = target;
    }

    /** Closes the connection when it has been idle longer than {@code idleMs} (servers drop idle clients anyway). */
    public void closeIfIdle(long idleMs) {
        if (transport != null && System.nanoTime() - lastUsed > idleMs * 1_000_000) {
            closeConnection();
        }
    }

    @Override
    public void close() {
        closeConnection();
    }

    private void closeConnection() {
        SmtpConnection.closeQuietly(transport);
        transport = null;
    }

    /** @return the outcome, or null when the connection broke and the mail may be sent again on a new one */
    private static SendOutcome sendOne(
            SMTPTransport transport, MimeMessage message, ClaimedMail mail, SmtpTarget target) {
        try {
            transport.sendMessage(message, message.getAllRecipients());
            return SendOutcome.sent(mail.id(), null);
        } catch (SendFailedException partly) {
            if (partly.getValidSentAddresses() != null && partly.getValidSentAddresses().length > 0) {
                return SendOutcome.sent(
                        mail.id(),
                        "Sent to " + partly.getValidSentAddresses().length + " recipient(s); refused: "
                                + refused(partly));
            }
            return afterFailure(mail.id(), partly, target, transport);
        } catch (MessagingException e) {
            return afterFailure(mail.id(), e, target, transport);
        } catch (IllegalStateException notConnected) {
            return null;
        }
    }

    /** The failure's outcome; null when the connection broke, unless the server closed it to slow us down. */
    private static SendOutcome afterFailure(
            String mailId, MessagingException e, SmtpTarget target, SMTPTransport transport) {
        SendOutcome outcome = classify(mailId, e, target, transport);
        return outcome.kind() != Kind.THROTTLED && brokenConnection(e) ? null : outcome;
    }

    private static SMTPTransport connect(Session session, SmtpTarget target) {
        SMTPTransport fresh = SmtpConnection.transport(session);
        try {
            SmtpConnection.connect(fresh, target);
            return fresh;
        } catch (MessagingException | RuntimeException e) {
            Unconnected failed = new Unconnected(classify(null, e, target, fresh));
            SmtpConnection.closeQuietly(fresh);
            throw failed;
        }
    }

    /** No connection (or no login) for the rest of the batch; {@code outcome} says why. */
    private static final class Unconnected extends RuntimeException {
        private final transient SendOutcome outcome;

        Unconnected(SendOutcome outcome) {
            super(outcome.message(), null, false, false);
            this.outcome = outcome;
        }
    }

    /** No server reply decided it (the socket failed), or the server said 421 and closed the connection. */
    static boolean brokenConnection(MessagingException e) {
        var reply = Diagnosis.find(e, SMTPSendFailedException.class);
        if (reply != null && reply.getReturnCode() == 421) {
            return true;
        }
        var address = Diagnosis.find(e, SMTPAddressFailedException.class);
        if (address != null && address.getReturnCode() == 421) {
            return true;
        }
        return reply == null && address == null && Diagnosis.find(e, IOException.class) != null;
    }

    static SendOutcome classify(String mailId, Throwable e, SmtpTarget target, SMTPTransport transport) {
        Diagnosis.Failure f = Diagnosis.of(e, target, transport);
        Kind kind = RetryPolicy.permanent(f.stage(), f.smtpCode())
                ? Kind.PERMANENT
                : SlowDown.means(f.smtpCode(), f.message().english()) ? Kind.THROTTLED : Kind.TRANSIENT;
        return SendOutcome.failed(mailId, kind, f.stage(), f.smtpCode(), f.message(), f.hint());
    }

    private static String refused(SendFailedException e) {
        List<String> reasons = new ArrayList<>();
        for (Exception next = e.getNextException();
                next != null && reasons.size() < 20;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException a) {
                reasons.add(a.getAddress() + " (" + a.getMessage().strip() + ")");
            }
        }
        if (reasons.isEmpty() && e.getInvalidAddresses() != null) {
            return Arrays.stream(e.getInvalidAddresses()).map(Address::toString).collect(Collectors.joining(", "));
        }
        return String.join(", ", reasons);
    }

    private static SendOutcome copyFor(String id, SendOutcome f) {
        return new SendOutcome(id, f.kind(), f.stage(), f.smtpCode(), f.message(), f.hint());
    }
}
