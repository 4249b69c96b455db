package com.mailroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mailroom on PostgreSQL as an operator configures it (MAILROOM_DB_URL/USER/PASSWORD and a shared secret key):
 * Flyway creates the schema, settings survive a restart, and the password is stored only encrypted. Runs when
 * {@code MAILROOM_IT_PG_URL} names an empty database ({@code .ci/run} starts a local PostgreSQL and sets it);
 * skipped on a machine without one.
 */
@EnabledIfEnvironmentVariable(named = "MAILROOM_IT_PG_URL", matches = "jdbc:postgresql:.+")
class PostgresRunIT {

    @TempDir
    Path dataDir;

    @Test
    void theSchemaIsMigratedAndSettingsSurviveARestartOnPostgresql() throws Exception {
        String server = System.getenv("MAILROOM_IT_PG_URL");
        String user = System.getenv().getOrDefault("MAILROOM_IT_PG_USER", "mailroom");
        String password = System.getenv().getOrDefault("MAILROOM_IT_PG_PASSWORD", "mailroom");
        // a database of its own per run: a database keeps the key check of the key that first used it
        String database = "mailroom_run_" + Long.toHexString(System.nanoTime());
        String serverUrl = server.substring(0, server.lastIndexOf('/') + 1);
        try (var c = DriverManager.getConnection(serverUrl + "postgres", user, password)) {
            c.createStatement().execute("CREATE DATABASE " + database);
        }
        String url = serverUrl + database;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Map<String, String> env = Map.of(
                "MAILROOM_DB_URL",
                url,
                "MAILROOM_DB_USER",
                user,
                "MAILROOM_DB_PASSWORD",
                password,
                "MAILROOM_SECRET_KEY",
                Base64.getEncoder().encodeToString(key),
                "MAILROOM_DATA_DIR",
                dataDir.toString(),
                "MAILROOM_ADMIN_PASSWORD",
                "pg-admin-password");
        String admin = Api.basic("admin", "pg-admin-password");
        String smtpPassword = "pg-smtp-secret-" + System.nanoTime();
        JsonObject saved;
        try (var first = MicroProcess.start(env)) {
            saved = Admins.saveSettings(first.api(), admin, """
                    {"default_smtp": false, "address": "127.0.0.1", "port": 1, "from": "pg@example.com",
                     "auth_type": "basic", "user_name": "pg@example.com", "password": "%s"}""".formatted(smtpPassword))
                    .json();
        }
        try (var second = MicroProcess.start(env)) {
            assertEquals(saved, second.api().get("api/v1/smtp/settings", admin).json());
        }
        try (var db = DriverManager.getConnection(url, user, password)) {
            List<String> versions = new ArrayList<>();
            try (var rs = db.createStatement()
                    .executeQuery("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
                while (rs.next()) {
                    versions.add(rs.getString(1));
                }
            }
            assertTrue(versions.containsAll(List.of("1", "2")), "migrations applied: " + versions);
            try (var rs = db.createStatement().executeQuery("SELECT password_enc FROM smtp_settings WHERE id = 1")) {
                assertTrue(rs.next());
                assertTrue(rs.getString(1).startsWith("v1:"));
                assertFalse(rs.getString(1).contains(smtpPassword));
            }
        }
    }
}
