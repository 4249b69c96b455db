package com.mailroom.settings.boundary;

import com.mailroom.platform.Text;
import com.mailroom.sending.control.ProbeResult;
import java.io.Serializable;
import java.util.List;
import java.util.Locale;

/**
 * {@code POST /api/v1/smtp/test} (docs/api.md): where the test failed, the server's reply, and what to do about it,
 * written
 * in the language of whoever asked (the page's, or the API's English).
 */
public record TestReport(
        boolean success,
        String recipient,
        String stage,
        Integer smtpCode,
        String message,
        String hint,
        List<String> transcript,
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
