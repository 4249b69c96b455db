package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.delivery.control.ClaimSql.Gate;
import com.mailroom.delivery.control.ClaimSql.Update;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The send rate and the servers' back-off across the cluster, against H2 with the real migrations. */
class SendGateTest {

    static final OffsetDateTime NOW = ClaimSqlTest.NOW;
    static final String SERVER = "smtp.example.com:587";
    static final Duration BASE = Duration.ofSeconds(30);
    static final Duration MAX = Duration.ofMinutes(15);

    final ClaimSql sql = new ClaimSql();
    JdbcDataSource db;

    @BeforeEach
    void migrate() {
        db = MigratedH2.create();
    }

    @Test
    void theRoomIsTheLimitLessWhatWasCountedAndTheBackOffDoublesUpToItsMaximum() {
        assertEquals(30, SendGate.room(30, 0));
        assertEquals(7, SendGate.room(30, 23));
        assertEquals(0, SendGate.room(30, 31), "never negative");
        assertEquals(BASE, SendGate.next(0, BASE, MAX));
        assertEquals(Duration.ofSeconds(60), SendGate.next(30_000, BASE, MAX));
        assertEquals(MAX, SendGate.next(600_000, BASE, MAX));
        assertEquals(MAX, SendGate.next(MAX.toMillis(), BASE, MAX));
    }

    @Test
    void claimsUnderALimitTakeAtMostTheRoomLeftInTheLastMinute() throws Exception {
        insert(100);
        Gate gate = new Gate(30, SERVER);
        try (Connection c = db.getConnection()) {
            var first = sql.claim(c, "w", 20, Long.MAX_VALUE, NOW, NOW.plusMinutes(5), gate);
            assertEquals(20, first.mails().size());
            var second = sql.claim(c, "w", 20, Long.MAX_VALUE, NOW.plusSeconds(1), NOW.plusMinutes(5), gate);
            assertEquals(10, second.mails().size(), "the room left");
            var full = sql.claim(c, "w", 20, Long.MAX_VALUE, NOW.plusSeconds(2), NOW.plusMinutes(5), gate);
            assertTrue(full.mails().isEmpty() && !full.contended(), "waits: the minute is full");

            SendGate.ended(c, first.token(), sent(first), NOW.plusSeconds(5));
            SendGate.ended(c, second.token(), sent(second), NOW.plusSeconds(6));
            assertEquals(
                    0,
                    sql.claim(c, "w", 20, Long.MAX_VALUE, NOW.plus(Duration.ofMillis(64_900)), NOW.plusMinutes(6), gate)
                            .mails()
                            .size(),
                    "a mail counts until a minute after its batch was written back");
            assertEquals(
                    20,
                    sql.claim(
                                    c,
                                    "w",
                                    20,
                                    Long.MAX_VALUE,
                                    NOW.plusSeconds(65).plusNanos(1_000),
                                    NOW.plusMinutes(6),
                                    gate)
                            .mails()
                            .size());
            assertEquals(
                    10,
                    sql.claim(c, "w", 20, Long.MAX_VALUE, NOW.plusSeconds(67), NOW.plusMinutes(6), gate)
                            .mails()
                            .size());
            assertEquals(
                    20,
                    sql.claim(c, "w", 20, Long.MAX_VALUE, NOW.plusSeconds(67), NOW.plusMinutes(6), Gate.NONE)
                            .mails()
                            .size(),
                    "without a limit nothing is counted or held back");
        }
    }

    @Test
    void mailsHandedBackUnsentStopCountingAndADeadNodesClaimCountsUntilAMinuteAfterItsLease() throws Exception {
        insert(100);
        Gate gate = new Gate(30, SERVER);
        try (Connection c = db.getConnection()) {
            var claim = sql.claim(c, "w", 30, Long.MAX_VALUE, NOW, NOW.plusMinutes(5), gate);
            List<Update> updates = new ArrayList<>();
            for (int i = 0; i < claim.mails().size(); i++) {
                String id = claim.mails().get(i).id();
                updates.add(
                        i < 10
                                ? new Update(id, Update.Kind.SENT, null, NOW.plusSeconds(1))
                                : i < 20
                                        ? new Update(id, Update.Kind.RELEASE, null, NOW.plusSeconds(1))
                                        : new Update(id, Update.Kind.THROTTLED, "Throttled", NOW.plusSeconds(40)));
            }
            sql.record(c, claim.token(), updates);
            SendGate.ended(c, claim.token(), updates, NOW.plusSeconds(1));
            var dead = sql.claim(c, "dead", 30, Long.MAX_VALUE, NOW.plusSeconds(2), NOW.plusSeconds(32), gate);
            assertEquals(20, dead.mails().size(), "only the 10 sent still count");
            assertEquals(
                    0,
                    sql.claim(c, "w", 30, Long.MAX_VALUE, NOW.plus(Duration.ofMillis(60_500)), NOW.plusMinutes(6), gate)
                            .mails()
                            .size());
            assertEquals(
                    10,
                    sql.claim(c, "w", 30, Long.MAX_VALUE, NOW.plus(Duration.ofMillis(61_500)), NOW.plusMinutes(6), gate)
                            .mails()
                            .size(),
                    "the 10 sent are forgotten a minute on; the dead node's 20 count though their lease ran out");
            assertEquals(
                    20,
                    sql.claim(c, "w", 30, Long.MAX_VALUE, NOW.plus(Duration.ofMillis(92_500)), NOW.plusMinutes(6), gate)
                            .mails()
                            .size(),
                    "a minute after the lease they are forgotten; the 10 claimed last are in flight");
        }
    }

