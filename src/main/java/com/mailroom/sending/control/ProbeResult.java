package com.mailroom.sending.control;

import com.mailroom.platform.Text;
import java.util.List;

/**
 * The outcome of an SMTP test or check.
 *
 * @param success    true only when every step that was asked for succeeded
 * @param stage      where the conversation failed, {@link Stage#DONE} on success
 * @param smtpCode   the server's reply code when a server reply decided the outcome, else null
 * @param message    the server's reply text (verbatim) or a description of the failure; never contains a secret
 * @param hint       what an admin can do about the failure; null on success
 * @param transcript the conversation as {@code S: }/{@code C: } lines, credentials redacted, message content left out
 * @param durationMs how long the conversation took
 */
public record ProbeResult(
        boolean success,
        Stage stage,
        Integer smtpCode,
        Text message,
        Text hint,
        List<String> transcript,
        long durationMs) {

    public ProbeResult {
        if (stage == null) {
            throw new IllegalArgumentException("stage is required");
        }
        if (success && stage != Stage.DONE) {
            throw new IllegalArgumentException("a successful result ends at stage done");
        }
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }

    /**
     * One line for the SMTP status: the stage, the server's reply or the failure, and the hint. In English: it is
     * stored as one string, which every admin reads whatever their language.
     */
    public String describe() {
        return withHint(
                "SMTP " + stage.wireName() + " failed: " + message.english(), hint == null ? null : hint.english());
    }

    /**
     * A failure's text followed by its hint as two sentences: a server's reply rarely ends with a full stop, and
     * "… Connection refused Nothing accepted the connection" reads as one garbled sentence.
     */
    public static String withHint(String text, String hint) {
        if (hint == null || hint.isBlank()) {
            return text;
        }
        String reply = text.strip();
        boolean ended = reply.isEmpty() || ".!?:;".indexOf(reply.charAt(reply.length() - 1)) >= 0;
        return reply + (ended ? " " : ". ") + hint.strip();
    }

    public static ProbeResult succeeded(Integer smtpCode, Text message, List<String> transcript, long durationMs) {
        return new ProbeResult(true, Stage.DONE, smtpCode, message, null, transcript, durationMs);
    }

    public static ProbeResult failed(
            Stage stage, Integer smtpCode, Text message, Text hint, List<String> transcript, long durationMs) {
        if (stage == Stage.DONE) {
            throw new IllegalArgumentException("a failure names the stage that failed");
        }
        return new ProbeResult(false, stage, smtpCode, message, hint, transcript, durationMs);
    }
}
