package com.mailroom.delivery.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The outbox's retention SQL ({@link OutboxRetention}), one small batch per call on a connection the caller owns (a JTA
 * one in the server, a plain one in {@code RetentionSqlTest}). Portable between H2 2.2 and PostgreSQL.
 * <p>
 * Only {@code sent} mails are touched; failed, queued, retrying and sending ones never. Cluster-safe without a lock of
 * its own, like {@link ClaimSql}: the candidates are read, then each is taken by a conditional UPDATE (or DELETE)
 * that re-checks the condition. Of two nodes racing for a row, the second waits for the first's row lock and then
 * finds the condition false, so each mail is dropped or purged by exactly one node and counted once.
 */
public final class RetentionSql {

    /** A batch's answer: how many candidates it found, and how many of them this call handled. */
    public record Batch(int found, int done) {}

    /**
     * Sent mails whose content is still kept, the longest sent first, along {@code outbound_mail_retention}. Without a
     * condition on the status: only sent mails have a {@code sent_at}, and {@code status = ?} made H2 choose the due
     * index (every sent mail) instead. The UPDATE checks the status.
     */
    static final String KEPT_SQL = "SELECT id, size_bytes FROM outbound_mail WHERE content_purged_at IS NULL"
            + " AND sent_at < ? ORDER BY content_purged_at, sent_at";

    /** Mails whose content was dropped long enough ago (only sent ones have one), the earliest dropped first. */
    static final String DROPPED_SQL =
            "SELECT id FROM outbound_mail WHERE content_purged_at < ? AND sent_at < ?" + " ORDER BY content_purged_at";

    /**
     * Drops the bodies and attachments of up to {@code maxMails} sent mails sent before {@code sentBefore}, stopping
     * early once their sizes add up to {@code maxBytes} (at least one mail), and marks them as dropped at {@code now}.
     */
    public Batch dropContent(Connection c, OffsetDateTime sentBefore, OffsetDateTime now, int maxMails, long maxBytes)
            throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(KEPT_SQL)) {
            ps.setMaxRows(maxMails);
            ps.setObject(1, sentBefore);
            try (ResultSet rs = ps.executeQuery()) {
                long bytes = 0;
                while (rs.next()) {
                    bytes += rs.getLong(2);
                    if (!candidates.isEmpty() && bytes > maxBytes) {
                        break;
                    }
                    candidates.add(rs.getString(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Batch(0, 0);
        }
        Collections.sort(candidates); // two nodes lock overlapping rows in the same order: no deadlock
        List<String> mine = new ArrayList<>(candidates.size());
        try (PreparedStatement mark = c.prepareStatement("UPDATE outbound_mail SET content_purged_at = ?"
                + " WHERE id = ? AND content_purged_at IS NULL AND status = 'sent'")) {
            for (String id : candidates) {
                mark.setObject(1, now);
                mark.setString(2, id);
                mark.addBatch();
            }
            int[] counts = mark.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] > 0) {
                    mine.add(candidates.get(i));
                }
            }
        }
        if (!mine.isEmpty()) {
            for (String table : List.of("outbound_content", "outbound_attachment")) {
                try (PreparedStatement ps =
                        c.prepareStatement("DELETE FROM " + table + " WHERE mail_id IN (" + marks(mine.size()) + ")")) {
                    for (int i = 0; i < mine.size(); i++) {
                        ps.setString(i + 1, mine.get(i));
                    }
                    ps.executeUpdate();
                }
            }
        }
        return new Batch(candidates.size(), mine.size());
    }

    /**
     * Deletes up to {@code maxMails} sent mails sent before {@code sentBefore} whose content was dropped before
     * {@code droppedBefore}.
     */
    public Batch purgeRows(Connection c, OffsetDateTime sentBefore, OffsetDateTime droppedBefore, int maxMails)
            throws SQLException {
        List<String> candidates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(DROPPED_SQL)) {
            ps.setMaxRows(maxMails);
            ps.setObject(1, droppedBefore);
            ps.setObject(2, sentBefore);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    candidates.add(rs.getString(1));
                }
            }
        }
        if (candidates.isEmpty()) {
            return new Batch(0, 0);
        }
        Collections.sort(candidates);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbound_mail WHERE id IN ("
                + marks(candidates.size()) + ") AND content_purged_at < ? AND sent_at < ? AND status = 'sent'")) {
            int i = 1;
            for (String id : candidates) {
                ps.setString(i++, id);
            }
            ps.setObject(i++, droppedBefore);
            ps.setObject(i, sentBefore);
            return new Batch(candidates.size(), ps.executeUpdate());
        }
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
