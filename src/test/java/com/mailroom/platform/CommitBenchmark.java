package com.mailroom.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.h2.jdbcx.JdbcDataSource;

/**
 * What a durable commit costs on the embedded H2 file (part of {@code mvn -Pbenchmark package}): commits per second
 * of one small insert each, with H2's default (commits kept in memory up to 500 ms), written through
 * ({@code WRITE_DELAY=0}) and written through and forced to the disk ({@link DurableCommits}, what Mailroom does),
 * from 1 and 8 threads. Prints its numbers; the last of {@code rounds} rounds is the warm one.
 */
public final class CommitBenchmark {

    private static final int COMMITS = 4000;

    private CommitBenchmark() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 2;
        Path dir = Files.createTempDirectory("commit-benchmark");
        for (int round = 1; round <= rounds; round++) {
            for (String mode : List.of("H2 default (WRITE_DELAY=500)", "WRITE_DELAY=0", "WRITE_DELAY=0 + forced")) {
                for (int threads : new int[] {1, 8}) {
                    double perSecond = run(dir.resolve(round + "-" + mode.hashCode() + "-" + threads), mode, threads);
                    System.out.printf(
                            "round %d  %-28s %d thread(s): %8.0f commits/s%n", round, mode, threads, perSecond);
                }
            }
        }
    }

    private static double run(Path db, String mode, int threads) throws Exception {
        var h2 = new JdbcDataSource();
        String url = "jdbc:h2:file:" + db;
        h2.setURL(mode.startsWith("H2 default") ? url : MailroomDataSource.h2Url(url));
        DurableCommits durable = mode.endsWith("forced") ? new DurableCommits() : null;
        try (Connection c = h2.getConnection()) {
            c.createStatement().execute("CREATE TABLE t (id VARCHAR(36) PRIMARY KEY, body VARCHAR(2000))");
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> {
                try (Connection raw = h2.getConnection()) {
                    Connection c = durable == null ? raw : durable.wrap(raw);
                    c.setAutoCommit(false);
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                        for (int i = 0; i < COMMITS / threads; i++) {
                            insert.setString(1, UUID.randomUUID().toString());
                            insert.setString(2, "x".repeat(500));
                            insert.executeUpdate();
                            c.commit();
                        }
                    }
                }
                return null;
            }));
        }
        for (var r : runs) {
            r.get();
        }
        pool.shutdown();
        return COMMITS / ((System.nanoTime() - start) / 1e9);
    }
}
