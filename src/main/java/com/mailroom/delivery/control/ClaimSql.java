package com.mailroom.delivery.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The delivery side's SQL on the outbox, on a connection the caller owns (a JTA one in the server, a plain one in
 * {@code ClaimSqlTest}). Portable between H2 2.2 and PostgreSQL.
 * <p>
 * Claiming is optimistic and needs no lock hint: pick due candidates, then one conditional UPDATE that sets a fresh
 * claim token only on rows that are <em>still</em> due. Both databases re-check the condition of an UPDATE that
 * waited for another transaction's row lock (PostgreSQL's read committed re-evaluation, H2's MVCC), so of two
 * workers or nodes racing for a row exactly one gets it; each then reads back the rows carrying its own token.
 * A claim counts an attempt and sets a lease; a row whose lease ran out (its node died mid-send) is due again.
 */
public final class ClaimSql {

    private static final String DUE = "((status IN ('queued', 'retrying') AND next_attempt_at <= ?)"
            + " OR (status = 'sending' AND lease_until < ?))";
    private static final String COLUMNS =
            "id, category, to_addresses, cc_addresses, bcc_addresses, subject, size_bytes, attachment_count, attempts";
    /** Ids per IN list: well below any database's limit of bind parameters. */
    static final int IN_LIST = 500;

    private static final String RELEASE_CLAIM = "claim_token = NULL, claimed_by = NULL, lease_until = NULL";

    /**
     * What one claim got: {@code contended} when due mails existed but another worker took them first;
     * {@code backoffMs} the back-off the server of the claim's gate had asked for last (0: none since its last
     * success).
     */
    public record Claim(String token, List<ClaimedMail> mails, boolean contended, long backoffMs) {
        Claim(String token, List<ClaimedMail> mails, boolean contended) {
            this(token, mails, contended, 0);
        }
    }

    /**
     * What a claim must respect: at most {@code perMinute} mails in any minute (null: no limit), counted across the
     * cluster in {@code send_window}, and a back-off that {@code server} (host:port; null: unknown) asked for.
     */
    public record Gate(Integer perMinute, String server) {
        public static final Gate NONE = new Gate(null, null);

        boolean limited() {
            return perMinute != null;
        }
    }

    /** One result to write back for a claimed mail; {@code at} is sent_at or the next attempt. */
    public record Update(String id, Kind kind, String error, OffsetDateTime at) {
        public enum Kind {
            SENT,
            RETRY,
            FAILED,
            RELEASE,
            /** handed back without an attempt counted, due again at {@code at} (a server's back-off) */
            THROTTLED
        }
    }

    /**
     * Claims up to {@code limit} due mails whose sizes add up to at most {@code budgetBytes} (at least one mail,
     * however large), the longest due first.
     */
    public Claim claim(
            Connection c, String worker, int limit, long budgetBytes, OffsetDateTime now, OffsetDateTime leaseUntil)
            throws SQLException {
        return claim(c, worker, limit, budgetBytes, now, leaseUntil, Gate.NONE);
    }

