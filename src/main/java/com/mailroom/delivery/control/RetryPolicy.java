package com.mailroom.delivery.control;

import com.mailroom.delivery.control.ClaimSql.Update;
import com.mailroom.sending.control.Stage;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What becomes of a mail after an attempt — the one place for it. A 5xx reply to the mail itself (MAIL FROM, RCPT
 * TO, DATA) is final. Everything else may heal and is tried again: no connection, timeouts, TLS, 4xx, and failed
 * logins too (the admin fixes the settings; the mail must not be lost meanwhile), up to {@code maxAttempts}, with
 * exponential back-off from {@code base} capped at {@code max} and "equal jitter" (a random point in the upper
 * half), so mails that failed together (a server outage) do not all come back at once.
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max) {

    private static final int MAX_ERROR = 2000;

    public RetryPolicy {
        if (maxAttempts < 1 || base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need maxAttempts >= 1 and 0 < base <= max");
        }
    }

    /** Whether a failure at {@code stage} with this reply is final for the mail. */
    public static boolean permanent(Stage stage, Integer smtpCode) {
        boolean aboutTheMail = stage == Stage.MAIL_FROM || stage == Stage.RCPT_TO || stage == Stage.DATA;
        return aboutTheMail && smtpCode != null && smtpCode >= 500 && smtpCode < 600;
    }

    /**
     * @param attempts the attempts made so far, this one included
     * @param random   a number in [0, 1)
     */
    public Duration delay(int attempts, double random) {
        double nominal = base.toMillis() * Math.pow(2, Math.max(0, Math.min(attempts - 1, 40)));
        long capped = (long) Math.min(nominal, max.toMillis());
        long half = capped / 2;
        return Duration.ofMillis(Math.max(1, half + (long) (random * (capped - half))));
    }

    /** What to write back for an outcome: sent, failed for good, tried again later, or handed back untouched. */
    Update decide(SendOutcome o, int attempts, OffsetDateTime at, double random) {
        return decide(o, attempts, at, random, at);
    }

    /**
     * @param resumeAt when a throttled mail is due again: the end of the server's back-off. It waits without an
     *     attempt counted and with a note saying so, however often the server throttles.
     */
    Update decide(SendOutcome o, int attempts, OffsetDateTime at, double random, OffsetDateTime resumeAt) {
        return switch (o.kind()) {
            case SENT -> new Update(o.mailId(), Update.Kind.SENT, o.message(), at);
            case PERMANENT -> new Update(o.mailId(), Update.Kind.FAILED, clip(o.describe()), at);
            case TRANSIENT ->
                attempts >= maxAttempts
                        ? new Update(
                                o.mailId(),
                                Update.Kind.FAILED,
                                clip("Gave up after " + attempts + " attempts: " + o.describe()),
                                at)
                        : new Update(
                                o.mailId(), Update.Kind.RETRY, clip(o.describe()), at.plus(delay(attempts, random)));
            case NOT_ATTEMPTED -> new Update(o.mailId(), Update.Kind.RELEASE, null, at);
            case THROTTLED ->
                new Update(
                        o.mailId(),
                        Update.Kind.THROTTLED,
                        clip("Throttled: the server asked to send more slowly; waiting until " + resumeAt
                                + " (not counted as an attempt). " + o.describe()),
                        resumeAt);
        };
    }

    private static String clip(String text) {
        return text == null || text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }
}
