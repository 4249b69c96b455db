package com.mailroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.testsupport.Loopback;
import com.mailroom.testsupport.SubethaServer;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real Payara Micro nodes, A and B, sharing one PostgreSQL database (a fresh one per run, on the server that
 * {@code MAILROOM_IT_PG_URL} names; {@code .ci/run} provides it) and one secret key, as an operator runs a cluster:
 * settings, status, rate limit and outbox hold across the nodes, and a node killed with SIGKILL loses nothing.
 * The nodes coordinate through the database alone, so heartbeats are fast here (1 s, gone after 5 s).
 */
@EnabledIfEnvironmentVariable(named = "MAILROOM_IT_PG_URL", matches = "jdbc:postgresql:.+")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    static final String USER = "relay@example.com";
    static final String PASSWORD = "relay-password-1";

    @TempDir
    static Path dirs;

    String database;
    String serverUrl;
    Map<String, String> shared;
    MicroProcess a;
    MicroProcess b;
    SubethaServer sink;

    @BeforeAll
    void start() throws Exception {
        String url = System.getenv("MAILROOM_IT_PG_URL");
        serverUrl = url.substring(0, url.lastIndexOf('/') + 1);
        database = "mailroom_cluster_" + Long.toHexString(System.nanoTime());
        sql(serverUrl + "postgres", "CREATE DATABASE " + database);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        shared = Map.ofEntries(
                Map.entry("MAILROOM_DB_URL", serverUrl + database),
                Map.entry("MAILROOM_DB_USER", pgUser()),
                Map.entry("MAILROOM_DB_PASSWORD", pgPassword()),
                Map.entry("MAILROOM_SECRET_KEY", Base64.getEncoder().encodeToString(key)),
                Map.entry("MAILROOM_ADMIN_USERNAME", Api.ADMIN),
                Map.entry("MAILROOM_ADMIN_PASSWORD", Api.ADMIN_PASSWORD),
                Map.entry("MAILROOM_RATE_LIMIT_PER_ADMIN", "6"),
                Map.entry("MAILROOM_RATE_LIMIT_GLOBAL", "1000"),
                Map.entry("MAILROOM_SMTP_CONNECT_TIMEOUT_MS", "2000"),
                Map.entry("MAILROOM_SMTP_READ_TIMEOUT_MS", "3000"),
                Map.entry("MAILROOM_DELIVERY_BATCH_SIZE", "20"),
                Map.entry("MAILROOM_DELIVERY_POLL_MS", "200"),
                Map.entry("MAILROOM_DELIVERY_LEASE_SECONDS", "300"),
                Map.entry("MAILROOM_CLUSTER_HEARTBEAT_SECONDS", "1"),
                Map.entry("MAILROOM_CLUSTER_NODE_TIMEOUT_SECONDS", "5"));
        a = MicroProcess.start(node("node-a"));
        b = MicroProcess.start(node("node-b"));
        sink = SubethaServer.plain(0, USER, PASSWORD);
    }

    private Map<String, String> node(String name) {
        var env = new HashMap<>(shared);
        env.put("MAILROOM_NODE_NAME", name);
        env.put("MAILROOM_DATA_DIR", dirs.resolve(name).toString());
        return env;
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {sink, a, b}) {
            if (c != null) {
                c.close();
            }
        }
        sql(serverUrl + "postgres", "DROP DATABASE IF EXISTS " + database);
    }

    @Test
    @Order(1)
    void settingsSavedOnAAreWhatBServesAtOnce() throws Exception {
        JsonObject saved =
                Admins.saveSettings(a.api(), Api.admin(), relay(sink.port())).json();
        assertEquals(saved, b.api().get(Admins.SETTINGS, Api.admin()).json());
    }

    @Test
    @Order(2)
    void aFailingSaveOnATurnsEveryNodeInvalidAsBSeesItAndAFixOnBClearsThem() throws Exception {
        Admins.saveSettings(a.api(), Api.admin(), relay(Loopback.freePort()));
        JsonObject invalid = Admins.awaitStatus(
                b.api(),
                Api.admin(),
                s -> s.getInt("node_count") == 2
                        && s.getJsonArray("node_status").stream()
                                .map(JsonObject.class::cast)
                                .noneMatch(n -> n.getBoolean("is_valid")));
        assertEquals(Set.of("node-a", "node-b"), names(invalid));
        var legacy = b.api().get("api/4.0/smtp_status", Api.admin()).json();
        assertEquals(2, legacy.getInt("node_count"));

        Admins.saveSettings(b.api(), Api.admin(), relay(sink.port()));
        JsonObject valid =
                Admins.awaitStatus(a.api(), Api.admin(), s -> s.getBoolean("is_valid") && s.getInt("node_count") == 2);
        assertEquals(Set.of("node-a", "node-b"), names(valid));
    }

    @Test
    @Order(3)
    void theRateLimitCountsSavesOnEveryNodeTogether() throws Exception {
        var admin = Admins.newAdmin(a.api());
        String body = "{\"from\": \"Cluster <cluster@example.com>\"}";
        for (int i = 0; i < 6; i++) {
            Api node = (i % 2 == 0 ? a : b).api();
            assertEquals(200, node.put(Admins.SETTINGS, admin.auth(), body).status(), "save " + (i + 1));
        }
        var refusedOnA = a.api().put(Admins.SETTINGS, admin.auth(), body);
        var refusedOnB = b.api().put(Admins.SETTINGS, admin.auth(), body);
        assertEquals(429, refusedOnA.status(), refusedOnA.toString());
        assertEquals(429, refusedOnB.status(), refusedOnB.toString());
        assertTrue(Long.parseLong(refusedOnB.header("Retry-After")) > 0);
    }

    @Test
    @Order(4)
    void mailQueuedOnBothNodesArrivesExactlyOnceDeliveredByBoth() throws Exception {
        String run = "cluster " + UUID.randomUUID();
        var pool = Executors.newFixedThreadPool(8);
        List<Future<String>> ids = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            Api node = (i % 2 == 0 ? a : b).api();
            String mail = Admins.mail("c" + i + "@example.com", run + " #" + i);
            ids.add(pool.submit(() -> Admins.queue(node, Api.admin(), mail)));
        }
        for (var id : ids) {
            id.get();
        }
        pool.shutdown();
        Map<String, Long> arrivals = Await.until(
                Duration.ofSeconds(120),
                () -> arrivals(run),
                m -> m.size() == 400,
                m -> "only " + m.size() + " of 400 arrived");
        Loopback.pause(1000); // a duplicate would still be on its way
        arrivals = arrivals(run);
        assertTrue(
                arrivals.values().stream().allMatch(n -> n == 1),
                "each mail once: "
                        + arrivals.values().stream().filter(n -> n > 1).count() + " arrived more than once");
        Set<String> deliveredBy = sink.deliveries.stream()
                .filter(d -> subject(d).startsWith(run))
                .map(SubethaServer.Delivery::helo)
                .collect(Collectors.toSet());
        assertEquals(Set.of("node-a", "node-b"), deliveredBy, "both nodes delivered");
    }

    @Test
    @Order(5)
    void aNodeKilledWithSigkillLosesNothingAndLeavesTheStatusList() throws Exception {
        String run = "killed " + UUID.randomUUID();
        sink.acceptDelayMs = 200; // A's workers are mid-batch when it dies
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(Admins.queue(a.api(), Api.admin(), Admins.mail("k" + i + "@example.com", run + " #" + i)));
        }
        Await.until(
                Duration.ofSeconds(30),
                () -> sink.deliveries.stream()
                        .filter(d -> subject(d).startsWith(run) && "node-a".equals(d.helo()))
                        .count(),
                n -> n >= 2,
                n -> "node A never started sending");
        a.kill();
        a = null;
        long killed = System.nanoTime();
        sink.acceptDelayMs = 0;
        Map<String, Long> arrivals = Await.until(
                Duration.ofSeconds(120),
                () -> arrivals(run),
                m -> m.size() == 60,
                m -> "only " + m.size() + " of 60 arrived after A was killed");
        long seconds = Duration.ofNanos(System.nanoTime() - killed).toSeconds();
        long duplicates = arrivals.values().stream().mapToLong(n -> n - 1).sum();
        System.out.printf(
                "Node A killed: all 60 arrived %d s later (lease 300 s), %d duplicate(s)%n", seconds, duplicates);
        assertTrue(seconds < 120, "B took over A's mail when A was gone, not after the lease");
        JsonObject status = Admins.awaitStatus(b.api(), Api.admin(), s -> s.getInt("node_count") == 1);
        assertEquals(Set.of("node-b"), names(status));
    }

    @Test
    @Order(6)
    void aNodeWithAnotherSecretKeyIsRefusedAtStartNamingTheSetting() {
        var env = node("node-c");
        byte[] other = new byte[32];
        new SecureRandom().nextBytes(other);
        env.put("MAILROOM_SECRET_KEY", Base64.getEncoder().encodeToString(other));
        var refused = assertThrows(
                IllegalStateException.class, () -> MicroProcess.start(env).close());
        assertTrue(refused.getMessage().contains("mailroom.secret-key"), refused.getMessage());
    }

    private Map<String, Long> arrivals(String run) {
        return sink.deliveries.stream()
                .map(ClusterIT::subject)
                .filter(s -> s.startsWith(run))
                .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
    }

    private static Set<String> names(JsonObject status) {
        return status.getJsonArray("node_status").stream()
                .map(JsonObject.class::cast)
                .map(n -> n.getString("hostname"))
                .collect(Collectors.toSet());
    }

    private static String subject(SubethaServer.Delivery d) {
        return DeliveryIT.subject(d);
    }

    private static String relay(int port) {
        return """
                {"default_smtp": false, "address": "127.0.0.1", "port": %d, "tls_mode": "none",
                 "from": "Cluster <cluster@example.com>", "auth_type": "basic", "auth_mechanism": "auto",
                 "user_name": "%s", "password": "%s", "trusted_ca_pem": null}""".formatted(port, USER, PASSWORD);
    }

    private static String pgUser() {
        return System.getenv().getOrDefault("MAILROOM_IT_PG_USER", "mailroom");
    }

    private static String pgPassword() {
        return System.getenv().getOrDefault("MAILROOM_IT_PG_PASSWORD", "mailroom");
    }

    private static void sql(String url, String statement) throws Exception {
        try (var c = DriverManager.getConnection(url, pgUser(), pgPassword())) {
            c.createStatement().execute(statement);
        }
    }
}
