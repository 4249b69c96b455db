package com.mailroom.errors;

import com.mailroom.platform.Text;

/** 429: too many saves and tests in the window; {@link #retryAfterSeconds()} says when the next one is allowed. */
public class RateLimited extends MailroomException {

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds, boolean perAdmin) {
        super(429, Text.of(perAdmin ? "error.tooOften.you" : "error.tooOften.admins", retryAfterSeconds));
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
