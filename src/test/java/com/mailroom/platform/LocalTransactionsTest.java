package com.mailroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalTransactionsTest {

    private final JdbcDataSource db = new JdbcDataSource();
    private Connection keepAlive;

    @BeforeEach
    void table() throws SQLException {
        db.setURL("jdbc:h2:mem:local-tx-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        keepAlive = db.getConnection();
        try (Statement s = keepAlive.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
        }
    }

    @Test
    void allStatementsAreCommittedTogether() throws SQLException {
        int inserted = LocalTransactions.run(db, "Inserting", c -> {
            assertEquals(false, c.getAutoCommit(), "one transaction, not a commit per statement");
            try (Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (1)");
                assertEquals(0, rows(keepAlive), "not visible to others before the commit");
                return s.executeUpdate("INSERT INTO t VALUES (2)") + 1;
            }
        });
        assertEquals(2, inserted);
        assertEquals(2, rows(keepAlive));
    }

    @Test
    void aFailingStatementRollsBackTheOnesBeforeItAndSaysWhatFailed() throws SQLException {
        var failed = assertThrows(
                IllegalStateException.class,
                () -> LocalTransactions.run(db, "Inserting twice", c -> {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO t VALUES (1)");
                        return s.executeUpdate("INSERT INTO t VALUES (1)");
                    }
                }));
        assertTrue(failed.getMessage().startsWith("Inserting twice failed: "), failed.getMessage());
        assertEquals(0, rows(keepAlive), "nothing half-stored");

        assertThrows(
                IllegalArgumentException.class,
                () -> LocalTransactions.run(db, "Inserting", c -> {
                    try (Statement s = c.createStatement()) {
                        s.executeUpdate("INSERT INTO t VALUES (3)");
                    }
                    throw new IllegalArgumentException("not SQL");
                }));
        assertEquals(0, rows(keepAlive), "rolled back on any exception");
    }

    private static int rows(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
