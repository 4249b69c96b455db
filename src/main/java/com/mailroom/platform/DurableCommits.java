package com.mailroom.platform;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbc.JdbcConnection;

/**
 * Makes the embedded H2 database as durable as PostgreSQL with {@code synchronous_commit} on: a transaction's
 * {@code commit()} returns only once the commit is forced to the disk. H2 alone writes a commit to the file up to
 * {@code WRITE_DELAY} later (a killed process loses it; {@link MailroomDataSource} sets it to 0) and never forces
 * it to the device (a power loss may lose it). Here every commit on a connection of ours is followed by
 * {@code CHECKPOINT SYNC} (H2: flush, then {@code FileChannel.force}).
 * <p>
 * Group commit: one force covers every commit that returned before it started, so concurrent committers share a
 * force instead of queueing one each. A transaction that changed nothing (a worker's claim that found no mail, a
 * read) is not forced: besides costing a force per poll, each force writes out what other transactions have not
 * committed yet, and a retention batch deleting megabytes of content made every idle worker's poll write its undo
 * log again. Statements run in auto-commit mode are committed inside H2 and not forced; nothing Mailroom
 * acknowledges is written that way.
 */
final class DurableCommits {

    private final AtomicLong committed = new AtomicLong();
    private long forced;

    /** {@code connection} with a {@code commit()} that also forces the commit to the disk. */
    Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    try {
                        if (!method.getName().equals("commit") || method.getParameterCount() != 0) {
                            return method.invoke(connection, args);
                        }
                        boolean changed = changed(connection);
                        Object result = method.invoke(connection, args);
                        if (changed) {
                            force(connection);
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /**
     * Whether the connection's transaction holds changes not yet committed: asked of H2's session directly (the
     * {@code INFORMATION_SCHEMA.SESSIONS} query that says the same walks every session of the database).
     */
    static boolean changed(Connection connection) {
        return !(connection instanceof JdbcConnection h2) || h2.getSession().hasPendingTransaction();
    }

    /** Forces this commit to the disk, unless a force that started after it already did. */
    void force(Connection connection) throws SQLException {
        long mine = committed.incrementAndGet();
        synchronized (this) {
            if (forced >= mine) {
                return;
            }
            long upTo = committed.get();
            try (Statement s = connection.createStatement()) {
                s.execute("CHECKPOINT SYNC");
            }
            forced = upTo;
        }
    }
}
