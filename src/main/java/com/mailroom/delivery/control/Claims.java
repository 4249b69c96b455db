package com.mailroom.delivery.control;

import com.mailroom.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import javax.sql.DataSource;

/** {@link ClaimSql} in short transactions of their own: a claim is committed before a byte goes over the wire. */
@ApplicationScoped
public class Claims {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final ClaimSql sql = new ClaimSql();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ClaimSql.Claim claim(
            String worker, int limit, long budgetBytes, OffsetDateTime now, OffsetDateTime leaseUntil) {
        try (Connection c = dataSource.getConnection()) {
            return sql.claim(c, worker, limit, budgetBytes, now, leaseUntil);
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
    public ClaimedMail.Content content(String mailId) {
        try (Connection c = dataSource.getConnection()) {
            return sql.content(c, mailId);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading a mail's content failed: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int record(String token, List<ClaimSql.Update> updates) {
        try (Connection c = dataSource.getConnection()) {
            return sql.record(c, token, updates);
        } catch (SQLException e) {
            throw new IllegalStateException("Recording deliveries failed: " + e.getMessage(), e);
        }
    }
}
