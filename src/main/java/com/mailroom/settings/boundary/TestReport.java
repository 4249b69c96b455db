package com.mailroom.settings.boundary;

import com.mailroom.platform.Text;
import com.mailroom.sending.control.ProbeResult;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code POST /api/v1/smtp/test} (docs/api.md): where the test failed, the server's reply, and what to do about it,
 * written
 * in the language of whoever asked (the page's, or the API's English).
 */
@Schema(description = "The outcome of a test mail (docs/api.md \"Test and status\").")
public record TestReport(
        @Schema(required = true, description = "The server accepted the mail (250 after DATA).")
        boolean success,

        @Schema(required = true, description = "Where the mail was sent: the caller's address.")
        String recipient,

        @Schema(required = true, ref = "Stage") String stage,

        @Schema(description = "The reply code that decided the outcome, when a server reply did.")
        Integer smtpCode,

        @Schema(required = true, description = "The reply or a description of the failure; never a secret.")
        String message,

        @Schema(description = "What an admin can do; null on success.")
        String hint,

        @Schema(required = true, description = "S:/C: lines, credentials redacted, content left out.")
        List<String> transcript,

        @Schema(required = true, description = "Token requests included.")
        long durationMs)
        implements Serializable {

    static TestReport of(ProbeResult r, String recipient, Locale language) {
        return new TestReport(
                r.success(),
                recipient,
                r.stage().wireName(),
                r.smtpCode(),
                in(r.message(), language),
                in(r.hint(), language),
                r.transcript(),
                r.durationMs());
    }

    private static String in(Text text, Locale language) {
        return text == null ? null : text.in(language);
    }
}
