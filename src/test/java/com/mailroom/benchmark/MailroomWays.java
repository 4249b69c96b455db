package com.mailroom.benchmark;

import com.mailroom.it.Api;
import com.mailroom.it.MicroProcess;
import jakarta.json.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ways (c), (d) and (e): the benchmark's copy of the WAR ({@link BenchmarkWar}) on Payara Micro, started as operators do,
 * with its defaults except what the environment of the benchmark run sets (e.g. {@code MAILROOM_DELIVERY_WORKERS}),
 * sending to the sink with custom settings: STARTTLS, the sink's CA pasted as trusted CA, basic AUTH.
 */
final class MailroomWays implements AutoCloseable {

    /** (c) queues this many mails per transaction ({@code Outbox.queue(List)}). */
    static final int CHUNK = 100;
    /** (d) and (e) send this many REST requests at once. */
    static final int CLIENTS = 8;
    /** (e) puts this many mails in one {@code POST /api/v1/mail/batch}. */
    static final int PER_REQUEST = 100;

    private final Sink sink;
    private final List<MicroProcess> nodes = new ArrayList<>();
    private final MicroProcess micro;
    private final Api api;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private String bearer;
    private int runs;

    MailroomWays(Sink sink, Path war, List<String> jvmOptions) throws Exception {
        this(sink, war, jvmOptions, Map.of(), 1);
    }

    /**
     * @param database the environment that points the nodes at a shared database (empty: each its own H2 file)
     * @param count    how many nodes, on this host, sharing {@code database}; (c) queues on all of them at once
     */
    MailroomWays(Sink sink, Path war, List<String> jvmOptions, Map<String, String> database, int count)
            throws Exception {
        this.sink = sink;
        Path benchmarkWar = BenchmarkWar.of(war);
        for (int i = 1; i <= count; i++) {
            Map<String, String> env = new HashMap<>(database);
            env.putAll(Map.of(
                    "MAILROOM_DATA_DIR",
                    Files.createTempDirectory("mailroom-benchmark").toString(),
                    "MAILROOM_NODE_NAME",
                    "bench-" + i,
                    "MAILROOM_ADMIN_USERNAME",
                    Api.ADMIN,
                    "MAILROOM_ADMIN_PASSWORD",
                    Api.ADMIN_PASSWORD,
                    "MAILROOM_RATE_LIMIT_PER_ADMIN",
                    "1000"));
            nodes.add(started(benchmarkWar, jvmOptions, env));
        }
        micro = nodes.get(0);
        api = micro.api();
        String settings = Json.createObjectBuilder()
                .add("default_smtp", false)
                .add("address", "127.0.0.1")
                .add("port", sink.port())
                .add("tls_mode", "starttls")
                .add("tls_version", "TLSv1_2_OR_NEWER")
                .add("trusted_ca_pem", sink.pki.caPem())
                .add("from", "Mailroom <mailroom@example.com>")
                .add("auth_type", "basic")
                .add("auth_mechanism", "auto")
                .add("user_name", Sink.USER)
                .add("password", Sink.PASSWORD)
                .build()
                .toString();
        try {
            var saved = api.put("api/v1/smtp/settings", Api.admin(), settings);
            check(saved.status() == 200, saved.toString());
        } catch (RuntimeException | Error e) {
            close(); // the caller's try-with-resources never gets this object: its nodes would outlive the run
            throw e;
        }
    }

    private MicroProcess started(Path war, List<String> jvmOptions, Map<String, String> env) throws Exception {
        try {
            return MicroProcess.start(war, jvmOptions, env);
        } catch (Exception | Error e) {
            close(); // the nodes started before this one
            throw e;
        }
    }

    long pid() {
        return micro.pid();
    }

    /** The CPU time the nodes' processes have used so far. */
    long cpuNanos() {
        return nodes.stream()
                .mapToLong(node -> ProcessHandle.of(node.pid())
                        .flatMap(h -> h.info().totalCpuDuration())
                        .map(Duration::toNanos)
                        .orElse(0L))
                .sum();
    }

