package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.delivery.control.ClaimSql.Update;
import com.mailroom.sending.control.Stage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What becomes of a mail after an attempt: final or not, when again, and what is written back. */
class RetryPolicyTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    final RetryPolicy policy = new RetryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1));

    static ClaimedMail claimed(String id, int attempts) {
        return new ClaimedMail(id, "NEW_USER", List.of("a@example.com"), List.of(), List.of(), "s", 100, 0, attempts);
    }

    @Test
    void onlyA5xxToTheMailItselfIsPermanent() {
        assertTrue(RetryPolicy.permanent(Stage.RCPT_TO, 550));
        assertTrue(RetryPolicy.permanent(Stage.DATA, 554));
        assertTrue(RetryPolicy.permanent(Stage.MAIL_FROM, 553));
        assertFalse(RetryPolicy.permanent(Stage.DATA, 452));
        assertFalse(RetryPolicy.permanent(Stage.AUTH, 535));
        assertFalse(RetryPolicy.permanent(Stage.CONNECT, 554));
        assertFalse(RetryPolicy.permanent(Stage.TIMEOUT, null));
    }

    @Test
    void theDelayDoublesPerAttemptWithinTheUpperHalf() {
        assertEquals(Duration.ofSeconds(15), policy.delay(1, 0.0));
        assertEquals(29_999, policy.delay(1, 0.99999).toMillis(), 1);
        assertEquals(Duration.ofSeconds(30), policy.delay(2, 0.0));
        assertEquals(Duration.ofSeconds(60), policy.delay(3, 0.0));
        assertEquals(Duration.ofSeconds(120), policy.delay(4, 0.0));
    }

    @Test
    void theDelayIsCappedAndNeverOverflows() {
        assertEquals(Duration.ofMinutes(30), policy.delay(10, 0.0));
        assertEquals(Duration.ofMinutes(30), policy.delay(1000, 0.0));
        assertEquals(
                Duration.ofHours(1).toMillis(),
                policy.delay(Integer.MAX_VALUE, 0.9999999).toMillis(),
                1);
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(8, Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class, () -> new RetryPolicy(8, Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(
                IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @Test
    void transientFailuresRetryWithBackOffUntilTheLastAttempt() {
        var failure =
                new SendOutcome("a", SendOutcome.Kind.TRANSIENT, Stage.CONNECT, null, "refused", "Check the port.");
        Update first = policy.decide(failure, 1, AT, 0.5);
        assertEquals(Update.Kind.RETRY, first.kind());
        assertEquals("connect: refused. Check the port.", first.error());
        assertTrue(
                !first.at().isBefore(AT.plusSeconds(15)) && !first.at().isAfter(AT.plusSeconds(30)),
                first.at().toString());

        Update last = policy.decide(failure, 8, AT, 0.5);
        assertEquals(Update.Kind.FAILED, last.kind());
        assertTrue(last.error().startsWith("Gave up after 8 attempts: connect: refused"), last.error());
    }

    @Test
    void sentFailedAndHandedBackAreWrittenAsSuchInTheBatchesOrder() {
        var updates = DeliveryRun.updates(
                List.of(claimed("a", 1), claimed("b", 1), claimed("c", 3)),
                List.of(
                        SendOutcome.sent("a", "Sent to 1 recipient(s); refused: x"),
                        new SendOutcome("b", SendOutcome.Kind.PERMANENT, Stage.RCPT_TO, 550, "550 no such user", null),
                        SendOutcome.notAttempted("c")),
                policy,
                AT,
                AT);
        assertEquals(
                List.of(Update.Kind.SENT, Update.Kind.FAILED, Update.Kind.RELEASE),
                updates.stream().map(Update::kind).toList());
        assertEquals("Sent to 1 recipient(s); refused: x", updates.get(0).error());
        assertEquals("rcpt_to: 550 no such user", updates.get(1).error());
    }

    @Test
    void aThrottledMailWaitsForTheBackOffWithoutAnAttemptHoweverOftenItWasTried() {
        var slowDown = new SendOutcome(
                "a", SendOutcome.Kind.THROTTLED, Stage.MAIL_FROM, 451, "451 4.7.0 Throttling", "Slow down.");
        Update update = policy.decide(slowDown, 8, AT, 0.5, AT.plusMinutes(2));
        assertEquals(Update.Kind.THROTTLED, update.kind(), "not failed at the last attempt either");
        assertEquals(AT.plusMinutes(2), update.at());
        assertTrue(update.error().startsWith("Throttled: the server asked to send more slowly"), update.error());
        assertTrue(update.error().contains("mail_from: 451 4.7.0 Throttling"), update.error());
    }

    @Test
    void longErrorsAreClippedToTheirColumn() {
        var failure = new SendOutcome("a", SendOutcome.Kind.PERMANENT, Stage.DATA, 554, "x".repeat(5000), null);
        assertEquals(2000, policy.decide(failure, 1, AT, 0.5).error().length());
    }
}
