package com.mailroom.benchmark;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Delivers N mails to an SMTP sink on loopback that requires STARTTLS and AUTH ({@link Sink}) several ways and
 * compares them (docs/benchmark.md): (a) plain Jakarta Mail over one connection, the ceiling; (b) a connection per
 * mail, as most
 * peers send; (c) Mailroom's outbox end to end, queued by code inside the application through {@code Outbox} (the
 * targets are computed from this one); (d) for integrators, one REST request per mail; (e) for integrators in
 * batches, {@code POST /api/v1/mail/batch} with 100 mails per request (target: e ≥ 0.5 × c); (f) (c) again on a node
 * whose outbox already holds {@code benchmark.full} (200,000) sent mails with their content, against (c) on an empty
 * one (target: f ≥ 0.9 × c). Each way first runs {@code warmups} rounds, then {@code rounds} measured rounds of N; the
 * median counts, the spread is reported.
 * <p>
 * Run: {@code mvn -Pbenchmark package} with optional {@code -Dbenchmark.mails=2000}, {@code -Dbenchmark.rounds=3},
 * {@code -Dbenchmark.warmups=20}, {@code -Dbenchmark.warmup-seconds=60},
 * {@code -Dbenchmark.ways=abcdefpq} (a subset skips the rest), {@code -Dbenchmark.full=200000},
 * {@code -Dbenchmark.jfr=/tmp/c.jfr} (records Payara).
 * (p) and (q) are (c) on PostgreSQL with one node and with two nodes sharing it; they run when
 * {@code MAILROOM_IT_PG_URL} names a PostgreSQL database on a server where its user may create databases (as
 * {@code .ci/run} sets it up), each way on a fresh database.
 * Writes the measured section of {@code docs/benchmark.md}.
 */
public final class DeliveryBenchmark {

    /**
     * Warm-up rounds of N per way, the same rule for every way: up to 20 rounds (by default), but no more than
     * {@link #WARM_UP_SECONDS} of them. Payara's JIT is not done after a few thousand mails: with 2 warm-up rounds it
     * still compiled about a core's worth through all measured rounds of (c), after 8 (c)'s rounds still climbed
     * (1298, 1290, 1544 mails/s), after 20 they measured 2160-2554; (a) too gets faster for many rounds. The time cap
     * keeps the slow ways ((b) at ~100 mails/s, (d)) from taking half an hour; they are bound by handshakes and
     * requests, not by the JIT.
     */
    static final int WARM_UPS = Integer.getInteger("benchmark.warmups", 20);

    static final Duration WARM_UP_SECONDS = Duration.ofSeconds(Long.getLong("benchmark.warmup-seconds", 60));

    /** (f): sent mails in the outbox before (c) runs again (issue 16 item 3: within 10 % of (c) on an empty one). */
    static final int FULL = Integer.getInteger("benchmark.full", 200_000);

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path report = Path.of(args.length > 1 ? args[1] : "docs/benchmark.md");
        int rounds = Integer.getInteger("benchmark.rounds", 3);
        String ways = System.getProperty("benchmark.ways", "abcdefpq");
        String jfr = System.getProperty("benchmark.jfr", "");
        Map<Character, List<Double>> rates = new LinkedHashMap<>();
        try (Sink sink = new Sink()) {
            PlainJakartaMail plain = new PlainJakartaMail(sink);
            if (ways.indexOf('a') >= 0) {
                rates.put('a', measure("(a) one connection", n, rounds, plain::oneConnection));
            }
            if (ways.indexOf('b') >= 0) {
                rates.put('b', measure("(b) connection per mail", n, rounds, plain::connectionPerMail));
            }
            if (ways.indexOf('c') >= 0 || ways.indexOf('d') >= 0 || ways.indexOf('e') >= 0) {
                List<String> jvm = jfr.isBlank()
                        ? List.of()
                        : List.of("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
                try (MailroomWays mailroom = new MailroomWays(sink, Path.of(System.getProperty("mailroom.war")), jvm)) {
                    System.out.println("Payara Micro runs as pid " + mailroom.pid());
                    if (ways.indexOf('c') >= 0) {
                        rates.put(
                                'c',
                                measure(
                                        "(c) Mailroom, in the app",
                                        n,
                                        rounds,
                                        mailroom::inApplication,
                                        mailroom::cpuNanos));
                    }
                    if (ways.indexOf('d') >= 0) {
                        rates.put(
                                'd',
                                measure(
                                        "(d) Mailroom, REST per mail",
                                        n,
                                        rounds,
                                        mailroom::restPerMail,
                                        mailroom::cpuNanos));
                    }
                    if (ways.indexOf('e') >= 0) {
                        rates.put(
                                'e',
                                measure(
                                        "(e) Mailroom, REST in batches",
                                        n,
                                        rounds,
                                        mailroom::restBatches,
                                        mailroom::cpuNanos));
                    }
                    if (ways.indexOf('a') >= 0 && ways.indexOf('c') >= 0) {
                        alternate(n, plain, mailroom, rates);
                    }
                }
            }
            if (ways.indexOf('f') >= 0) {
                // a node of its own, so the only difference from (c) is what the table holds
                try (MailroomWays full =
                        new MailroomWays(sink, Path.of(System.getProperty("mailroom.war")), List.of())) {
                    full.fill(FULL);
                    rates.put(
                            'f',
                            measure(
                                    "(f) (c), " + FULL + " sent before",
                                    n,
                                    rounds,
                                    full::inApplication,
                                    full::cpuNanos));
                }
            }
            String pg = System.getenv("MAILROOM_IT_PG_URL");
            for (char way : new char[] {'p', 'q'}) {
                if (ways.indexOf(way) < 0) {
                    continue;
                }
                if (pg == null || pg.isBlank()) {
                    System.out.println(
                            "(" + way + ") skipped: set MAILROOM_IT_PG_URL to a PostgreSQL database whose user"
                                    + " may create databases");
                    continue;
                }
                int nodes = way == 'p' ? 1 : 2;
                try (var database = PostgresDatabase.fresh(pg);
                        var mailroom = new MailroomWays(
                                sink,
                                Path.of(System.getProperty("mailroom.war")),
                                List.of(),
                                database.environment(),
                                nodes)) {
                    rates.put(
                            way,
                            measure(
                                    "(" + way + ") Mailroom on PostgreSQL, " + nodes + " node(s)",
                                    n,
                                    rounds,
                                    mailroom::inApplication,
                                    mailroom::cpuNanos));
                }
            }
        }
        if (rates.containsKey('a') && rates.containsKey('c')) {
            double a = median(rates.get('a'));
            double b = rates.containsKey('b') ? median(rates.get('b')) : Double.NaN;
            double c = median(rates.get('c'));
            System.out.printf(Locale.ROOT, "c/a = %.2f, c/b = %.2f (medians)%n", c / a, c / b);
            if (rates.containsKey('r')) {
                System.out.printf(
                        Locale.ROOT,
                        "c/a = %.2f in alternating rounds (median of the pairs)%n",
                        median(rates.get('r')));
            }
        }
        if (rates.containsKey('c') && rates.containsKey('e')) {
            System.out.printf(
                    Locale.ROOT,
                    "e/c = %.2f (medians; target >= 0.5)%n",
                    median(rates.get('e')) / median(rates.get('c')));
        }
        if (rates.containsKey('c') && rates.containsKey('f')) {
            System.out.printf(
                    Locale.ROOT,
                    "f/c = %.2f: (c) with %d sent mails in the outbox against (c) on an empty one (target >= 0.9)%n",
                    median(rates.get('f')) / median(rates.get('c')),
                    FULL);
        }
        if (rates.keySet().containsAll(List.of('a', 'b', 'c', 'd', 'e'))) {
            BenchmarkReport.write(report, n, WARM_UPS, rounds, rates);
        } else {
            System.out.println("Not all ways ran: " + report + " left as it is.");
        }
    }