    /**
     * (c) application code queues N mails through {@code Outbox} (split evenly over the nodes, at the same time);
     * timed until the sink has all N.
     */
    Duration inApplication(int n) throws Exception {
        int target = sink.received() + n;
        int run = ++runs;
        long start = System.nanoTime();
        ExecutorService queueing = Executors.newFixedThreadPool(nodes.size());
        List<Future<HttpResponse<String>>> replies = new ArrayList<>();
        for (MicroProcess node : nodes) {
            String base = node.api().base();
            replies.add(queueing.submit(() -> http.send(
                    HttpRequest.newBuilder(URI.create(base + "api/benchmark/queue?n=" + n / nodes.size() + "&chunk="
                                    + CHUNK + "&run=" + run + "-" + node.pid()))
                            .header("X-Requested-With", "MailroomBenchmark")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString())));
        }
        for (var reply : replies) {
            check(
                    reply.get().statusCode() == 200,
                    reply.get().statusCode() + " " + reply.get().body());
        }
        queueing.shutdown();
        report("queued", n, start, target);
        sink.awaitCount(target);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * Before (f): {@code total} sent mails in the outbox, written {@value BenchmarkFillResource#CHUNK} per request and
     * transaction; prints how long it took.
     */
    void fill(int total) throws Exception {
        long start = System.nanoTime();
        for (int from = 0; from < total; from += BenchmarkFillResource.CHUNK) {
            var reply = http.send(
                    HttpRequest.newBuilder(
                                    URI.create(api.base() + "api/benchmark/fill?from=" + from + "&total=" + total))
                            .header("X-Requested-With", "MailroomBenchmark")
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            check(reply.statusCode() == 200, reply.statusCode() + " " + reply.body());
        }
        System.out.printf(
                Locale.ROOT,
                "    %d sent mails written to the outbox in %.1f s%n",
                total,
                (System.nanoTime() - start) / 1e9);
    }

    /** (d) an integrator: one authenticated {@code POST /api/v1/mail} per mail, {@value #CLIENTS} at a time. */
    Duration restPerMail(int n) throws Exception {
        if (bearer == null) {
            bearer = "Bearer " + token();
        }
        int target = sink.received() + n;
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String json = Json.createObjectBuilder()
                            .add("to", Json.createArrayBuilder().add("r" + i + "@example.com"))
                            .add("subject", "Benchmark " + i)
                            .add("text", BenchmarkMail.TEXT)
                            .add("category", "admin_notification")
                            .build()
                            .toString();
                    var reply = http.send(
                            HttpRequest.newBuilder(URI.create(api.base() + "api/v1/mail"))
                                    .header("Authorization", bearer)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    check(reply.statusCode() == 202, reply.statusCode() + " " + reply.body());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        report("queued over REST", n, start, target);
        sink.awaitCount(target);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * (e) integrators in batches: {@value #CLIENTS} clients, each sending {@code POST /api/v1/mail/batch} with
     * {@value #PER_REQUEST} mails until N are queued; timed until the sink has all N.
     */
    Duration restBatches(int n) throws Exception {
        if (bearer == null) {
            bearer = "Bearer " + token();
        }
        int target = sink.received() + n;
        int run = ++runs;
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                for (int from = next.getAndAdd(PER_REQUEST); from < n; from = next.getAndAdd(PER_REQUEST)) {
                    var messages = Json.createArrayBuilder();
                    for (int i = from; i < Math.min(n, from + PER_REQUEST); i++) {
                        messages.add(Json.createObjectBuilder()
                                .add("to", Json.createArrayBuilder().add("r" + i + "@example.com"))
                                .add("subject", "Benchmark e" + run + " " + i)
                                .add("text", BenchmarkMail.TEXT)
                                .add("category", "admin_notification"));
                    }
                    String json = Json.createObjectBuilder()
                            .add("messages", messages)
                            .build()
                            .toString();
                    var reply = http.send(
                            HttpRequest.newBuilder(URI.create(api.base() + "api/v1/mail/batch"))
                                    .header("Authorization", bearer)
                                    .header("Content-Type", "application/json")
                                    .POST(HttpRequest.BodyPublishers.ofString(json))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    check(reply.statusCode() == 202, reply.statusCode() + " " + reply.body());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        report("queued over REST in batches", n, start, target);
        sink.awaitCount(target);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** How far delivery was when queueing ended: shows whether queueing or sending bounds the way. */
    private void report(String what, int n, long start, int target) {
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "    %d %s in %.2f s (%.0f/s); %d of them already delivered%n",
                n,
                what,
                s,
                n / s,
                n - (target - sink.received()));
    }

    /** API credentials for the admin, exchanged for a bearer token (cheaper per request than Basic's hashing). */
    private String token() {
        var credentials = api.postJson("api/v1/users/me/api_credentials", Api.admin(), "{\"scope\": \"admin\"}")
                .json();
        String form = "client_id=" + URLEncoder.encode(credentials.getString("client_id"), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(credentials.getString("client_secret"), StandardCharsets.UTF_8);
        var login = api.post("api/4.0/login", null, "application/x-www-form-urlencoded", form);
        check(login.status() == 200, login.toString());
        return login.json().getString("access_token");
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    @Override
    public void close() throws Exception {
        for (MicroProcess node : nodes) {
            node.close();
        }
    }
}
