package com.mailroom.delivery.control;

import com.mailroom.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** {@link ClaimSql} in short transactions of their own: a claim is committed before a byte goes over the wire. */
@ApplicationScoped
public class Claims {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final ClaimSql sql = new ClaimSql();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ClaimSql.Claim claim(
            String worker,
            int limit,
            long budgetBytes,
            OffsetDateTime now,
            OffsetDateTime leaseUntil,
            ClaimSql.Gate gate) {
        try (Connection c = dataSource.getConnection()) {
            return sql.claim(c, worker, limit, budgetBytes, now, leaseUntil, gate);
        } catch (SQLException e) {
            throw new IllegalStateException("Claiming mail failed: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int releaseNode(String node, OffsetDateTime now) {
        try (Connection c = dataSource.getConnection()) {
            return sql.releaseNode(c, node, now);
        } catch (SQLException e) {
            throw new IllegalStateException("Releasing this node's claims failed: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Map<String, ClaimedMail.Content> contents(List<String> mailIds) {
        try (Connection c = dataSource.getConnection()) {
            return sql.contents(c, mailIds);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading mails' content failed: " + e.getMessage(), e);
        }
    }

    /** @param endedAt when the batch ended, for the send rate; null leaves it counted until its lease ran out */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int record(String token, List<ClaimSql.Update> updates, OffsetDateTime endedAt) {
        try (Connection c = dataSource.getConnection()) {
            int changed = sql.record(c, token, updates);
            if (endedAt != null) {
                SendGate.ended(c, token, updates, endedAt);
            }
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("Recording deliveries failed: " + e.getMessage(), e);
        }
    }

    /** @return until when claims for {@code server} wait after its "slow down" reply */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OffsetDateTime slowDown(String server, OffsetDateTime now, Duration base, Duration max) {
        try (Connection c = dataSource.getConnection()) {
            return SendGate.slowDown(c, server, now, base, max);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording a server's back-off failed: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recovered(String server) {
        try (Connection c = dataSource.getConnection()) {
            SendGate.recovered(c, server);
        } catch (SQLException e) {
            throw new IllegalStateException("Ending a server's back-off failed: " + e.getMessage(), e);
        }
    }
}
