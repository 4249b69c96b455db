package com.mailroom.delivery.control;

import com.mailroom.platform.Database;
import com.mailroom.platform.LocalTransactions;
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

/**
 * {@link ClaimSql} in short transactions of their own ({@link LocalTransactions}): a claim is committed before a byte
 * goes over the wire, a batch's outcomes are written all together.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class Claims {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final ClaimSql sql = new ClaimSql();

    public ClaimSql.Claim claim(
            String worker,
            int limit,
            long budgetBytes,
            OffsetDateTime now,
            OffsetDateTime leaseUntil,
            ClaimSql.Gate gate) {
        return LocalTransactions.run(
                dataSource, "Claiming mail", c -> sql.claim(c, worker, limit, budgetBytes, now, leaseUntil, gate));
    }

    public int releaseNode(String node, OffsetDateTime now) {
        return LocalTransactions.run(dataSource, "Releasing this node's claims", c -> sql.releaseNode(c, node, now));
    }

    /** Read-only, so in auto-commit: nothing to commit, nothing to force to the disk. */
    public Map<String, ClaimedMail.Content> contents(List<String> mailIds) {
        try (Connection c = dataSource.getConnection()) {
            return sql.contents(c, mailIds);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading mails' content failed: " + e.getMessage(), e);
        }
    }

    /** @param endedAt when the batch ended, for the send rate; null leaves it counted until its lease ran out */
    public int record(String token, List<ClaimSql.Update> updates, OffsetDateTime endedAt) {
        return LocalTransactions.run(dataSource, "Recording deliveries", c -> {
            int changed = sql.record(c, token, updates);
            if (endedAt != null) {
                SendGate.ended(c, token, updates, endedAt);
            }
            return changed;
        });
    }

    /** @return until when claims for {@code server} wait after its "slow down" reply */
    public OffsetDateTime slowDown(String server, OffsetDateTime now, Duration base, Duration max) {
        return LocalTransactions.run(
                dataSource, "Recording a server's back-off", c -> SendGate.slowDown(c, server, now, base, max));
    }

    public void recovered(String server) {
        LocalTransactions.run(dataSource, "Ending a server's back-off", c -> {
            SendGate.recovered(c, server);
            return null;
        });
    }
}
