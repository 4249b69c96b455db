package com.mailroom.it.servers;

import com.mailroom.testsupport.Loopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.opentest4j.TestAbortedException;

/**
 * Payara Micro 7 (Jakarta EE 11), which needs JDK 21 or newer, running the same WAR as Payara Micro 6 the way
 * operators start it: {@code java -jar payara-micro.jar --deploy mailroom.war --contextroot /} with the hardening of
 * {@code server-config/post-boot-commands.asadmin} and the settings as environment variables.
 * <p>
 * The JDK is {@code it.jdk21.home} when set (the build sets Temurin 25's usual place), else the first JDK 21+ under
 * {@code /usr/lib/jvm}. With none, the tests on Payara Micro 7 are skipped with that reason, so a newcomer with only
 * JDK 17 still passes {@code mvn verify}; CI sets {@code MAILROOM_IT_REQUIRE_JDK21=true} ({@code .ci/run}), and there
 * a missing JDK 21+ fails the build instead.
 */
final class PayaraMicro7 extends ServerUnderTest {

    private static final Path JAR = Path.of(System.getProperty("it.payara.micro7.jar", "target/payara-micro-7.jar"))
            .toAbsolutePath();
    private static final Path POST_BOOT =
            Path.of("server-config", "post-boot-commands.asadmin").toAbsolutePath();

    private final int port;
    private final Process process;

    PayaraMicro7() {
        super("payara-micro-7");
        Path java = jdk21().resolve("bin").resolve("java");
        port = Loopback.freePort();
        var command = new ProcessBuilder(
                        java.toString(),
                        "-Xmx512m",
                        "-jar",
                        JAR.toString(),
                        "--deploy",
                        WAR.toString(),
                        "--contextroot",
                        "/",
                        "--port",
                        Integer.toString(port),
                        "--nocluster",
                        "--disablephonehome",
                        "--postbootcommandfile",
                        POST_BOOT.toString())
                .redirectErrorStream(true);
        command.environment().putAll(environment());
        try {
            process = command.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var ready = log.pump(
                process.getInputStream(), dir.resolve("console.log"), line -> line.contains("Payara Micro URLs"));
        if (!ProcessOutput.await(ready, 300) || !process.isAlive() || log().contains("Deployment failed")) {
            close();
            throw new IllegalStateException(
                    "Payara Micro 7 did not start Mailroom on " + java + ":\n" + log.tail(20000));
        }
        try {
            awaitApplication(60_000);
        } catch (RuntimeException e) {
            close(); // a node left running would hold its port and a core through the rest of the run
            throw e;
        }
    }

    /** A JDK of feature release 21 or newer. */
    static Path jdk21() {
        String chosen = System.getProperty("it.jdk21.home", "");
        if (!chosen.isBlank() && featureOf(Path.of(chosen)).orElse(0) >= 21) {
            return Path.of(chosen);
        }
        try (Stream<Path> jdks = Files.list(Path.of("/usr/lib/jvm"))) {
            return jdks.filter(p -> featureOf(p).orElse(0) >= 21)
                    .sorted()
                    .findFirst()
                    .orElseThrow(() -> missing("Payara Micro 7 needs JDK 21 or newer: none at '" + chosen
                            + "' (it.jdk21.home) nor under /usr/lib/jvm"));
        } catch (IOException e) {
            throw new IllegalStateException("Payara Micro 7 needs JDK 21 or newer; /usr/lib/jvm unreadable", e);
        }
    }

    private static RuntimeException missing(String why) {
        return Boolean.parseBoolean(System.getenv("MAILROOM_IT_REQUIRE_JDK21"))
                ? new IllegalStateException(why)
                : new TestAbortedException(why + " — skipped (set MAILROOM_IT_REQUIRE_JDK21=true to fail instead)");
    }

    /** The feature release from a JDK's {@code release} file ({@code JAVA_VERSION="25.0.1"}). */
    private static Optional<Integer> featureOf(Path jdk) {
        Path release = jdk.resolve("release");
        if (!Files.isExecutable(jdk.resolve("bin").resolve("java")) || !Files.isReadable(release)) {
            return Optional.empty();
        }
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Optional.of(Integer.parseInt(version.split("[.+-]")[0]));
                }
            }
        } catch (IOException | NumberFormatException ignored) {
            // not a JDK we can use
        }
        return Optional.empty();
    }

    @Override
    protected int httpPort() {
        return port;
    }

    @Override
    public void close() {
        stop(process);
    }
}
