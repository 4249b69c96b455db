package com.mailroom.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * The application's own data source (so the WAR needs no server configuration) and the versioned schema
 * migrations, applied once at start-up before anything else touches the database. Schema changes are new
 * {@code db/migration/V<n>__*.sql} files, never drop-and-create. Beans that use the database at start-up
 * declare {@code @DependsOn("Database")}.
 */
@DataSourceDefinition(
        name = Database.JNDI_NAME,
        className = "com.mailroom.platform.MailroomDataSource",
        // WildFly (IronJacamar) refuses a definition with no connection property, and passes an attribute only
        // when the class has its setter: the description is that property (see MailroomDataSource#setDescription).
        description = "Mailroom's database (mailroom.db.url)",
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

    /** Call to make sure the schema is migrated: the singleton's start-up has run when a caller gets here. */
    public void ready() {
        // nothing to do: the container ran migrate() before letting this call through
    }

    @PostConstruct
    void migrate() {
        MigrateResult result;
        try {
            result = Flyway.configure(Database.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw inUse(e) ? new IllegalStateException(MailroomDataSource.IN_USE, e) : e;
        }
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now).");
        warnUnlessCommitsAreDurable();
    }

    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == MailroomDataSource.H2_IN_USE) {
                return true;
            }
        }
        return false;
    }

    /**
     * A 202 or a saved page promises the data is on disk. The embedded H2 database is made so by Mailroom
     * ({@code DurableCommits}); PostgreSQL is so unless its operator switched {@code synchronous_commit} off.
     */
    private void warnUnlessCommitsAreDurable() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.getMetaData()
                    .getDatabaseProductName()
                    .toLowerCase(Locale.ROOT)
                    .contains("postgres")) {
                return;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SHOW synchronous_commit")) {
                if (rs.next() && rs.getString(1).equalsIgnoreCase("off")) {
                    LOG.warning("PostgreSQL runs with synchronous_commit = off: mail accepted in the last moments"
                            + " before a database crash can be lost. Set it to on for Mailroom's database.");
                }
            }
        } catch (SQLException e) {
            LOG.warning(() -> "Could not read synchronous_commit: " + e.getMessage());
        }
    }
}
