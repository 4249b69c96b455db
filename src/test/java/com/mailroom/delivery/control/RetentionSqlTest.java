package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retention SQL against H2 (the real migrations): what is dropped and purged when, and nodes racing for it. */
class RetentionSqlTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    static final RetentionRule RULE = RetentionRule.ofDays(30, 90);

    final RetentionSql sql = new RetentionSql();
    JdbcDataSource db;

    @BeforeEach
    void migrate() {
        db = MigratedH2.create();
    }

    @Test
    void aSentMailLosesItsContentAfterTheRetentionButAFailedOrPendingOneKeepsIt() throws Exception {
        String old = mail("sent", NOW.minusDays(31));
        String recent = mail("sent", NOW.minusDays(29));
        String failed = mail("failed", null);
        String queued = mail("queued", null);
        String retrying = mail("retrying", null);
        try (Connection c = db.getConnection()) {
            age(c, List.of(failed, queued, retrying), NOW.minusDays(200));
            var batch = sql.dropContent(c, RULE.contentSentBefore(NOW), NOW, 500, Long.MAX_VALUE);
            assertEquals(new RetentionSql.Batch(1, 1), batch);
            assertEquals(0, rows(c, "outbound_content", old));
            assertEquals(0, rows(c, "outbound_attachment", old));
            assertNotNull(column(c, old, "content_purged_at"));
            assertEquals("sent", column(c, old, "status"), "the row stays, with its status, subject and recipients");
            for (String kept : List.of(recent, failed, queued, retrying)) {
                assertEquals(2, rows(c, "outbound_content", kept), kept);
                assertEquals(1, rows(c, "outbound_attachment", kept), kept);
                assertNull(column(c, kept, "content_purged_at"));
            }
            assertEquals(
                    new RetentionSql.Batch(0, 0),
                    sql.dropContent(c, RULE.contentSentBefore(NOW), NOW, 500, Long.MAX_VALUE),
                    "dropped once");
        }
    }

    @Test
    void aSentMailsRowIsPurgedAfterThePurgeDaysAndAFailedOneNever() throws Exception {
        String ancient = mail("sent", NOW.minusDays(91));
        String old = mail("sent", NOW.minusDays(89));
        String failed = mail("failed", null);
        try (Connection c = db.getConnection()) {
            age(c, List.of(failed), NOW.minusDays(400));
            assertEquals(
                    new RetentionSql.Batch(0, 0),
                    sql.purgeRows(c, RULE.rowSentBefore(NOW), RULE.rowDroppedBefore(NOW), 500),
                    "nothing is purged whose content was not dropped first");
            OffsetDateTime earlier = NOW.minusDays(60).minusHours(12);
            sql.dropContent(c, RULE.contentSentBefore(earlier), earlier, 500, Long.MAX_VALUE);
            sql.dropContent(c, RULE.contentSentBefore(NOW), NOW.minusDays(59), 500, Long.MAX_VALUE);
            assertEquals(
                    new RetentionSql.Batch(1, 1),
                    sql.purgeRows(c, RULE.rowSentBefore(NOW), RULE.rowDroppedBefore(NOW), 500));
            assertEquals(0, rows(c, "outbound_mail", ancient, "id"));
            assertEquals(1, rows(c, "outbound_mail", old, "id"));
            assertEquals(1, rows(c, "outbound_mail", failed, "id"));
            assertEquals(2, rows(c, "outbound_content", failed), "a failed mail keeps its content for a resend");
        }
    }

    @Test
    void aBatchStopsAtItsSizeAndByteBudgetButAlwaysTakesOneMail() throws Exception {
        for (int i = 0; i < 7; i++) {
            mail("sent", NOW.minusDays(40 + i)); // 4 bytes each
        }
        try (Connection c = db.getConnection()) {
            assertEquals(new RetentionSql.Batch(3, 3), sql.dropContent(c, NOW.minusDays(30), NOW, 3, Long.MAX_VALUE));
            assertEquals(new RetentionSql.Batch(2, 2), sql.dropContent(c, NOW.minusDays(30), NOW, 3, 8));
            assertEquals(new RetentionSql.Batch(1, 1), sql.dropContent(c, NOW.minusDays(30), NOW, 3, 1));
            assertEquals(new RetentionSql.Batch(1, 1), sql.dropContent(c, NOW.minusDays(30), NOW, 3, 1));
            assertEquals(new RetentionSql.Batch(0, 0), sql.dropContent(c, NOW.minusDays(30), NOW, 3, 1));
            assertEquals(new RetentionSql.Batch(3, 3), sql.purgeRows(c, NOW.minusDays(30), NOW.plusSeconds(1), 3));
        }
    }

    @Test
    void twoNodesRunningAtOnceDropAndPurgeEachMailExactlyOnce() throws Exception {
        int n = 1200;
        try (Connection c = db.getConnection()) {
            fill(c, n, "sent", NOW.minusDays(100));
        }
        for (boolean purge : new boolean[] {false, true}) {
            var pool = Executors.newFixedThreadPool(3);
            var go = new CountDownLatch(1);
            List<Future<Integer>> nodes = new ArrayList<>();
            for (int node = 0; node < 3; node++) {
                nodes.add(pool.submit(() -> {
                    go.await();
                    int done = 0;
                    try (Connection c = db.getConnection()) {
                        c.setAutoCommit(false);
                        while (true) {
                            var batch = purge
                                    ? sql.purgeRows(c, RULE.rowSentBefore(NOW), NOW.plusSeconds(1), 50)
                                    : sql.dropContent(c, RULE.contentSentBefore(NOW), NOW, 50, Long.MAX_VALUE);
                            c.commit();
                            done += batch.done();
                            if (batch.found() == 0) {
                                return done;
                            }
                        }
                    }
                }));
            }
            go.countDown();
            int total = 0;
            List<Integer> shares = new ArrayList<>();
            for (var f : nodes) {
                shares.add(f.get());
                total += shares.get(shares.size() - 1);
            }
            pool.shutdown();
            assertEquals(n, total, (purge ? "purged " : "dropped ") + shares + ": each mail counted once");
            try (Connection c = db.getConnection()) {
                assertEquals(0, count(c, "SELECT COUNT(*) FROM outbound_content"));
                assertEquals(purge ? 0 : n, count(c, "SELECT COUNT(*) FROM outbound_mail"));
            }
        }
    }

    @Test
    void findingWhatIsDueWalksTheRetentionIndexInsteadOfScanningTheTable() throws Exception {
        try (Connection c = db.getConnection()) {
            assertPlan(
                    c,
                    "EXPLAIN "
                            + RetentionSql.KEPT_SQL.replace(
                                    "?", "TIMESTAMP WITH TIME ZONE '2026-01-01" + " 00:00:00Z'"),
                    "OUTBOUND_MAIL_RETENTION");
            assertPlan(
                    c,
                    "EXPLAIN "
                            + RetentionSql.DROPPED_SQL.replace(
                                    "?", "TIMESTAMP WITH TIME ZONE '2026-01-01" + " 00:00:00Z'"),
                    "OUTBOUND_MAIL_RETENTION");
        }
    }

    static void assertPlan(Connection c, String explain, String index) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(explain);
                ResultSet plan = ps.executeQuery()) {
            plan.next();
            String text = plan.getString(1);
            assertTrue(text.contains(index), text);
            assertTrue(text.contains("index sorted"), text);
        }
    }

    /** A mail with a text body and one attachment, 4 bytes in all; sent at {@code sentAt} if sent. */
    private String mail(String status, OffsetDateTime sentAt) throws Exception {
        String id = UUID.randomUUID().toString();
        try (Connection c = db.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound_mail"
                    + " (id, status, category, to_addresses, cc_addresses, bcc_addresses, subject, size_bytes,"
                    + " attachment_count, attempts, next_attempt_at, created_at, sent_at) VALUES (?, ?,"
                    + " 'ADMIN_NOTIFICATION', 'a@example.com', '', '', 'Hi', 4, 1, 1, ?, ?, ?)")) {
                OffsetDateTime created = sentAt == null ? NOW.minusMinutes(5) : sentAt.minusSeconds(1);
                ps.setString(1, id);
                ps.setString(2, status);
                ps.setObject(3, created);
                ps.setObject(4, created);
                ps.setObject(5, sentAt);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound_attachment"
                    + " (mail_id, seq, filename, content_type, size_bytes) VALUES (?, 0, 'a.txt', 'text/plain', 1)")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO outbound_content (mail_id, part, seq, data) VALUES (?, ?, 0, ?)")) {
                for (var chunk : ContentChunks.split("Hi", null, List.of("YQ=="))) {
                    ps.setString(1, id);
                    ps.setInt(2, chunk.part());
                    ps.setString(3, chunk.data());
                    ps.executeUpdate();
                }
            }
        }
        return id;
    }

    /** {@code n} mails of {@code status}, each with a body, in one statement. */
    static void fill(Connection c, int n, String status, OffsetDateTime sentAt) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound_mail"
                + " (id, status, category, to_addresses, cc_addresses, bcc_addresses, subject, size_bytes,"
                + " attachment_count, attempts, next_attempt_at, created_at, sent_at)"
                + " SELECT CAST(RANDOM_UUID() AS VARCHAR), CAST(? AS VARCHAR), 'ADMIN_NOTIFICATION', 'r' || X ||"
                + " '@example.com', '', '', 'Filler ' || X, 100, 0, 1, CAST(? AS TIMESTAMP WITH TIME ZONE),"
                + " DATEADD(SECOND, X, CAST(? AS TIMESTAMP WITH TIME ZONE)), CAST(? AS TIMESTAMP WITH TIME ZONE)"
                + " FROM SYSTEM_RANGE(1, CAST(? AS INTEGER))")) {
            ps.setString(1, status);
            ps.setObject(2, sentAt);
            ps.setObject(3, sentAt.minusDays(1));
            ps.setObject(4, sentAt);
            ps.setInt(5, n);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbound_content (mail_id, part, seq, data)"
                + " SELECT id, 0, 0, 'Body of ' || subject FROM outbound_mail WHERE subject LIKE 'Filler %'"
                + " AND NOT EXISTS (SELECT 1 FROM outbound_content o WHERE o.mail_id = outbound_mail.id)")) {
            ps.executeUpdate();
        }
    }

    private static void age(Connection c, List<String> ids, OffsetDateTime created) throws Exception {
        for (String id : ids) {
            try (PreparedStatement ps =
                    c.prepareStatement("UPDATE outbound_mail SET created_at = ?, next_attempt_at = ? WHERE id = ?")) {
                ps.setObject(1, created);
                ps.setObject(2, created);
                ps.setString(3, id);
                ps.executeUpdate();
            }
        }
    }

    private static int rows(Connection c, String table, String id) throws Exception {
        return rows(c, table, id, "mail_id");
    }

    private static int rows(Connection c, String table, String id, String column) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
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
