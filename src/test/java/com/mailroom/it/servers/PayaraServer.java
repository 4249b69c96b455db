package com.mailroom.it.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Payara Server 6 (the full server) as its operators run Mailroom (README, "Payara Server"): the distribution zip
 * from Maven Central, unpacked by the build into {@code it.payara.server.home}; a domain of its own created with
 * {@code asadmin create-domain}, started with Mailroom's environment variables, configured with
 * {@code server-config/payara-server/domain.asadmin} and the data directory as a system property, and the unchanged
 * WAR deployed with {@code asadmin deploy --contextroot /}. The domain lives in this run's work directory.
 */
final class PayaraServer extends ServerUnderTest {

    private static final Path HOME = Path.of(System.getProperty("it.payara.server.home", "target/payara6"))
            .toAbsolutePath();
    private static final Path COMMANDS =
            Path.of("server-config", "payara-server", "domain.asadmin").toAbsolutePath();
    private static final String DOMAIN = "mailroom";
    /** create-domain's ports, relative to --portbase: admin, HTTP, HTTPS, JMS, IIOP (3), JMX, OSGi, debug, Hazelcast.
     * */
    private static final int ADMIN = 48;

    private static final int HTTP = 80;

    private final Path domains;
    private final int base;

    PayaraServer() {
        super("payara-server");
        if (!Files.isExecutable(HOME.resolve("bin/asadmin"))) {
            throw new IllegalStateException("No Payara Server at " + HOME + " (mvn pre-integration-test unpacks it)");
        }
        domains = dir.resolve("domains");
        base = Ports.freeBlock(10000, 60000, ADMIN, HTTP, 81, 76, 37, 38, 39, 86, 66, 9, 49, 59);
        boolean started = false;
        try {
            asadmin(
                    false,
                    "create-domain",
                    "--nopassword=true",
                    "--portbase",
                    Integer.toString(base),
                    "--domaindir",
                    domains.toString(),
                    DOMAIN);
            // the domain's JVM inherits asadmin's environment: Mailroom's settings as environment variables
            asadmin(true, "start-domain", "--domaindir", domains.toString(), DOMAIN);
            started = true;
            asadmin(true, "multimode", "--file", COMMANDS.toString());
            // MicroProfile Config reads system properties too; the data directory is given this way here
            asadmin(
                    true,
                    "create-system-properties",
                    "mailroom.data-dir=" + dir.resolve("data").toString().replace(":", "\\:"));
            asadmin(true, "deploy", "--contextroot", "/", "--name", DOMAIN, WAR.toString());
            awaitApplication(120_000);
        } catch (RuntimeException e) {
            if (started) {
                close();
            }
            throw new IllegalStateException(e.getMessage() + "\n" + log(), e);
        }
    }

    @Override
    protected Map<String, String> environment() {
        var env = super.environment();
        env.remove("MAILROOM_DATA_DIR"); // set as a system property of the domain instead
        return env;
    }

    @Override
    public boolean redeploys() {
        return true;
    }

    @Override
    public void redeploy() {
        asadmin(true, "deploy", "--force=true", "--contextroot", "/", "--name", DOMAIN, WAR.toString());
        awaitApplication(120_000);
    }

    private void asadmin(boolean remote, String... arguments) {
        List<String> command =
                new ArrayList<>(List.of(HOME.resolve("bin/asadmin").toString(), "--interactive=false"));
        if (remote) {
            command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(base + ADMIN)));
        }
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment());
        builder.environment().put("AS_JAVA", System.getProperty("java.home"));
        log.append("$ asadmin " + String.join(" ", arguments) + "\n" + ProcessOutput.run(builder, 600));
    }

    @Override
    protected int httpPort() {
        return base + HTTP;
    }

    /** asadmin's output and the domain's server.log. */
    @Override
    public String log() {
        Path serverLog = domains.resolve(DOMAIN).resolve("logs").resolve("server.log");
        try {
            return super.log() + (Files.exists(serverLog) ? Files.readString(serverLog) : "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            asadmin(false, "stop-domain", "--domaindir", domains.toString(), DOMAIN);
        } catch (RuntimeException e) {
            // a domain that asadmin cannot stop is killed by its process id
            Path pid = domains.resolve(DOMAIN).resolve("config").resolve("pid");
            try {
                if (Files.exists(pid)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()))
                            .ifPresent(ProcessHandle::destroyForcibly);
                }
            } catch (IOException | NumberFormatException ignored) {
                // nothing left to stop
            }
        }
    }
}
