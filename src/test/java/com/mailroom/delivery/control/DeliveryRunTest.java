package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.delivery.control.ClaimSql.Update;
import com.mailroom.sending.control.Stage;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What is written back for each outcome. */
class DeliveryRunTest {

    static final OffsetDateTime AT = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    static ClaimedMail claimed(String id, int attempts) {
        return new ClaimedMail(id, "NEW_USER", List.of("a@example.com"), List.of(), List.of(), "s", "t", null, 0, attempts);
    }

    @Test
    void transientFailuresRetryWithBackOffUntilTheLastAttempt() {
        var failure = new SendOutcome("a", SendOutcome.Kind.TRANSIENT, Stage.CONNECT, null, "refused", "Check the port.");
        Update first = DeliveryRun.updates(List.of(claimed("a", 1)), List.of(failure), 8, BACKOFF, AT).get(0);
        assertEquals(Update.Kind.RETRY, first.kind());
        assertEquals("connect: refused Check the port.", first.error());
        assertTrue(!first.at().isBefore(AT.plusSeconds(15)) && !first.at().isAfter(AT.plusSeconds(30)), first.at().toString());

        Update last = DeliveryRun.updates(List.of(claimed("a", 8)), List.of(failure), 8, BACKOFF, AT).get(0);
        assertEquals(Update.Kind.FAILED, last.kind());
        assertTrue(last.error().startsWith("Gave up after 8 attempts: connect: refused"), last.error());
    }

    @Test
    void sentFailedAndHandedBackAreWrittenAsSuch() {
        var updates = DeliveryRun.updates(List.of(claimed("a", 1), claimed("b", 1), claimed("c", 3)), List.of(
                SendOutcome.sent("a", "Sent to 1 recipient(s); refused: x"),
                new SendOutcome("b", SendOutcome.Kind.PERMANENT, Stage.RCPT_TO, 550, "550 no such user", null),
                SendOutcome.notAttempted("c")), 8, BACKOFF, AT);
        assertEquals(List.of(Update.Kind.SENT, Update.Kind.FAILED, Update.Kind.RELEASE), updates.stream().map(Update::kind).toList());
        assertEquals("Sent to 1 recipient(s); refused: x", updates.get(0).error());
        assertEquals("rcpt_to: 550 no such user", updates.get(1).error());
    }
}