    /** Pairs of an (a) round and a (c) round, one right after the other, on the warm (c) node. */
    static final int PAIRS = Integer.getInteger("benchmark.pairs", 5);

    /**
     * c/a from rounds measured at the same moments: (a) on its own moved between 1135 and 3896 mails/s from round to
     * round and run to run (it is one connection whose client and sink take turns, so it follows how quickly each is
     * scheduled), which made the ratio of medians measured minutes apart swing between 0.55 and 1.52. Puts the pairs'
     * rates under 'A' and 'C' and their ratios under 'r'.
     */
    private static void alternate(
            int n, PlainJakartaMail plain, MailroomWays mailroom, Map<Character, List<Double>> rates) throws Exception {
        List<Double> a = new ArrayList<>();
        List<Double> c = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int pair = 1; pair <= PAIRS; pair++) {
            a.add(n / (plain.oneConnection(n).toNanos() / 1e9));
            c.add(n / (mailroom.inApplication(n).toNanos() / 1e9));
            ratios.add(c.get(c.size() - 1) / a.get(a.size() - 1));
            System.out.printf(
                    Locale.ROOT,
                    "pair %d: (a) %.1f, (c) %.1f mails/s, c/a %.2f%n",
                    pair,
                    a.get(a.size() - 1),
                    c.get(c.size() - 1),
                    ratios.get(ratios.size() - 1));
        }
        rates.put('A', a);
        rates.put('C', c);
        rates.put('r', ratios);
    }

    interface Way {
        Duration run(int n) throws Exception;
    }

    private static List<Double> measure(String name, int n, int rounds, Way way) throws Exception {
        return measure(name, n, rounds, way, () -> 0);
    }

    /**
     * Also prints the CPU time per mail of this JVM (the client of (a) and (b), the queueing HTTP client of (c), and
     * the sink) and of the servers ({@code serverCpuNanos}), against the wall time per mail on this machine's cores:
     * where the two cores went.
     */
    private static List<Double> measure(String name, int n, int rounds, Way way, LongSupplier serverCpuNanos)
            throws Exception {
        long warmUpEnds = System.nanoTime() + WARM_UP_SECONDS.toNanos();
        int warmUps = 0;
        while (warmUps < WARM_UPS && (warmUps == 0 || System.nanoTime() < warmUpEnds)) {
            way.run(n);
            warmUps++;
        }
        System.out.printf(Locale.ROOT, "%-30s warmed up with %d round(s)%n", name, warmUps);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Double> rates = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            long ownCpu = os.getProcessCpuTime();
            long serverCpu = serverCpuNanos.getAsLong();
            Duration d = way.run(n);
            double ownMs = (os.getProcessCpuTime() - ownCpu) / 1e6 / n;
            double serverMs = (serverCpuNanos.getAsLong() - serverCpu) / 1e6 / n;
            rates.add(n / (d.toNanos() / 1e9));
            System.out.printf(
                    Locale.ROOT,
                    "%-30s %8.1f mails/s; CPU ms per mail: benchmark JVM %.3f, Payara %.3f (wall %.3f × %d cores)%n",
                    name,
                    rates.get(rates.size() - 1),
                    ownMs,
                    serverMs,
                    d.toNanos() / 1e6 / n,
                    Runtime.getRuntime().availableProcessors());
        }
        return rates;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int m = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(m) : (sorted.get(m - 1) + sorted.get(m)) / 2;
    }
}
