package com.mailroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The WAR as operators run it — plain Payara Micro with server-config's post-boot commands, every setting from
 * environment variables — started, used, stopped and started again on the same data directory: settings, users and
 * the encrypted password survive, and the bootstrap admin is created (and its generated password logged) only once;
 * the start-up log has no expired-certificate dumps.
 */
class OperatorRunIT {

    private static final Pattern GENERATED =
            Pattern.compile("Created the admin 'root' with the generated password (\\S+)");

    @TempDir
    Path dataDir;

    @Test
    void settingsAndUsersSurviveARestartAndTheAdminIsCreatedOnce() throws Exception {
        dataDir = dataDir.resolve("data"); // Mailroom creates it
        Map<String, String> env = Map.of(
                "MAILROOM_DATA_DIR",
                dataDir.toString(),
                "MAILROOM_ADMIN_USERNAME",
                "root",
                "MAILROOM_ADMIN_EMAIL",
                "root@example.com");
        String admin;
        JsonObject saved;
        try (var first = MicroProcess.start(env)) {
            var matcher = GENERATED.matcher(first.output());
            assertTrue(matcher.find(), "the generated admin password is logged once:\n" + first.output());
            admin = Api.basic("root", matcher.group(1));
            assertFalse(
                    first.output().contains("has expired"),
                    "no expired-certificate dumps of the runtime's trust store at start-up:\n" + first.output());
            Api api = first.api();
            // started with server-config/post-boot-commands.asadmin, as operators do: no header names the runtime
            for (var reply : List.of(api.get("login.xhtml", null), api.get("api/v1/smtp/settings", admin))) {
                assertNull(reply.header("Server"), "Server: " + reply.header("Server"));
                assertNull(reply.header("X-Powered-By"), "X-Powered-By: " + reply.header("X-Powered-By"));
            }
            // the database and the key are nobody else's business
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir)));
            for (String file : List.of("mailroom.mv.db", "secret.key")) {
                assertEquals(
                        "rw-------",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve(file))),
                        file);
            }
            saved = Admins.saveSettings(api, admin, """
                    {"default_smtp": false, "address": "127.0.0.1", "port": 1, "from": "Ops <ops@example.com>",
                     "auth_type": "basic", "user_name": "ops@example.com", "password": "restart-secret-1"}""").json();
            assertEquals(
                    201,
                    api.postJson(
                                    "api/v1/users",
                                    admin,
                                    "{\"username\": \"dave\", \"email\": \"dave@example.com\", \"password\":"
                                            + " \"daves-password\", \"admin\": false}")
                            .status());

            // a second node on the same embedded database is refused at start, with the setting to change named
            var refused = assertThrows(
                    IllegalStateException.class, () -> MicroProcess.start(env).close());
            assertTrue(
                    refused.getMessage().contains("is open in another process")
                            && refused.getMessage().contains("mailroom.data-dir"),
                    refused.getMessage());
            assertEquals(200, api.get("api/v1/smtp/settings", admin).status(), "the first node is unharmed");
        }

        assertTrue(
                Files.exists(dataDir.resolve("mailroom.mv.db")), "the embedded database lives in the data directory");
        Path key = dataDir.resolve("secret.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));

        try (var second = MicroProcess.start(env)) {
            assertFalse(GENERATED.matcher(second.output()).find(), "no second admin, no second password in the log");
            Api api = second.api();
            var settings = api.get("api/v1/smtp/settings", admin);
            assertEquals(200, settings.status(), settings.toString());
            assertEquals(saved, settings.json());
            assertTrue(api.get("api/v1/users", admin).body().contains("\"dave\""));
            // an unchanged destination keeps the stored password after the restart
            var keep = api.put("api/v1/smtp/settings", admin, "{\"from\": \"Operations <ops@example.com>\"}");
            assertEquals(200, keep.status(), keep.toString());
            assertTrue(keep.json().getBoolean("password_set"));
        }
    }
}
