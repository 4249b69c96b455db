package com.mailroom.errors;

import com.mailroom.platform.Text;

/** 429: too many attempts (saves and tests in the window, or failed logins); {@link #retryAfterSeconds()} says when the next one is allowed. */
public class RateLimited extends MailroomException {

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds, boolean perAdmin) {
        this(Text.of(perAdmin ? "error.tooOften.you" : "error.tooOften.admins", retryAfterSeconds), retryAfterSeconds);
    }

    protected RateLimited(Text text, long retryAfterSeconds) {
        super(429, text);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
