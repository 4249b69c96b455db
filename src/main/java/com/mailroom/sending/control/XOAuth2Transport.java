package com.mailroom.sending.control;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Angus Mail's SMTP transport, finishing the SASL XOAUTH2 exchange when the server refuses the token with an error
 * challenge ({@link XOAuth2Challenge}) instead of 535 at once, as Gmail and RFC 7628 servers do. Angus alone stops
 * at that {@code 334} ("OAUTH2 asked for more") and drops the connection, leaving base64 as the only reply. Here
 * the client sends the empty response the server waits for and reads the final reply (535), so the failure looks
 * like any rejected token — evicted and retried once by the OAuth component — and the decoded error is kept for the
 * diagnosis. This runs inside Angus's own AUTH step, whose protocol trace is suppressed: the token never reaches a
 * transcript or a log.
 */
public final class XOAuth2Transport extends SMTPTransport {

    private static final String AUTH_XOAUTH2 = "AUTH XOAUTH2 ";
    private static final int CHALLENGE = 334;

    private volatile XOAuth2Challenge refused;

    XOAuth2Transport(Session session) {
        super(session, new URLName("smtp", null, -1, null, null, null));
    }

    @Override
    public synchronized int simpleCommand(String command) throws MessagingException {
        int code = super.simpleCommand(command);
        if (code == CHALLENGE && command.startsWith(AUTH_XOAUTH2)) {
            refused = XOAuth2Challenge.of(getLastServerResponse());
            if (session.getDebug()) {
                // the transcript shows the decoded challenge (the trace of the AUTH step itself is suppressed)
                session.getDebugOut().println(Transcript.CHALLENGE_NOTE + refused.raw());
            }
            code = super.simpleCommand("");
        }
        return code;
    }

    /** The error challenge of the last refused token, or null when the server sent none. */
    public XOAuth2Challenge refusedToken() {
        return refused;
    }
}
