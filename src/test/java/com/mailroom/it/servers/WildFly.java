package com.mailroom.it.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * WildFly 39 as its operators run Mailroom (README, "WildFly"): the server that the build provisioned from Maven
 * Central ({@code wildfly-maven-plugin}, into {@code it.wildfly.home}) is started with {@code bin/standalone.sh} on
 * JDK 17, {@code server-config/wildfly/mailroom.cli} is applied with {@code jboss-cli.sh --connect} (it reloads the
 * server), and the unchanged WAR is deployed with the CLI's {@code deploy}. Each run gets a fresh copy of the
 * provisioned {@code standalone/} directory as its base directory, so the provisioned server stays as built.
 */
final class WildFly extends ServerUnderTest {

    private static final Path HOME =
            Path.of(System.getProperty("it.wildfly.home", "target/wildfly")).toAbsolutePath();
    private static final Path SCRIPT =
            Path.of("server-config", "wildfly", "mailroom.cli").toAbsolutePath();
    /** standalone.xml's socket bindings that a Mailroom server opens, relative to the port offset. */
    private static final int HTTP = 8080;

    private static final int MANAGEMENT = 9990;

    private final int offset;
    private final Process process;

    WildFly() {
        super("wildfly");
        if (!Files.isExecutable(HOME.resolve("bin/standalone.sh"))) {
            throw new IllegalStateException(
                    "No provisioned WildFly at " + HOME + " (mvn pre-integration-test provisions it)");
        }
        offset = Ports.freeBlock(1000, 40000, HTTP, 8443, MANAGEMENT, 9993, 8009, 4712, 4713);
        Path base = dir.resolve("standalone");
        copyTree(HOME.resolve("standalone"), base);
        var command = new ProcessBuilder(
                        HOME.resolve("bin/standalone.sh").toString(),
                        "-Djboss.server.base.dir=" + base,
                        "-Djboss.socket.binding.port-offset=" + offset)
                .redirectErrorStream(true);
        command.environment().putAll(environment());
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        // standalone.sh then waits for its JVM and passes a TERM on to it, so stopping the script stops the server
        command.environment().put("LAUNCH_JBOSS_IN_BACKGROUND", "true");
        try {
            process = command.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var started = log.pump(
                process.getInputStream(),
                dir.resolve("console.log"),
                line -> line.contains("WFLYSRV0025") || line.contains("WFLYSRV0026"));
        if (!ProcessOutput.await(started, 240) || !process.isAlive()) {
            close();
            throw new IllegalStateException("WildFly did not start:\n" + log.tail(20000));
        }
        log.append(cli("--file=" + SCRIPT));
        log.append(cli("--command=deploy " + WAR));
        awaitApplication(120_000);
    }

    @Override
    public boolean redeploys() {
        return true;
    }

    @Override
    public void redeploy() {
        log.append(cli("--command=deploy --force " + WAR));
        awaitApplication(120_000);
    }

    private String cli(String what) {
        var command = new ProcessBuilder(
                HOME.resolve("bin/jboss-cli.sh").toString(),
                "--connect",
                "--controller=127.0.0.1:" + (MANAGEMENT + offset),
                what);
        command.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return ProcessOutput.run(command, 300);
    }

    @Override
    protected int httpPort() {
        return HTTP + offset;
    }

    /** MicroProfile Health on WildFly answers on the management interface, not next to the application. */
    @Override
    public String healthReadyUrl() {
        return "http://127.0.0.1:" + (MANAGEMENT + offset) + "/health/ready";
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                cli("--command=:shutdown");
            } catch (RuntimeException e) {
                // stopped below
            }
        }
        stop(process);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
