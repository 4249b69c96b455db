package com.mailroom.benchmark;

import com.mailroom.it.Api;
import com.mailroom.it.MicroProcess;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.subethamail.smtp.server.SMTPServer;

/**
 * Delivers N mails to an SMTP sink on loopback three ways and compares them (issue 6):
 * (a) a plain Jakarta Mail loop over one connection, the ceiling; (b) a connection per mail, as most peers send;
 * (c) Mailroom's outbox end to end: the real WAR on Payara Micro, each mail queued over the REST API
 * ({@code POST /api/v1/mail}, bearer token, {@value #CLIENTS} concurrent clients), stored, claimed and sent; timed
 * from the first request until the sink has all N. Each way first runs a warm-up of {@value #WARM_UP} mails.
 * <p>
 * Run: {@code mvn -Pbenchmark package} (optionally {@code -Dbenchmark.mails=2000}); writes {@code docs/benchmark.md}.
 */
public final class DeliveryBenchmark {

    static final int CLIENTS = 8;
    static final int WARM_UP = 1000;
    static final String TEXT = "Hello,\n\nyour report is ready. This is a benchmark mail of typical notification size,"
            + " a few lines of text and no attachment.\n\nRegards,\nMailroom\n";

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path report = Path.of(args.length > 1 ? args[1] : "docs/benchmark.md");
        AtomicInteger received = new AtomicInteger();
        SMTPServer sink = SMTPServer.port(0).bindAddress(InetAddress.getLoopbackAddress()).hostName("sink.test")
                .maxConnections(1000).messageHandler((context, from, to, data) -> received.incrementAndGet()).build();
        sink.start();
        int port = sink.getPortAllocated();
        try {
            reuseOneConnection(port, WARM_UP, received);
            double a = rate(n, reuseOneConnection(port, n, received));
            System.out.printf(Locale.ROOT, "(a) one connection:          %8.1f mails/s%n", a);
            connectPerMail(port, WARM_UP, received);
            double b = rate(n, connectPerMail(port, n, received));
            System.out.printf(Locale.ROOT, "(b) connection per mail:     %8.1f mails/s%n", b);
            double c = rate(n, outbox(port, n, received));
            System.out.printf(Locale.ROOT, "(c) Mailroom outbox (REST):  %8.1f mails/s%n", c);
            System.out.printf(Locale.ROOT, "c/a = %.2f, c/b = %.2f%n", c / a, c / b);
            write(report, n, a, b, c);
        } finally {
            sink.stop();
        }
    }

    static Duration reuseOneConnection(int port, int n, AtomicInteger received) throws MessagingException {
        Session session = session(port);
        int target = received.get() + n;
        long start = System.nanoTime();
        try (Transport t = session.getTransport("smtp")) {
            t.connect("127.0.0.1", port, null, null);
            for (int i = 0; i < n; i++) {
                MimeMessage m = message(session, i);
                t.sendMessage(m, m.getAllRecipients());
            }
        }
        awaitCount(received, target);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static Duration connectPerMail(int port, int n, AtomicInteger received) throws MessagingException {
        Session session = session(port);
        int target = received.get() + n;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            try (Transport t = session.getTransport("smtp")) {
                t.connect("127.0.0.1", port, null, null);
                MimeMessage m = message(session, i);
                t.sendMessage(m, m.getAllRecipients());
            }
        }
        awaitCount(received, target);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    static Duration outbox(int port, int n, AtomicInteger received) throws Exception {
        Path data = Files.createTempDirectory("mailroom-benchmark");
        try (MicroProcess micro = MicroProcess.start(Map.of("MAILROOM_DATA_DIR", data.toString(),
                "MAILROOM_ADMIN_USERNAME", Api.ADMIN, "MAILROOM_ADMIN_PASSWORD", Api.ADMIN_PASSWORD,
                "MAILROOM_RATE_LIMIT_PER_ADMIN", "1000"))) {
            Api api = micro.api();
            var saved = api.put("api/v1/smtp/settings", Api.admin(), """
                    {"default_smtp": false, "address": "127.0.0.1", "port": %d, "tls_mode": "none",
                     "from": "Mailroom <mailroom@example.com>", "auth_type": "none"}""".formatted(port));
            check(saved.status() == 200, saved.toString());
            String bearer = "Bearer " + token(api);
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            queueAll(http, api.base(), bearer, WARM_UP, received);
            return queueAll(http, api.base(), bearer, n, received);
        }
    }

    private static Duration queueAll(HttpClient http, String base, String bearer, int n, AtomicInteger received)
            throws Exception {
        int target = received.get() + n;
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            done.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                    String json = "{\"to\": [\"r" + i + "@example.com\"], \"subject\": \"Benchmark " + i
                            + "\", \"text\": \"" + TEXT.replace("\n", "\\n") + "\", \"category\": \"admin_notification\"}";
                    var reply = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/mail"))
                            .header("Authorization", bearer).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
                    check(reply.statusCode() == 202, reply.statusCode() + " " + reply.body());
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
        double queuedS = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "    %d queued in %.2f s (%.1f/s); %d of them already delivered%n", n, queuedS,
                n / queuedS, n - (target - received.get()));
        awaitCount(received, target);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** API credentials for the admin, exchanged for a bearer token (cheaper per request than Basic's hashing). */
    private static String token(Api api) {
        var credentials = api.post("api/v1/users/me/api_credentials", Api.admin(), null, null).json();
        String form = "client_id=" + URLEncoder.encode(credentials.getString("client_id"), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(credentials.getString("client_secret"), StandardCharsets.UTF_8);
        var login = api.post("api/4.0/login", null, "application/x-www-form-urlencoded", form);
        check(login.status() == 200, login.toString());
        return login.json().getString("access_token");
    }

    private static Session session(int port) {
        Properties p = new Properties();
        p.setProperty("mail.smtp.host", "127.0.0.1");
        p.setProperty("mail.smtp.port", Integer.toString(port));
        p.setProperty("mail.smtp.localhost", "benchmark.test");
        p.setProperty("mail.from", "bench@example.com");
        return Session.getInstance(p);
    }

    private static MimeMessage message(Session session, int i) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("bench@example.com"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("r" + i + "@example.com"));
        m.setSubject("Benchmark " + i, "UTF-8");
        m.setText(TEXT, "UTF-8");
        m.saveChanges();
        return m;
    }

    private static void awaitCount(AtomicInteger received, int target) {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (received.get() < target) {
            check(System.nanoTime() < deadline, "the sink got " + received.get() + " of " + target);
            Thread.onSpinWait();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static double rate(int n, Duration d) {
        return n / (d.toNanos() / 1e9);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalStateException(message);
        }
    }

    private static void write(Path report, int n, double a, double b, double c) throws IOException {
        String cpu = Files.lines(Path.of("/proc/cpuinfo")).filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        String text = """
                # Delivery benchmark

                Measured %s with `mvn -Pbenchmark package` (`DeliveryBenchmark`, N = %d mails, each way after a warm-up
                of %d) on %d cores (%s), Java %s. The sink is SubEthaSMTP on loopback, counting mails.

                | way | mails/s |
                |---|---:|
                | (a) plain Jakarta Mail, one connection (the ceiling) | %.1f |
                | (b) plain Jakarta Mail, a connection per mail (as most peers send) | %.1f |
                | (c) Mailroom end to end: `POST /api/v1/mail` (%d concurrent clients, bearer token) → stored → claimed → sent | %.1f |

                **c/a = %.2f** (target ≥ 0.8), **c/b = %.2f** (target ≥ 5).

                (c) runs the real WAR on Payara Micro with its defaults (2 workers, batches of 50, embedded H2) and is
                timed from the first request until the sink has all N, so it includes HTTP, JSON, validation, the
                committed insert, the claim, rendering, SMTP and writing the outcome back.
                """.formatted(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), n, WARM_UP,
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"), a, b, CLIENTS, c,
                c / a, c / b);
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text);
        System.out.println("Written to " + report.toAbsolutePath());
    }
}
