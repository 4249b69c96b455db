package com.mailroom.delivery.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The send rate across the cluster, in the database (V12__send_rate.sql), on a connection the caller owns: the
 * "maximum mails per minute" and the back-off a server asked for with a "slow down" reply. Portable between H2 and
 * PostgreSQL.
 * <p>
 * The rate is a sliding minute: a claim under a limit counts its mails in {@code send_window} from the claim until
 * a minute after the batch was written back (or its lease ran out), so a mail is counted from before it goes over
 * the wire until a minute after the server had it. A new claim takes at most the limit minus what is counted, so
 * in no 60 s do more than the limit reach the server. Mails handed back unsent are not counted from the write-back
 * on.
 */
final class SendGate {

    static final Duration WINDOW = Duration.ofMinutes(1);

    /** The gate row: which server asked to slow down, until when, and its last back-off (0: none or reset). */
    record State(String server, OffsetDateTime until, long backoffMs) {

        /** Whether claims for {@code target} wait: it is the server that asked, and its back-off still runs. */
        boolean holds(String target, OffsetDateTime now) {
            return target != null && target.equals(server) && until != null && until.isAfter(now);
        }

        long backoffFor(String target) {
            return target != null && target.equals(server) ? backoffMs : 0;
        }
    }

    private SendGate() {}

    /** How many mails a claim may take: the limit minus those counted in the last minute, never negative. */
    static int room(int perMinute, long counted) {
        return (int) Math.max(0, perMinute - counted);
    }

    /** The next back-off: {@code base} after a success (or for another server), else doubled, at most {@code max}. */
    static Duration next(long previousMs, Duration base, Duration max) {
        if (previousMs <= 0) {
            return base;
        }
        return Duration.ofMillis(Math.min(max.toMillis(), Math.max(base.toMillis(), previousMs * 2)));
    }

    /** @param lock whether to lock the row until the transaction ends (limited claims, a new back-off) */
    static State read(Connection c, boolean lock) throws SQLException {
        try (PreparedStatement ps =
                        c.prepareStatement("SELECT server, backoff_until, backoff_ms FROM send_gate WHERE id = 1"
                                + (lock ? " FOR UPDATE" : ""));
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new SQLException("send_gate has no row 1 (V12__send_rate.sql)");
            }
            return new State(rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3));
        }
    }

    /** The mails counted now (in flight, or written back within the minute); forgets the older claims. */
    static long inWindow(Connection c, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("DELETE FROM send_window WHERE COALESCE(ended_at, lease_until) <= ?")) {
            ps.setObject(1, now.minus(WINDOW));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(mails), 0) FROM send_window");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Counts a claim's mails from now on (a claim under a limit). */
    static void counted(Connection c, String token, int mails, OffsetDateTime leaseUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO send_window (claim_token, mails, lease_until, ended_at) VALUES (?, ?, ?, NULL)")) {
            ps.setString(1, token);
            ps.setInt(2, mails);
            ps.setObject(3, leaseUntil);
            ps.executeUpdate();
        }
    }

    /**
     * A claim's batch was written back at {@code at}: from now on it counts the mails that went over the wire, for a
     * minute. No row (a claim without a limit): nothing changes.
     */
    static void ended(Connection c, String token, List<ClaimSql.Update> updates, OffsetDateTime at)
            throws SQLException {
        long wire = updates.stream()
                .filter(u -> u.kind() == ClaimSql.Update.Kind.SENT
                        || u.kind() == ClaimSql.Update.Kind.RETRY
                        || u.kind() == ClaimSql.Update.Kind.FAILED)
                .count();
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE send_window SET ended_at = ?, mails = ? WHERE claim_token = ?")) {
            ps.setObject(1, at);
            ps.setLong(2, wire);
            ps.setString(3, token);
            ps.executeUpdate();
        }
    }

    /**
     * {@code server} asked to slow down at {@code now}: no claims for it until the returned time. A back-off that
     * still runs for it (another worker's batch got the same reply) is kept, not doubled again.
     */
    static OffsetDateTime slowDown(Connection c, String server, OffsetDateTime now, Duration base, Duration max)
            throws SQLException {
        State state = read(c, true);
        if (state.holds(server, now)) {
            return state.until();
        }
        OffsetDateTime until = now.plus(next(state.backoffFor(server), base, max));
        try (PreparedStatement ps =
                c.prepareStatement("UPDATE send_gate SET server = ?, backoff_until = ?, backoff_ms = ? WHERE id = 1")) {
            ps.setString(1, server);
            ps.setObject(2, until);
            ps.setLong(3, Duration.between(now, until).toMillis());
            ps.executeUpdate();
        }
        return until;
    }

    /** {@code server} took mail again without asking to slow down: its next back-off starts at the base again. */
    static void recovered(Connection c, String server) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE send_gate SET backoff_until = NULL, backoff_ms = 0 WHERE id = 1 AND server = ?")) {
            ps.setString(1, server);
            ps.executeUpdate();
        }
    }
}
