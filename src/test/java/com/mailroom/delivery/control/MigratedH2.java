package com.mailroom.delivery.control;

import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A fresh in-memory H2 database with Mailroom's real migrations, for the tests of the delivery's SQL. */
final class MigratedH2 {

    private MigratedH2() {}

    static JdbcDataSource create() {
        var db = new JdbcDataSource();
        db.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return db;
    }
}
