package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.delivery.boundary.Outbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The Outbox page's and {@code GET /api/v1/mail}'s queries on H2 with many sent mails: each walks an index rather
 * than the table, and their times are printed (not asserted: the machine decides those). The listing SQL is what
 * EclipseLink makes of {@code Outbox}'s JPQL; the counts' SQL is {@code Outbox}'s own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutboxListingTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);
    /** 20,000 by default (seconds); {@code -Dlisting.mails=200000} for the size (about a minute to fill). */
    static final int SENT = Integer.getInteger("listing.mails", 20_000);

    static final String LIST = "SELECT id, status, category, to_addresses, cc_addresses, bcc_addresses, subject,"
            + " size_bytes, attachment_count, attempts, next_attempt_at, last_error, created_at, sent_at, queued_by,"
            + " content_purged_at FROM outbound_mail";

    JdbcDataSource db;

    @BeforeAll
    void fill() throws Exception {
        db = new JdbcDataSource();
        // no reuse of a query's last result: each timed run really runs
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;OPTIMIZE_REUSE_RESULTS=FALSE");
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        try (Connection c = db.getConnection()) {
            long start = System.nanoTime();
            RetentionSqlTest.fill(c, SENT, "sent", NOW.minusDays(10));
            RetentionSqlTest.fill(c, 30, "failed", NOW.minusDays(5));
            System.out.printf(Locale.ROOT, "filled %d mails in %.0f ms%n", SENT + 30, ms(start));
        }
    }

    @Test
    void theCountsAndTheListingsWalkAnIndexAndAreTimed() throws Exception {
        try (Connection c = db.getConnection()) {
            time(c, "counts, GROUP BY (before)", "SELECT status, COUNT(*) FROM outbound_mail GROUP BY status", null);
            time(c, "counts: total", Outbox.TOTAL_SQL, "direct lookup");
            time(c, "counts: other than sent", Outbox.UNSENT_COUNTS_SQL, "STATUS IN(");
            time(c, "list all, first page", LIST + " ORDER BY created_at DESC LIMIT 50", "OUTBOUND_MAIL_CREATED");
            time(
                    c,
                    "list sent, first page",
                    LIST + " WHERE status = 'sent' ORDER BY status, created_at DESC LIMIT 50",
                    "OUTBOUND_MAIL_STATUS_CREATED");
            time(
                    c,
                    "list failed, first page",
                    LIST + " WHERE status = 'failed' ORDER BY status, created_at DESC LIMIT 100",
                    "OUTBOUND_MAIL_STATUS_CREATED");
            time(
                    c,
                    "list sent, offset " + SENT / 2,
                    LIST + " WHERE status = 'sent' ORDER BY status, created_at DESC LIMIT 50 OFFSET " + SENT / 2,
                    "OUTBOUND_MAIL_STATUS_CREATED");
            assertEquals(SENT + 30L, RetentionSqlTest.count(c, Outbox.TOTAL_SQL));
        }
    }

    /** Prints the best of 5 runs; {@code index} (when not null) must be in the plan, and no table scan. */
    private static void time(Connection c, String what, String sql, String index) throws Exception {
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            String plan = rs.getString(1);
            if (index != null) {
                assertTrue(plan.contains(index), plan);
                assertFalse(plan.contains("tableScan"), plan);
            }
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            try (PreparedStatement ps = c.prepareStatement(sql);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
            best = Math.min(best, ms(start));
        }
        System.out.printf(Locale.ROOT, "%-32s %8.2f ms (best of 5, %d mails)%n", what, best, SENT + 30);
    }

    private static double ms(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
