package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The claim SQL against H2 (the real migrations), with workers racing on connections of their own. */
class ClaimSqlTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    final ClaimSql sql = new ClaimSql();
    JdbcDataSource db;

    @BeforeEach
    void migrate() {
        db = MigratedH2.create();
    }

    @Test
    void racingWorkersClaimEveryDueMailExactlyOnce() throws Exception {
        List<String> ids = insert(500, "queued", NOW.minusSeconds(1));
        Map<String, String> owner = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(6);
        var go = new CountDownLatch(1);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String worker = "w" + w;
            workers.add(pool.submit(() -> {
                go.await();
                try (Connection c = db.getConnection()) {
                    c.setAutoCommit(false);
                    int idle = 0;
                    while (idle < 3) {
                        var claim = sql.claim(c, worker, 7, Long.MAX_VALUE, NOW, NOW.plusMinutes(5));
                        c.commit();
                        if (claim.mails().isEmpty() && !claim.contended()) {
                            idle++;
                        }
                        for (var m : claim.mails()) {
                            if (owner.putIfAbsent(m.id(), worker) != null) {
                                duplicates.incrementAndGet();
                            }
                        }
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (var f : workers) {
            f.get();
        }
        pool.shutdown();
        assertEquals(0, duplicates.get());
        assertEquals(500, owner.size());
        assertTrue(owner.keySet().containsAll(ids));
        assertTrue(owner.values().stream().distinct().count() > 1, "the work was shared");
    }

    @Test
    void onlyDueMailIsClaimedAndAClaimCountsAnAttempt() throws Exception {
        insert(1, "queued", NOW.plusSeconds(10));
        insert(1, "sent", NOW.minusSeconds(10));
        insert(1, "failed", NOW.minusSeconds(10));
        List<String> due = insert(1, "retrying", NOW.minusSeconds(1));
        try (Connection c = db.getConnection()) {
            var claim = sql.claim(c, "w", 10, Long.MAX_VALUE, NOW, NOW.plusMinutes(5));
            assertEquals(
                    List.of(due.get(0)),
                    claim.mails().stream().map(ClaimedMail::id).toList());
            assertEquals(1, claim.mails().get(0).attempts());
            assertEquals("sending", column(c, due.get(0), "status"));
            assertTrue(
                    sql.claim(c, "w", 10, Long.MAX_VALUE, NOW, NOW.plusMinutes(5))
                            .mails()
                            .isEmpty(),
                    "held mail is not due");
        }
    }

    @Test
    void anExpiredLeaseMakesTheMailDueAgainAndTheOldHolderCanNoLongerWriteIt() throws Exception {
        String id = insert(1, "queued", NOW.minusSeconds(1)).get(0);
        try (Connection c = db.getConnection()) {
            var first = sql.claim(c, "crashed", 10, Long.MAX_VALUE, NOW, NOW.plusMinutes(5));
            assertEquals(1, first.mails().size());
            assertTrue(sql.claim(c, "other", 10, Long.MAX_VALUE, NOW.plusMinutes(4), NOW.plusMinutes(9))
                    .mails()
                    .isEmpty());
            var second = sql.claim(c, "other", 10, Long.MAX_VALUE, NOW.plusMinutes(6), NOW.plusMinutes(11));
            assertEquals(id, second.mails().get(0).id());
            assertEquals(2, second.mails().get(0).attempts());

            var late = new ClaimSql.Update(id, ClaimSql.Update.Kind.SENT, null, NOW.plusMinutes(7));
            assertEquals(0, sql.record(c, first.token(), List.of(late)), "the stale token changes nothing");
            assertEquals("sending", column(c, id, "status"));
            assertEquals(1, sql.record(c, second.token(), List.of(late)));
            assertEquals("sent", column(c, id, "status"));
            assertEquals(null, column(c, id, "claim_token"));
        }
    }

    @Test
    void aRestartedNodeHandsBackItsOwnClaimsAtOnceButNoOtherNodes() throws Exception {
        String mine1 = insert(1, "queued", NOW.minusSeconds(3)).get(0);
        String mine2 = insert(1, "queued", NOW.minusSeconds(3)).get(0);
        String similar = insert(1, "queued", NOW.minusSeconds(3)).get(0);
        String wildcard = insert(1, "queued", NOW.minusSeconds(3)).get(0);
        try (Connection c = db.getConnection()) {
            claimOne(c, mine1, "vm-1#1");
            claimOne(c, mine2, "vm-1#2");
            claimOne(c, similar, "vm-10#1");
            claimOne(c, wildcard, "vmx1#1");

            assertEquals(2, sql.releaseNode(c, "vm-1", NOW.plusSeconds(5)));
            assertEquals(0, sql.releaseNode(c, "vm_1", NOW.plusSeconds(5)), "no LIKE wildcards in node names");

            var again = sql.claim(c, "vm-1#1", 10, Long.MAX_VALUE, NOW.plusSeconds(5), NOW.plusMinutes(10));
            assertEquals(
                    Set.of(mine1, mine2),
                    again.mails().stream().map(ClaimedMail::id).collect(Collectors.toSet()),
                    "due at once, long before the lease ran out");
            assertTrue(again.mails().stream().allMatch(m -> m.attempts() == 2), "the interrupted attempt counts");
            assertEquals("sending", column(c, similar, "status"), "vm-10 may be alive: its lease decides");
            assertEquals("sending", column(c, wildcard, "status"));
        }
    }

    private void claimOne(Connection c, String id, String worker) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE outbound_mail SET next_attempt_at = ? WHERE id <> ?" + " AND status = 'queued'")) {
            ps.setObject(1, NOW.plusHours(1)); // only this one is due now
            ps.setString(2, id);
            ps.executeUpdate();
        }
        assertEquals(
                List.of(id),
                sql.claim(c, worker, 10, Long.MAX_VALUE, NOW, NOW.plusMinutes(5)).mails().stream()
                        .map(ClaimedMail::id)
                        .toList());
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE outbound_mail SET next_attempt_at = ?" + " WHERE status = 'queued'")) {
            ps.setObject(1, NOW.minusSeconds(3));
            ps.executeUpdate();
        }
    }

    @Test
    void aClaimStopsAtItsByteBudgetButAlwaysTakesOneMail() throws Exception {
        List<String> ids = insert(5, "queued", NOW.minusSeconds(1)); // 4 bytes each (see insert)
        try (Connection c = db.getConnection()) {
            var three = sql.claim(c, "w", 10, 12, NOW, NOW.plusMinutes(5));
            assertEquals(3, three.mails().size(), "3 × 4 bytes fit into 12");
            assertEquals(4, three.mails().get(0).sizeBytes());
            var one = sql.claim(c, "w", 10, 1, NOW, NOW.plusMinutes(5));
            assertEquals(1, one.mails().size(), "a mail larger than the budget is still sent, alone");
            var rest = sql.claim(c, "w", 10, Long.MAX_VALUE, NOW, NOW.plusMinutes(5));
            assertEquals(1, rest.mails().size());
        }
        assertEquals(5, ids.size());
    }

    @Test
    void theClaimCarriesNoContentWhichIsReadForSeveralMailsAtOnceEachWholeFromItsChunks() throws Exception {
        List<String> two = insert(2, "queued", NOW.minusSeconds(1));
        String id = two.get(0);
        String other = two.get(1);
        String text = "0123456789".repeat(60_000); // three chunks, the last one partial
        String pdf = "JVBERi0".repeat(40_000);
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound_attachment"
                    + " (mail_id, seq, filename, content_type, size_bytes) VALUES (?, ?, ?, ?, 1)")) {
                for (int seq = 0; seq < 2; seq++) {
                    ps.setString(1, id);
                    ps.setInt(2, seq);
                    ps.setString(3, seq == 0 ? "report.pdf" : "empty.txt");
                    ps.setString(4, seq == 0 ? "application/pdf" : "text/plain");
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO outbound_content (mail_id, part, seq, data) VALUES (?, ?, ?, ?)")) {
                for (var chunk : ContentChunks.split(text, null, List.of(pdf, ""))) {
                    ps.setString(1, id);
                    ps.setInt(2, chunk.part());
                    ps.setInt(3, chunk.seq());
                    ps.setString(4, chunk.data());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO outbound_content (mail_id, part, seq, data)" + " VALUES (?, 1, 0, '<p>other</p>')")) {
                ps.setString(1, other);
                ps.executeUpdate();
            }
            var claimed = sql.claim(c, "w", 10, Long.MAX_VALUE, NOW, NOW.plusMinutes(5))
                    .mails();
            assertEquals(
                    Set.copyOf(two),
                    claimed.stream().map(ClaimedMail::id).collect(Collectors.toSet()),
                    "both, due alike");
            var contents = sql.contents(c, List.of(other, id, "no-such-mail"));
            assertEquals(new ClaimedMail.Content(null, "<p>other</p>", List.of()), contents.get(other));
            assertEquals(new ClaimedMail.Content(null, null, List.of()), contents.get("no-such-mail"));
            var content = contents.get(id);
            assertEquals(text, content.text());
            assertEquals(null, content.html());
            assertEquals(
                    List.of(
                            new ClaimedMail.Attachment("report.pdf", "application/pdf", pdf),
                            new ClaimedMail.Attachment("empty.txt", "text/plain", "")),
                    content.attachments());
        }
    }

    @Test
    void outcomesAreWrittenAndAHandedBackMailKeepsItsAttempts() throws Exception {
        List<String> ids = insert(4, "queued", NOW.minusSeconds(1));
        try (Connection c = db.getConnection()) {
            var claim = sql.claim(c, "w", 10, Long.MAX_VALUE, NOW, NOW.plusMinutes(5));
            assertEquals(
                    4,
                    sql.record(
                            c,
                            claim.token(),
                            List.of(
                                    new ClaimSql.Update(ids.get(0), ClaimSql.Update.Kind.SENT, null, NOW),
                                    new ClaimSql.Update(
                                            ids.get(1),
                                            ClaimSql.Update.Kind.RETRY,
                                            "connect: refused",
                                            NOW.plusSeconds(30)),
                                    new ClaimSql.Update(
                                            ids.get(2), ClaimSql.Update.Kind.FAILED, "rcpt_to: 550 no such user", NOW),
                                    new ClaimSql.Update(ids.get(3), ClaimSql.Update.Kind.RELEASE, null, NOW))));
            assertEquals("sent", column(c, ids.get(0), "status"));
            assertEquals("retrying", column(c, ids.get(1), "status"));
            assertEquals("connect: refused", column(c, ids.get(1), "last_error"));
            assertEquals("failed", column(c, ids.get(2), "status"));
            assertEquals("queued", column(c, ids.get(3), "status"));
            assertEquals("0", column(c, ids.get(3), "attempts"));
            assertFalse(
                    sql.claim(c, "w", 10, Long.MAX_VALUE, NOW, NOW.plusMinutes(5)).mails().stream()
                            .anyMatch(m -> m.id().equals(ids.get(1))),
                    "the retry waits for its time");
        }
    }

    @Test
    void aBatchSentWithoutRemarksIsWrittenInBulkAndOnlyForItsOwnToken() throws Exception {
        List<String> ids = insert(ClaimSql.IN_LIST + 3, "queued", NOW.minusSeconds(1));
        try (Connection c = db.getConnection()) {
            var claim = sql.claim(c, "w", ClaimSql.IN_LIST + 3, Long.MAX_VALUE, NOW, NOW.plusMinutes(5));
            List<ClaimSql.Update> updates = new ArrayList<>();
            for (String id : ids) {
                updates.add(new ClaimSql.Update(id, ClaimSql.Update.Kind.SENT, null, NOW));
            }
            updates.set(1, new ClaimSql.Update(ids.get(1), ClaimSql.Update.Kind.SENT, "refused: b@example.com", NOW));
            assertEquals(ids.size(), sql.record(c, claim.token(), updates));
            assertEquals("sent", column(c, ids.get(0), "status"));
            assertEquals(null, column(c, ids.get(0), "claim_token"));
            assertEquals("refused: b@example.com", column(c, ids.get(1), "last_error"));
            assertEquals("sent", column(c, ids.get(ids.size() - 1), "status"));
            assertEquals(0, sql.record(c, "another-token", updates), "a stale token changes nothing");
        }
    }

    @Test
    void findingDueMailWalksTheIndexInsteadOfScanningTheTable() throws Exception {
        try (Connection c = db.getConnection()) {
            for (String status : List.of("sending", "retrying", "queued")) {
                try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + ClaimSql.dueSql(status))) {
                    ps.setString(1, status);
                    ps.setObject(2, NOW);
                    try (ResultSet plan = ps.executeQuery()) {
                        plan.next();
                        assertTrue(plan.getString(1).contains("OUTBOUND_MAIL_DUE"), plan.getString(1));
                        assertTrue(plan.getString(1).contains("index sorted"), plan.getString(1));
                    }
                }
            }
        }
    }

    /** The claimed mails are read back by their ids: whatever H2's statistics say, never by a scan. */
    @Test
    void claimedMailsAreReadBackByTheirIds() throws Exception {
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("EXPLAIN " + ClaimSql.claimedSql(2))) {
            for (int i = 1; i <= 3; i++) {
                ps.setString(i, "x" + i);
            }
            try (ResultSet plan = ps.executeQuery()) {
                plan.next();
                assertTrue(plan.getString(1).contains("PRIMARY_KEY"), plan.getString(1));
            }
        }
    }

    private List<String> insert(int n, String status, OffsetDateTime due) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO outbound_mail"
                        + " (id, status, category, to_addresses, cc_addresses, bcc_addresses, subject, size_bytes,"
                        + " attachment_count, attempts, next_attempt_at, created_at) VALUES (?, ?, 'NEW_USER',"
                        + " 'a@example.com', '', '',"
                        + " 'Hi', 4, 0, 0, ?, ?)")) {
            for (int i = 0; i < n; i++) {
                String id = UUID.randomUUID().toString();
                ps.setString(1, id);
                ps.setString(2, status);
                ps.setObject(3, due);
                ps.setObject(4, NOW.minusHours(1));
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
        }
        return ids;
    }

    private static String column(Connection c, String id, String column) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM outbound_mail WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
