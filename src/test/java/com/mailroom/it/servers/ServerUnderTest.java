package com.mailroom.it.servers;

import com.mailroom.it.Api;
import com.mailroom.it.MicroProcess;
import com.mailroom.testsupport.Loopback;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A server with the WAR deployed the way that server's operators deploy it, for the portable integration tests
 * ({@code PortableChecks}). Started once per kind and test run by {@link StartedServers}, stopped at the end of the
 * run.
 */
public abstract class ServerUnderTest implements AutoCloseable {

    /** Where the build puts the servers and the WAR (failsafe's system properties, see pom.xml). */
    static final Path WORK = Path.of(System.getProperty("it.servers.dir", "target/it-servers"));

    static final Path WAR =
            Path.of(System.getProperty("mailroom.war", "target/mailroom.war")).toAbsolutePath();

    protected final Path dir;
    protected final ProcessOutput log = new ProcessOutput();

    protected ServerUnderTest(String kind) {
        this.dir = WORK.resolve(kind).toAbsolutePath();
        deleteTree(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server and everything it started. */
    @Override
    public abstract void close();

    /** Whether the WAR can be deployed again while the server runs (Payara Micro has no admin to do it). */
    public boolean redeploys() {
        return false;
    }

    /** Deploys the same WAR again without restarting the server, as an operator updating it does. */
    public void redeploy() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " does not redeploy");
    }

    /** The HTTP port the application answers on (loopback). */
    protected abstract int httpPort();

    /** The application's base URL, ending in "/". */
    public URL url() {
        try {
            return new URL("http://127.0.0.1:" + httpPort() + "/");
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The readiness endpoint, next to the application unless the server says otherwise (WildFly). */
    public String healthReadyUrl() {
        return url() + "health/ready";
    }

    public Api api() {
        return new Api(url());
    }

    /** What the server printed so far (its log), to prove that no secret reaches it. */
    public String log() {
        return log.text();
    }

    /**
     * Mailroom's settings as an operator gives them: environment variables of the server process. The same for every
     * kind, so the portable checks see the same application everywhere. Short retries for the delivery check; the
     * poll interval stays the default, so a server idling until the end of the run costs little.
     */
    protected Map<String, String> environment() {
        var env = new LinkedHashMap<String, String>();
        env.put("MAILROOM_DATA_DIR", dir.resolve("data").toString());
        env.put("MAILROOM_ADMIN_USERNAME", Api.ADMIN);
        env.put("MAILROOM_ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
        env.put("MAILROOM_ADMIN_EMAIL", "admin@example.com");
        env.put("MAILROOM_OAUTH_ALLOW_INSECURE_TOKEN_URL", "true");
        env.put("MAILROOM_SMTP_ALLOWED_HOSTS", MicroProcess.LOOPBACK_ALLOWED);
        env.put("MAILROOM_SMTP_CONNECT_TIMEOUT_MS", "2000");
        env.put("MAILROOM_SMTP_READ_TIMEOUT_MS", "3000");
        env.put("MAILROOM_SMTP_WRITE_TIMEOUT_MS", "3000");
        env.put("MAILROOM_RATE_LIMIT_PER_ADMIN", "1000");
        env.put("MAILROOM_RATE_LIMIT_GLOBAL", "1000");
        env.put("MAILROOM_DELIVERY_RETRY_BASE_MS", "500");
        env.put("MAILROOM_DELIVERY_RETRY_MAX_MS", "1000");
        return env;
    }

    /** Waits until the application answers an authenticated call (the bootstrap admin exists then). */
    protected void awaitApplication(long timeoutMs) {
        var api = api();
        long end = System.currentTimeMillis() + timeoutMs;
        String last = "no answer";
        while (System.currentTimeMillis() < end) {
            try {
                var reply = api.get("api/v1/smtp/settings", Api.admin());
                if (reply.status() == 200) {
                    return;
                }
                last = reply.toString();
            } catch (RuntimeException e) {
                last = e.toString();
            }
            Loopback.pause(500);
        }
        throw new IllegalStateException(
                getClass().getSimpleName() + ": Mailroom did not answer (" + last + "):\n" + log.tail(20000));
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends a process and all it started (a launcher script's JVM too), politely first. */
    static void stop(Process process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        var children = process.descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
