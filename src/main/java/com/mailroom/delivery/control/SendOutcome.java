package com.mailroom.delivery.control;

import com.mailroom.platform.Text;
import com.mailroom.sending.control.ProbeResult;
import com.mailroom.sending.control.Stage;

/**
 * What became of one mail of a batch on the wire. {@code stage} and {@code smtpCode} say where and how it failed;
 * {@code message} is the server's reply or a description (for a partly delivered mail: the refused recipients).
 * The texts are English: they are stored as the mail's last error, one string for every reader.
 */
public record SendOutcome(String mailId, Kind kind, Stage stage, Integer smtpCode, String message, String hint) {

    public enum Kind {
        /** accepted by the server (250 after DATA), for at least one recipient */
        SENT,
        /** failed for now: no connection, timeout, TLS, 4xx; tried again later */
        TRANSIENT,
        /** refused for good: 5xx on MAIL FROM, RCPT TO or DATA */
        PERMANENT,
        /** not attempted (the batch ran out of time or the node is stopping); goes back to the queue */
        NOT_ATTEMPTED,
        /**
         * the server asked to slow down (or did so for an earlier mail of the batch): waits for the back-off,
         * without counting an attempt
         */
        THROTTLED
    }

    public static SendOutcome sent(String id, String note) {
        return new SendOutcome(id, Kind.SENT, Stage.DONE, null, note, null);
    }

    /** A failure diagnosed in texts, kept in English. */
    static SendOutcome failed(String id, Kind kind, Stage stage, Integer smtpCode, Text message, Text hint) {
        return new SendOutcome(id, kind, stage, smtpCode, message.english(), hint == null ? null : hint.english());
    }

    public static SendOutcome notAttempted(String id) {
        return new SendOutcome(id, Kind.NOT_ATTEMPTED, null, null, null, null);
    }

    /** Whether this failure says the settings (or the server behind them) are wrong, rather than this one mail. */
    public boolean settingsProblem() {
        return (kind == Kind.TRANSIENT || kind == Kind.PERMANENT) && stage != null && stage.describesSettings();
    }

    /** The text kept as last_error: where, the server's reply and what to do about it. */
    public String describe() {
        if (stage == null || stage == Stage.DONE) {
            return message;
        }
        return ProbeResult.withHint(stage.wireName() + ": " + message, hint);
    }
}
