package com.mailroom.delivery.control;

import com.mailroom.platform.Database;
import com.mailroom.platform.LocalTransactions;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/** {@link RetentionSql}, each batch in a short transaction of its own, so delivery never waits long for it. */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class RetentionBatches {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final RetentionSql sql = new RetentionSql();

    public RetentionSql.Batch dropContent(OffsetDateTime sentBefore, OffsetDateTime now, int maxMails, long maxBytes) {
        return LocalTransactions.run(
                dataSource,
                "Dropping sent mails' content",
                c -> sql.dropContent(c, sentBefore, now, maxMails, maxBytes));
    }

    public RetentionSql.Batch purgeRows(OffsetDateTime sentBefore, OffsetDateTime droppedBefore, int maxMails) {
        return LocalTransactions.run(
                dataSource, "Purging old sent mails", c -> sql.purgeRows(c, sentBefore, droppedBefore, maxMails));
    }
}
