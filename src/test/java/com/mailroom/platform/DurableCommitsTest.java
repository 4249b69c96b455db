package com.mailroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DurableCommitsTest {

    @TempDir
    Path dir;

    @Test
    void theUrlAlwaysWritesCommitsThroughAndWaitsLongEnoughForLocks() {
        assertEquals(
                "jdbc:h2:file:/d/m;WRITE_DELAY=0;LOCK_TIMEOUT=10000", MailroomDataSource.h2Url("jdbc:h2:file:/d/m"));
        assertEquals(
                "jdbc:h2:file:/d/m;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;LOCK_TIMEOUT=10000",
                MailroomDataSource.h2Url("jdbc:h2:file:/d/m;write_delay=500;DB_CLOSE_ON_EXIT=FALSE"));
        assertEquals(
                "jdbc:h2:file:/d/m;LOCK_TIMEOUT=3000;WRITE_DELAY=0",
                MailroomDataSource.h2Url("jdbc:h2:file:/d/m;LOCK_TIMEOUT=3000"));
    }

    @Test
    void aCommitOnARealH2FileIsForcedAndTheDataIsThere() throws Exception {
        var h2 = new JdbcDataSource();
        h2.setURL(MailroomDataSource.h2Url("jdbc:h2:file:" + dir.resolve("db")));
        var commits = new DurableCommits();
        try (Connection c = commits.wrap(h2.getConnection());
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("CREATE TABLE t (n INT)");
            s.execute("INSERT INTO t VALUES (42)");
            c.commit();
            try (ResultSet rs = s.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS" + " WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                assertTrue(rs.next());
                assertEquals("0", rs.getString(1));
            }
        }
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT n FROM t")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1));
        }
    }

    /** A transaction that only read is committed without a force; one that wrote is forced. */
    @Test
    void onlyATransactionThatChangedSomethingCountsAsChanged() throws Exception {
        var h2 = new JdbcDataSource();
        h2.setURL(MailroomDataSource.h2Url("jdbc:h2:file:" + dir.resolve("db")));
        try (Connection c = h2.getConnection();
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INT)");
            c.setAutoCommit(false);
            s.executeQuery("SELECT n FROM t").close();
            s.executeUpdate("UPDATE t SET n = 1 WHERE n = 2");
            assertFalse(DurableCommits.changed(c), "a read and an update of no row change nothing");
            s.executeUpdate("INSERT INTO t VALUES (1)");
            assertTrue(DurableCommits.changed(c), "a row inserted");
            c.commit();
            assertFalse(DurableCommits.changed(c), "committed");
            s.executeUpdate("DELETE FROM t");
            assertTrue(DurableCommits.changed(c), "a row deleted");
        }
        assertTrue(DurableCommits.changed(fakeConnection(() -> {}, () -> {})), "not H2: forced to be safe");
    }

    /**
     * The group commit's promise: every commit() returns only after a force that <em>started after</em> its commit
     * was done, however many threads commit at once.
     */
    @Test
    void everyCommitReturnsOnlyAfterAForceThatStartedAfterIt() throws Exception {
        AtomicLong clock = new AtomicLong();
        ConcurrentLinkedQueue<Long> finishedForcesStartedAt = new ConcurrentLinkedQueue<>();
        AtomicLong forces = new AtomicLong();
        var commits = new DurableCommits();
        int threads = 8;
        int perThread = 200;
        var pool = Executors.newFixedThreadPool(threads);
        var go = new CountDownLatch(1);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> {
                long[] committedAt = new long[1];
                Connection fake = fakeConnection(() -> committedAt[0] = clock.incrementAndGet(), () -> {
                    long started = clock.incrementAndGet();
                    forces.incrementAndGet();
                    Thread.onSpinWait();
                    finishedForcesStartedAt.add(started);
                });
                Connection c = commits.wrap(fake);
                go.await();
                for (int i = 0; i < perThread; i++) {
                    c.commit();
                    long mine = committedAt[0];
                    assertTrue(
                            finishedForcesStartedAt.stream().anyMatch(start -> start > mine),
                            "returned before a force covered the commit");
                }
                return null;
            }));
        }
        go.countDown();
        for (var run : runs) {
            run.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertTrue(forces.get() >= 1 && forces.get() <= threads * perThread);
        System.out.printf("%d commits, %d forces%n", threads * perThread, forces.get());
    }

    /** A connection whose commit() runs {@code onCommit} and whose CHECKPOINT SYNC runs {@code onForce}. */
    private static Connection fakeConnection(Runnable onCommit, Runnable onForce) {
        Statement statement = (Statement) Proxy.newProxyInstance(
                Statement.class.getClassLoader(), new Class<?>[] {Statement.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        assertEquals("CHECKPOINT SYNC", args[0]);
                        onForce.run();
                        return false;
                    }
                    return null;
                });
        // not an H2 connection: every commit counts as a change
        return (Connection) Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "commit" -> {
                        onCommit.run();
                        yield null;
                    }
                    case "createStatement" -> statement;
                    default -> null;
                });
    }
}