    @Test
    void racingNodesUnderALimitNeverClaimMoreThanItTogether() throws Exception {
        insert(300);
        Gate gate = new Gate(45, SERVER);
        var pool = Executors.newFixedThreadPool(6);
        var go = new CountDownLatch(1);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String worker = "node" + w + "#1";
            workers.add(pool.submit(() -> {
                go.await();
                int mine = 0;
                try (Connection c = db.getConnection()) {
                    c.setAutoCommit(false);
                    for (int round = 0; round < 10; round++) {
                        mine += sql.claim(c, worker, 7, Long.MAX_VALUE, NOW, NOW.plusMinutes(5), gate)
                                .mails()
                                .size();
                        c.commit();
                    }
                }
                return mine;
            }));
        }
        go.countDown();
        int total = 0;
        for (var f : workers) {
            total += f.get();
        }
        pool.shutdown();
        assertEquals(45, total);
    }

    @Test
    void aSlowDownHoldsClaimsForThatServerOnlyDoublesWhileItAsksAndStartsOverAfterASuccess() throws Exception {
        insert(10);
        try (Connection c = db.getConnection()) {
            assertEquals(NOW.plusSeconds(30), SendGate.slowDown(c, SERVER, NOW, BASE, MAX));
            assertEquals(
                    NOW.plusSeconds(30),
                    SendGate.slowDown(c, SERVER, NOW.plusSeconds(1), BASE, MAX),
                    "another worker's same reply keeps the running back-off");
            Gate gate = new Gate(null, SERVER);
            assertTrue(sql.claim(c, "w", 1, Long.MAX_VALUE, NOW.plusSeconds(29), NOW.plusMinutes(5), gate)
                    .mails()
                    .isEmpty());
            assertEquals(
                    1,
                    sql.claim(
                                    c,
                                    "w",
                                    1,
                                    Long.MAX_VALUE,
                                    NOW.plusSeconds(29),
                                    NOW.plusMinutes(5),
                                    new Gate(30, "other:25"))
                            .mails()
                            .size(),
                    "another server is not held");
            var after = sql.claim(c, "w", 1, Long.MAX_VALUE, NOW.plusSeconds(30), NOW.plusMinutes(5), gate);
            assertEquals(1, after.mails().size());
            assertEquals(30_000, after.backoffMs());

            assertEquals(NOW.plusSeconds(90), SendGate.slowDown(c, SERVER, NOW.plusSeconds(30), BASE, MAX));
            assertEquals(NOW.plusSeconds(210), SendGate.slowDown(c, SERVER, NOW.plusSeconds(90), BASE, MAX));
            SendGate.recovered(c, SERVER);
            assertEquals(
                    0,
                    sql.claim(c, "w", 1, Long.MAX_VALUE, NOW.plusSeconds(91), NOW.plusMinutes(5), gate)
                            .backoffMs());
            assertEquals(NOW.plusSeconds(130), SendGate.slowDown(c, SERVER, NOW.plusSeconds(100), BASE, MAX));
        }
    }

    @Test
    void aThrottledMailGoesBackToWaitingWithItsAttemptGivenBackAndANote() throws Exception {
        String id = insert(1).get(0);
        try (Connection c = db.getConnection()) {
            var claim = sql.claim(c, "w", 1, Long.MAX_VALUE, NOW, NOW.plusMinutes(5), Gate.NONE);
            assertEquals(1, claim.mails().get(0).attempts());
            sql.record(
                    c,
                    claim.token(),
                    List.of(new Update(id, Update.Kind.THROTTLED, "Throttled: waiting", NOW.plusSeconds(30))));
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status, attempts, next_attempt_at, last_error, claim_token FROM outbound_mail WHERE id = ?")) {
                ps.setString(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals("queued", rs.getString(1));
                    assertEquals(0, rs.getInt(2));
                    assertEquals(
                            NOW.plusSeconds(30).toInstant(),
                            rs.getObject(3, OffsetDateTime.class).toInstant());
                    assertEquals("Throttled: waiting", rs.getString(4));
                    assertEquals(null, rs.getString(5));
                }
            }
        }
    }

    private static List<Update> sent(ClaimSql.Claim claim) {
        return claim.mails().stream()
                .map(m -> new Update(m.id(), Update.Kind.SENT, null, NOW))
                .toList();
    }

    private List<String> insert(int n) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO outbound_mail"
                        + " (id, status, category, to_addresses, cc_addresses, bcc_addresses, subject, size_bytes,"
                        + " attachment_count, attempts, next_attempt_at, created_at) VALUES (?, 'queued', 'NEW_USER',"
                        + " 'a@example.com', '', '', 'Hi', 4, 0, 0, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                ps.setString(1, id);
                ps.setObject(2, NOW.minusSeconds(1));
                ps.setObject(3, NOW.minusHours(1));
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
        }
        return ids;
    }
}
