package com.mailroom.platform;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The database behind {@code java:app/jdbc/mailroom}, chosen at run time from MicroProfile Config, so the WAR runs on
 * any Jakarta EE server with nothing but environment variables: the embedded H2 file in {@code mailroom.data-dir} by
 * default, PostgreSQL when {@code mailroom.db.url} says {@code jdbc:postgresql:…}. The server pools its connections
 * (see {@link Database}); this class only opens them.
 */
public class MailroomDataSource implements DataSource {

    /** H2's "Database may be already in use": another process holds the file. */
    static final int H2_IN_USE = 90020;

    /** How long a start waits for another process to let go of the H2 file before it says so. */
    static final Duration IN_USE_WAIT = Duration.ofSeconds(20);

    static final String IN_USE = "The embedded H2 database in " + DataDirectory.KEY + " is open in another process: a"
            + " second node cannot share it. Nodes of a cluster share one PostgreSQL database (mailroom.db.url) and one"
            + " mailroom.secret-key; give each its own mailroom.data-dir.";

    private volatile DataSource target;
    /** Set for the embedded H2 database, whose commits are forced to the disk by Mailroom itself. */
    private volatile DurableCommits durable;

    private volatile String description;

    /**
     * The standard JDBC data-source property {@code description}. WildFly needs one property with a setter to accept
     * the {@code @DataSourceDefinition} (IJ031103); the database itself comes from MicroProfile Config.
     */
    public void setDescription(String description) {
        this.description = description;
    }

    public String getDescription() {
        return description;
    }

    private DataSource target() {
        if (target == null) {
            synchronized (this) {
                if (target == null) {
                    DataSource created = create(ConfigProvider.getConfig(MailroomDataSource.class.getClassLoader()));
                    durable = created instanceof JdbcDataSource ? new DurableCommits() : null;
                    target = created;
                }
            }
        }
        return target;
    }

    static DataSource create(Config config) {
        String url = config.getOptionalValue("mailroom.db.url", String.class)
                .orElseGet(() ->
                        "jdbc:h2:file:" + DataDirectory.resolve().resolve("mailroom") + ";DB_CLOSE_ON_EXIT=FALSE");
        String user = config.getOptionalValue("mailroom.db.user", String.class).orElse("mailroom");
        String password =
                config.getOptionalValue("mailroom.db.password", String.class).orElse("");
        if (url.startsWith("jdbc:h2:")) {
            var h2 = new JdbcDataSource();
            h2.setURL(h2Url(url));
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            var pg = new PGSimpleDataSource();
            pg.setURL(url);
            pg.setUser(user);
            pg.setPassword(password);
            return pg;
        }
        throw new IllegalStateException("mailroom.db.url must start with jdbc:h2: or jdbc:postgresql:");
    }

    /**
     * The operator's H2 URL with what Mailroom's promises need: {@code WRITE_DELAY=0}, so a commit is in the file
     * before it returns (H2's default keeps it in memory for up to 500 ms, and a killed process loses it; a value
     * the operator set is replaced), and a lock timeout long enough for concurrent saves to take turns on the
     * settings row (H2's default is 2 s).
     */
    static String h2Url(String url) {
        String durable = url.replaceAll("(?i);WRITE_DELAY=[^;]*", "") + ";WRITE_DELAY=0";
        return durable.toUpperCase(Locale.ROOT).contains(";LOCK_TIMEOUT=") ? durable : durable + ";LOCK_TIMEOUT=10000";
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection connection = null;
        long giveUp = System.nanoTime() + IN_USE_WAIT.toNanos();
        while (connection == null) {
            try {
                connection = target().getConnection();
            } catch (SQLException e) {
                if (e.getErrorCode() != H2_IN_USE) {
                    throw e;
                }
                // a process that just ended (a restart, the previous run) may still hold the file for a moment
                if (System.nanoTime() - giveUp > 0) {
                    throw new SQLException(IN_USE, e.getSQLState(), e.getErrorCode(), e);
                }
                pause();
            }
        }
        DurableCommits commits = durable;
        return commits == null ? connection : commits.wrap(connection);
    }

    private static void pause() throws SQLException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for the H2 file", interrupted);
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the server logs; nothing to do
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the pool applies its own timeouts
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("Not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
