package com.mailroom.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The application's own data source (so the WAR needs no server configuration) and the versioned schema
 * migrations, applied once at start-up before anything else touches the database. Schema changes are new
 * {@code db/migration/V<n>__*.sql} files, never drop-and-create. Beans that use the database at start-up
 * declare {@code @DependsOn("Database")}.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "com.mailroom.platform.MailroomDataSource",
        minPoolSize = 1,
        maxPoolSize = 20)
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class Database {

    public static final String JNDI_NAME = "java:app/jdbc/mailroom";
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    @Resource(lookup = JNDI_NAME)
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now).");
    }
}
