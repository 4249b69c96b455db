package com.mailroom.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the measured part of {@code docs/benchmark.md} between two markers and keeps everything around it, so the
 * hand-written analysis survives a rerun.
 */
final class BenchmarkReport {

    static final String BEGIN = "<!-- measured: written by DeliveryBenchmark -->";
    static final String END = "<!-- /measured -->";

    private BenchmarkReport() {}

    static void write(Path report, int n, int warmUps, int rounds, Map<Character, List<Double>> rates)
            throws IOException {
        double a = DeliveryBenchmark.median(rates.get('a'));
        double b = DeliveryBenchmark.median(rates.get('b'));
        double c = DeliveryBenchmark.median(rates.get('c'));
        String cpu;
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            cpu = lines.filter(l -> l.startsWith("model name"))
                    .findFirst()
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .orElse("unknown CPU");
        } catch (IOException e) {
            cpu = "unknown CPU";
        }
        String measured = BEGIN + "\n"
                + """
                Measured %s with `mvn -Pbenchmark package` (N = %d mails per round, %d measured rounds per way after up to
                %d warm-up rounds, at most %d s of them; the median counts) on %d cores (%s), Java %s. The sink is SubEthaSMTP on loopback \
                requiring
                STARTTLS (TLS certificate for 127.0.0.1 from a CA made at run time) and AUTH PLAIN/LOGIN, counting \
                mails.

                | way | mails/s (median) | rounds |
                |---|---:|---|
                | (a) plain Jakarta Mail, one connection: one handshake and login (the ceiling) | %.1f | %s |
                | (b) plain Jakarta Mail, a connection per mail: STARTTLS + AUTH each mail (as most peers send) \
                | %.1f | %s |
                | **(c) Mailroom end to end, queued in the application**: `Outbox.queue(List)` → stored → claimed \
                → sent | **%.1f** | %s |
                | (d) Mailroom end to end, queued over REST: `POST /api/v1/mail` per mail (%d clients) → stored \
                → claimed → sent | %.1f | %s |
                | (e) Mailroom end to end, queued over REST in batches: `POST /api/v1/mail/batch` with %d mails \
                per request (%d clients) → stored → claimed → sent | %.1f | %s |

                **c/a = %.2f** (target ≥ 0.8), **c/b = %.2f** (target ≥ 5), from the medians of (a), (b) and (c); \
                **e/c = %.2f** (target ≥ 0.5).
                %s%s%s""".formatted(
                                Instant.now().truncatedTo(ChronoUnit.SECONDS),
                                n,
                                rounds,
                                warmUps,
                                DeliveryBenchmark.WARM_UP_SECONDS.toSeconds(),
                                Runtime.getRuntime().availableProcessors(),
                                cpu,
                                System.getProperty("java.version"),
                                a,
                                all(rates.get('a')),
                                b,
                                all(rates.get('b')),
                                c,
                                all(rates.get('c')),
                                MailroomWays.CLIENTS,
                                DeliveryBenchmark.median(rates.get('d')),
                                all(rates.get('d')),
                                MailroomWays.PER_REQUEST,
                                MailroomWays.CLIENTS,
                                DeliveryBenchmark.median(rates.get('e')),
                                all(rates.get('e')),
                                c / a,
                                c / b,
                                DeliveryBenchmark.median(rates.get('e')) / c,
                                alternating(rates),
                                full(rates, c),
                                postgres(rates, a))
                + END;
        String old = Files.exists(report)
                ? Files.readString(report)
                : "# Delivery benchmark\n\n" + BEGIN + "\n" + END + "\n";
        int from = old.indexOf(BEGIN);
        int to = old.indexOf(END);
        String text = from >= 0 && to > from
                ? old.substring(0, from) + measured + old.substring(to + END.length())
                : old.stripTrailing() + "\n\n" + measured + "\n";
        Files.createDirectories(report.toAbsolutePath().getParent());
        Files.writeString(report, text);
        System.out.println("Written to " + report.toAbsolutePath());
    }

    /** c/a from pairs of an (a) round and a (c) round measured one right after the other, when they ran. */
    private static String alternating(Map<Character, List<Double>> rates) {
        if (!rates.containsKey('r')) {
            return "";
        }
        return """

                **c/a in alternating rounds = %.2f** (median of %d pairs, each an (a) round right before a (c) round on \
                the warm (c) node: c/a %s; (a) %s; (c) %s mails/s). (a) alone moves a lot between rounds; a pair sees \
                the machine in the same state.
                """.formatted(
                        DeliveryBenchmark.median(rates.get('r')),
                        rates.get('r').size(),
                        rates.get('r').stream()
                                .map(r -> String.format(Locale.ROOT, "%.2f", r))
                                .collect(Collectors.joining(", ")),
                        all(rates.get('A')),
                        all(rates.get('C')));
    }

    /** (f), (c) with a full outbox, when it ran. */
    private static String full(Map<Character, List<Double>> rates, double c) {
        if (!rates.containsKey('f')) {
            return "\n(f), (c) with a full outbox, did not run.\n";
        }
        double f = DeliveryBenchmark.median(rates.get('f'));
        return """

                (c) on a node of its own whose outbox already holds %d sent mails with their content (written \
                before the
                rounds, sent over the last 29 days: a month of traffic inside the default retention):

                | way | mails/s (median) | rounds |
                |---|---:|---|
                | (f) (c) with %d sent mails in the outbox | %.1f | %s |

                **f/c = %.2f** (target ≥ 0.9: within 10 %% of (c) on an empty outbox).
                """.formatted(DeliveryBenchmark.FULL, DeliveryBenchmark.FULL, f, all(rates.get('f')), f / c);
    }

    /** (c) on PostgreSQL, one node and two nodes sharing the database, when they ran. */
    private static String postgres(Map<Character, List<Double>> rates, double a) {
        if (!rates.containsKey('p') || !rates.containsKey('q')) {
            return "\n(p) and (q), (c) on PostgreSQL, did not run: no PostgreSQL server (MAILROOM_IT_PG_URL) was"
                    + " given.\n";
        }
        double p = DeliveryBenchmark.median(rates.get('p'));
        double q = DeliveryBenchmark.median(rates.get('q'));
        return """

                (c) on PostgreSQL (same machine, fresh database per way), the nodes started as on one host:

                | way | mails/s (median) | rounds |
                |---|---:|---|
                | (p) (c) on PostgreSQL, one node | %.1f | %s |
                | (q) (c) on PostgreSQL, two nodes sharing it, queueing half each | %.1f | %s |

                **c/a on PostgreSQL = %.2f** (one node), %.2f (two nodes).
                """.formatted(p, all(rates.get('p')), q, all(rates.get('q')), p / a, q / a);
    }

    private static String all(List<Double> rates) {
        return rates.stream().map(r -> String.format(Locale.ROOT, "%.0f", r)).collect(Collectors.joining(", "));
    }
}