    /**
     * As above, within {@code gate}: nothing while its server's back-off lasts; under a limit at most the room left
     * in the last minute. Limited claims lock the gate row first, so that the nodes' claims take turns and no two
     * spend the same room; without a limit the row is only read, once there is something to claim.
     */
    public Claim claim(
            Connection c,
            String worker,
            int limit,
            long budgetBytes,
            OffsetDateTime now,
            OffsetDateTime leaseUntil,
            Gate gate)
            throws SQLException {
        SendGate.State state = null;
        int most = limit;
        if (gate.limited()) {
            state = SendGate.read(c, true);
            if (state.holds(gate.server(), now)) {
                return new Claim(null, List.of(), false);
            }
            most = Math.min(limit, SendGate.room(gate.perMinute(), SendGate.inWindow(c, now)));
            if (most <= 0) {
                return new Claim(null, List.of(), false);
            }
        }
        List<String> candidates = candidates(c, most, budgetBytes, now);
        if (candidates.isEmpty()) {
            return new Claim(null, List.of(), false);
        }
        if (state == null && gate.server() != null) {
            state = SendGate.read(c, false);
            if (state.holds(gate.server(), now)) {
                return new Claim(null, List.of(), false);
            }
        }
        String token = UUID.randomUUID().toString();
        int claimed;
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbound_mail SET status = 'sending', claim_token = ?,"
                + " claimed_by = ?, lease_until = ?, attempts = attempts + 1 WHERE id IN (" + marks(candidates.size())
                + ") AND " + DUE)) {
            int i = 1;
            ps.setString(i++, token);
            ps.setString(i++, worker);
            ps.setObject(i++, leaseUntil);
            for (String id : candidates) {
                ps.setString(i++, id);
            }
            ps.setObject(i++, now);
            ps.setObject(i, now);
            claimed = ps.executeUpdate();
        }
        if (claimed == 0) {
            return new Claim(null, List.of(), true);
        }
        if (gate.limited()) {
            SendGate.counted(c, token, claimed, leaseUntil);
        }
        return new Claim(
                token, claimedBy(c, token, candidates), false, state == null ? 0 : state.backoffFor(gate.server()));
    }

    /**
     * Up to {@code limit} due ids, the longest due first. One query per status rather than {@link #DUE} as a
     * whole: its OR spans columns no single index covers, so H2 scanned the whole table (every mail ever sent) on
     * each claim. With {@code status = ?} and {@code ORDER BY status, next_attempt_at} both databases walk the
     * {@code outbound_mail_due} index in order and stop after {@code limit} rows. Rows in {@code sending} are few
     * (the batches in flight), so filtering them by lease costs little.
     */
    private static List<String> candidates(Connection c, int limit, long budgetBytes, OffsetDateTime now)
            throws SQLException {
        List<Object[]> due = new ArrayList<>();
        for (String status : List.of("sending", "retrying", "queued")) {
            try (PreparedStatement ps = c.prepareStatement(dueSql(status))) {
                ps.setMaxRows(limit);
                ps.setString(1, status);
                ps.setObject(2, now);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        due.add(new Object[] {rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getLong(3)});
                    }
                }
            }
        }
        due.sort(Comparator.comparing(row -> (OffsetDateTime) row[1]));
        List<String> ids = new ArrayList<>();
        long bytes = 0;
        for (Object[] row : due) {
            bytes += (Long) row[2];
            if (ids.size() == limit || (!ids.isEmpty() && bytes > budgetBytes)) {
                break;
            }
            ids.add((String) row[0]);
        }
        return ids;
    }

    /** Due mails of one status (parameters: the status, now), in the order of the due index. */
    static String dueSql(String status) {
        String condition = status.equals("sending") ? "lease_until < ?" : "next_attempt_at <= ?";
        return "SELECT id, next_attempt_at, size_bytes FROM outbound_mail WHERE status = ? AND " + condition
                + " ORDER BY status, next_attempt_at";
    }

    /** The claimed mails among {@code n} ids (parameters: the ids, the token), found by the primary key. */
    static String claimedSql(int n) {
        return "SELECT " + COLUMNS + " FROM outbound_mail WHERE id IN (" + marks(n)
                + ") AND claim_token = ? ORDER BY next_attempt_at";
    }

    /**
     * Of {@code candidates}, those this claim got, looked up by their ids. By the token alone H2 chose, once its
     * statistics saw mostly empty tokens, to scan the whole table (a fifth of the workers' time in a profile).
     */
    private List<ClaimedMail> claimedBy(Connection c, String token, List<String> candidates) throws SQLException {
        List<ClaimedMail> mails = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(claimedSql(candidates.size()))) {
            bind(ps, candidates);
            ps.setString(candidates.size() + 1, token);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    mails.add(new ClaimedMail(
                            rs.getString(1),
                            rs.getString(2),
                            lines(rs.getString(3)),
                            lines(rs.getString(4)),
                            lines(rs.getString(5)),
                            rs.getString(6),
                            rs.getLong(7),
                            rs.getInt(8),
                            rs.getInt(9)));
                }
            }
        }
        return mails;
    }

    /**
     * Hands back, due at once, the mails that {@code node}'s workers ({@code node#1}, {@code node#2}, …) were sending
     * when the node went down: called at start-up, before its workers run, so whatever it held arrives within
     * seconds of the restart instead of after the lease. The attempt stays counted; whether the server got the mail
     * before the crash is unknown, so it may arrive twice (with the same Message-ID). Other nodes' claims are not
     * touched: they may be alive.
     *
     * @return how many mails went back
     */
    public int releaseNode(Connection c, String node, OffsetDateTime now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbound_mail SET status = 'retrying',"
                + " next_attempt_at = ?, last_error = ?, " + RELEASE_CLAIM
                + " WHERE status = 'sending' AND claimed_by LIKE ? ESCAPE '!'")) {
            ps.setObject(1, now);
            ps.setString(2, "Node " + node + " stopped while sending this mail; it is sent again.");
            ps.setString(3, node.replaceAll("[!%_]", "!$0") + "#%");
            return ps.executeUpdate();
        }
    }

    /**
     * The bodies and attachments of the mails {@code mailIds} (at most {@value #IN_LIST}), in two queries: read a few
     * mails ahead of their turn to be sent. A mail with no rows (removed meanwhile) has no bodies.
     */
    public Map<String, ClaimedMail.Content> contents(Connection c, List<String> mailIds) throws SQLException {
        Map<String, ContentChunks.Joiner> parts = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT mail_id, part, data FROM outbound_content WHERE mail_id"
                + " IN (" + marks(mailIds.size()) + ") ORDER BY mail_id, part, seq")) {
            bind(ps, mailIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    parts.computeIfAbsent(rs.getString(1), id -> new ContentChunks.Joiner())
                            .add(rs.getInt(2), rs.getString(3));
                }
            }
        }
        Map<String, List<ClaimedMail.Attachment>> attachments = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT mail_id, seq, filename, content_type"
                + " FROM outbound_attachment WHERE mail_id IN (" + marks(mailIds.size()) + ") ORDER BY mail_id, seq")) {
            bind(ps, mailIds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    String content = parts.computeIfAbsent(id, x -> new ContentChunks.Joiner())
                            .take(ContentChunks.FIRST_ATTACHMENT + rs.getInt(2));
                    attachments
                            .computeIfAbsent(id, x -> new ArrayList<>())
                            .add(new ClaimedMail.Attachment(rs.getString(3), rs.getString(4), content));
                }
            }
        }
        Map<String, ClaimedMail.Content> contents = new HashMap<>();
        for (String id : mailIds) {
            var joined = parts.getOrDefault(id, new ContentChunks.Joiner());
            contents.put(
                    id,
                    new ClaimedMail.Content(
                            joined.take(ContentChunks.TEXT),
                            joined.take(ContentChunks.HTML),
                            attachments.getOrDefault(id, List.of())));
        }
        return contents;
    }

    private static void bind(PreparedStatement ps, List<String> values) throws SQLException {
        for (int i = 0; i < values.size(); i++) {
            ps.setString(i + 1, values.get(i));
        }
    }

    /**
     * Writes the outcomes of a batch; only rows still carrying {@code token} change (a row whose lease ran out and
     * that another worker claimed since is that worker's now).
     *
     * @return how many rows changed
     */
    public int record(Connection c, String token, List<Update> updates) throws SQLException {
        int changed = 0;
        try (PreparedStatement sent = c.prepareStatement("UPDATE outbound_mail SET status = 'sent', sent_at = ?,"
                        + " last_error = ?, " + RELEASE_CLAIM + " WHERE id = ? AND claim_token = ?");
                PreparedStatement retry = c.prepareStatement(
                        "UPDATE outbound_mail SET status = 'retrying'," + " next_attempt_at = ?, last_error = ?, "
                                + RELEASE_CLAIM + " WHERE id = ? AND claim_token = ?");
                PreparedStatement failed = c.prepareStatement("UPDATE outbound_mail SET status = 'failed',"
                        + " last_error = ?, " + RELEASE_CLAIM + " WHERE id = ? AND claim_token = ?");
                PreparedStatement release =
                        c.prepareStatement("UPDATE outbound_mail SET status = CASE WHEN attempts <= 1"
                                + " THEN 'queued' ELSE 'retrying' END, attempts = attempts - 1, next_attempt_at = ?, "
                                + RELEASE_CLAIM + " WHERE id = ? AND claim_token = ?");
                PreparedStatement throttled =
                        c.prepareStatement("UPDATE outbound_mail SET status = CASE WHEN attempts <= 1"
                                + " THEN 'queued' ELSE 'retrying' END, attempts = attempts - 1, next_attempt_at = ?,"
                                + " last_error = ?, " + RELEASE_CLAIM + " WHERE id = ? AND claim_token = ?")) {
            List<Update> rest = new ArrayList<>(updates.size());
            changed += recordPlainlySent(c, token, updates, rest);
            for (Update u : rest) {
                switch (u.kind()) {
                    case SENT -> add(sent, u.at(), u.error(), u.id(), token);
                    case RETRY -> add(retry, u.at(), u.error(), u.id(), token);
                    case FAILED -> add(failed, u.error(), u.id(), token);
                    case RELEASE -> add(release, u.at(), u.id(), token);
                    case THROTTLED -> add(throttled, u.at(), u.error(), u.id(), token);
                }
            }
            for (PreparedStatement ps : List.of(sent, retry, failed, release, throttled)) {
                for (int n : ps.executeBatch()) {
                    changed += Math.max(n, 0);
                }
            }
        }
        return changed;
    }

    /**
     * The usual outcome, a batch sent without remarks, as one UPDATE per {@value #IN_LIST} mails rather than one per
     * mail: the per-row statements were the largest cost of writing a batch back.
     * Adds every other update to {@code rest}.
     */
    private static int recordPlainlySent(Connection c, String token, List<Update> updates, List<Update> rest)
            throws SQLException {
        OffsetDateTime at = updates.isEmpty() ? null : updates.get(0).at();
        List<String> ids = new ArrayList<>(updates.size());
        for (Update u : updates) {
            if (u.kind() == Update.Kind.SENT && u.error() == null && u.at().equals(at)) {
                ids.add(u.id());
            } else {
                rest.add(u);
            }
        }
        int changed = 0;
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbound_mail SET status = 'sent', sent_at = ?,"
                    + " last_error = NULL, " + RELEASE_CLAIM + " WHERE claim_token = ? AND id IN ("
                    + marks(part.size()) + ")")) {
                int i = 1;
                ps.setObject(i++, at);
                ps.setString(i++, token);
                for (String id : part) {
                    ps.setString(i++, id);
                }
                changed += ps.executeUpdate();
            }
        }
        return changed;
    }

    private static void add(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, Types.VARCHAR); // only last_error is ever null; PostgreSQL wants a type
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
        ps.addBatch();
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
