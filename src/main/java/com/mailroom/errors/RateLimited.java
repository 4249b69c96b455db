package com.mailroom.errors;

/** 429: too many saves and tests in the window; {@link #retryAfterSeconds()} says when the next one is allowed. */
public class RateLimited extends MailroomException {

    private final long retryAfterSeconds;

    public RateLimited(long retryAfterSeconds, boolean perAdmin) {
        super(429, (perAdmin ? "You have saved or tested too often" : "Admins have saved or tested too often")
                + ": try again in " + retryAfterSeconds + " s.");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
