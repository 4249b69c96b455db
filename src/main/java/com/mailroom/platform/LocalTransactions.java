package com.mailroom.platform;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * JDBC work as one transaction of its own on a pooled connection: all statements or none, committed (and so, on H2,
 * forced to the disk by {@code DurableCommits}) before the call returns. For the delivery workers' and the retention's
 * SQL, called outside any JTA transaction ({@code @Transactional(NOT_SUPPORTED)}): Payara hands a worker thread's
 * connection out unenlisted and in auto-commit even inside a {@code REQUIRES_NEW} transaction, so each statement was
 * committed alone — a claim's lock on the send gate ended with the SELECT that took it.
 */
public final class LocalTransactions {

    /** Work on the connection; it must not commit, roll back or close it. */
    public interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    private LocalTransactions() {}

    /** @param what what the work does, for the message of the exception that says it failed */
    public static <T> T run(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.on(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollBack(c, e);
                throw e;
            } finally {
                c.setAutoCommit(autoCommit); // the pool hands the connection out again as it came
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " failed: " + e.getMessage(), e);
        }
    }

    private static void rollBack(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }
}
