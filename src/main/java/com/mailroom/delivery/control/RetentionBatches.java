package com.mailroom.delivery.control;

import com.mailroom.platform.Database;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/** {@link RetentionSql}, each batch in a short transaction of its own, so delivery never waits long for it. */
@ApplicationScoped
public class RetentionBatches {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final RetentionSql sql = new RetentionSql();

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RetentionSql.Batch dropContent(OffsetDateTime sentBefore, OffsetDateTime now, int maxMails, long maxBytes) {
        try (Connection c = dataSource.getConnection()) {
            return sql.dropContent(c, sentBefore, now, maxMails, maxBytes);
        } catch (SQLException e) {
            throw new IllegalStateException("Dropping sent mails' content failed: " + e.getMessage(), e);
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public RetentionSql.Batch purgeRows(OffsetDateTime sentBefore, OffsetDateTime droppedBefore, int maxMails) {
        try (Connection c = dataSource.getConnection()) {
            return sql.purgeRows(c, sentBefore, droppedBefore, maxMails);
        } catch (SQLException e) {
            throw new IllegalStateException("Purging old sent mails failed: " + e.getMessage(), e);
        }
    }
}
