package com.mailroom.benchmark;

import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;

/** A fresh PostgreSQL database on the server {@code MAILROOM_IT_PG_URL} names, dropped when closed. */
final class PostgresDatabase implements AutoCloseable {

    private final String server;
    private final String name;
    private final String user = System.getenv().getOrDefault("MAILROOM_IT_PG_USER", "mailroom");
    private final String password = System.getenv().getOrDefault("MAILROOM_IT_PG_PASSWORD", "mailroom");
    private final String key;

    private PostgresDatabase(String anyDatabaseUrl) throws SQLException {
        server = anyDatabaseUrl.substring(0, anyDatabaseUrl.lastIndexOf('/') + 1);
        name = "mailroom_bench_" + Long.toHexString(System.nanoTime());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        key = Base64.getEncoder().encodeToString(random);
        execute("CREATE DATABASE " + name);
    }

    static PostgresDatabase fresh(String anyDatabaseUrl) throws SQLException {
        return new PostgresDatabase(anyDatabaseUrl);
    }

    /** What every node using it is started with: the database and one secret key. */
    Map<String, String> environment() {
        return Map.of(
                "MAILROOM_DB_URL",
                server + name,
                "MAILROOM_DB_USER",
                user,
                "MAILROOM_DB_PASSWORD",
                password,
                "MAILROOM_SECRET_KEY",
                key);
    }

    private void execute(String sql) throws SQLException {
        try (var c = DriverManager.getConnection(server + "postgres", user, password)) {
            c.createStatement().execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + name);
    }
}
