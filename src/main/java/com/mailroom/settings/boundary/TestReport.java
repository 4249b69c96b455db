package com.mailroom.settings.boundary;

import com.mailroom.sending.control.ProbeResult;
import java.util.List;

/** SPEC §4 {@code POST /api/v1/smtp/test}: where the test failed, the server's reply, and what to do about it. */
public record TestReport(boolean success, String recipient, String stage, Integer smtpCode, String message,
                         String hint, List<String> transcript, long durationMs)
        implements java.io.Serializable {

    static TestReport of(ProbeResult r, String recipient) {
        return new TestReport(r.success(), recipient, r.stage().wireName(), r.smtpCode(), r.message(), r.hint(),
                r.transcript(), r.durationMs());
    }
}
