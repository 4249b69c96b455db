package com.mailroom.it;

import com.mailroom.testsupport.Loopback;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Payara Micro started the way an operator starts Mailroom: {@code java -jar payara-micro.jar --deploy mailroom.war
 * --contextroot / --postbootcommandfile server-config/post-boot-commands.asadmin}, configured by environment
 * variables only. Its output is kept for the test to read.
 */
public final class MicroProcess implements AutoCloseable {

    /** The tests' SMTP servers and token endpoints listen on loopback: allowed explicitly (OutboundHosts). */
    public static final String LOOPBACK_ALLOWED = "127.0.0.1,localhost,::1";

    /** Payara lists the application's URL under this heading; an application that failed to start has none. */
    private static final Pattern DEPLOYED = Pattern.compile("Payara Micro URLs:\\s*\\R\\s*http");

    /** The port of the first URL Payara lists: the one it really bound. */
    private static final Pattern LISTED_PORT =
            Pattern.compile("Payara Micro URLs:\\s*\\R\\s*https?://[^:/\\s]+:(\\d+)");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private volatile int port;

    private MicroProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static MicroProcess start(Map<String, String> environment) throws IOException, InterruptedException {
        return start(Path.of(System.getProperty("mailroom.war")), List.of(), environment);
    }

    /**
     * Another WAR (e.g. the benchmark's copy) and extra JVM options (e.g. a flight recording). A node that deployed
     * but never listened is started once more: Payara Micro 6 restarts its HTTP listener for the post-boot commands,
     * and twice in some 60 starts on this machine today the listener did not come back (its log says "Error adding
     * HttpProbes. NetworkListener http-listeners GrizzlyProxy is NULL"), a race in Payara's start, not Mailroom's.
     */
    public static MicroProcess start(Path war, List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        try {
            return startOnce(war, jvmOptions, environment);
        } catch (NeverListened first) {
            System.err.println(
                    "Payara Micro deployed Mailroom but never listened; starting it once more.\n" + first.getMessage());
            return startOnce(war, jvmOptions, environment);
        }
    }

    /** Payara Micro deployed Mailroom but its HTTP port never took a connection. */
    private static final class NeverListened extends AssertionError {
        NeverListened(String message) {
            super(message);
        }
    }

    private static MicroProcess startOnce(Path war, List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = Loopback.freePort();
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-jar",
                System.getProperty("payara.micro.jar"),
                "--deploy",
                war.toString(),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nocluster",
                "--disablephonehome",
                "--postbootcommandfile",
                System.getProperty("it.postboot.file")));
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        // the test servers (SMTP, token endpoints) run on loopback, which Mailroom refuses unless allowed
        builder.environment().put("MAILROOM_SMTP_ALLOWED_HOSTS", LOOPBACK_ALLOWED);
        builder.environment().putAll(environment);
        var micro = new MicroProcess(builder.start(), port);
        var ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> micro.pump(ready), "payara-micro-output");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(240, TimeUnit.SECONDS) || !micro.process.isAlive()) {
            micro.close();
            throw new IllegalStateException("Payara Micro did not start:\n" + micro.output());
        }
        if (micro.output().contains("Deployment failed")
                || micro.output().contains("Exception while loading the app")
                || !DEPLOYED.matcher(micro.output()).find()) {
            micro.close();
            throw new IllegalStateException("Mailroom was not deployed:\n" + micro.output());
        }
        // Payara moves to the next port when the one asked for was taken meanwhile (another process got it between
        // Loopback.freePort() and the bind): the URL it lists is where it listens
        var listed = LISTED_PORT.matcher(micro.output());
        if (listed.find()) {
            micro.port = Integer.parseInt(listed.group(1));
        }
        // the post-boot commands reconfigure the HTTP listener, which restarts it just after the URLs are listed
        try {
            Await.until(
                    Duration.ofSeconds(60),
                    micro::answers,
                    up -> up,
                    up -> "Payara Micro never answered on port " + micro.port + ":\n" + micro.output());
        } catch (AssertionError e) {
            micro.close(); // left running, it held the database and a core through the next tests
            throw new NeverListened(e.getMessage());
        }
        return micro;
    }

    private void pump(CountDownLatch ready) {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean urlsFollow = false;
            while ((line = lines.readLine()) != null) {
                output.append(line).append('\n');
                if (urlsFollow) {
                    ready.countDown(); // the line after "Payara Micro URLs:", which start() reads too
                }
                urlsFollow = line.contains("Payara Micro URLs");
            }
        } catch (IOException ignored) {
            // the process ended
        } finally {
            ready.countDown();
        }
    }

    /** Whether the port takes a connection now. */
    private boolean answers() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public Api api() throws IOException {
        return new Api(new URL("http://127.0.0.1:" + port + "/"));
    }

    /** The server's process id, e.g. for {@code jcmd <pid> Thread.print}. */
    public long pid() {
        return process.pid();
    }

    public String output() {
        return output.toString();
    }

    /** Kills the server with SIGKILL, as the kernel's OOM killer or a crash would: no shutdown hook, no clean-up. */
    public void kill() throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-KILL", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Payara Micro survived SIGKILL");
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
