package com.mailroom.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal SMTP server on loopback whose replies a test scripts per command, for replies that real servers give
 * (Microsoft 365's 535 5.7.139, 530 before STARTTLS, rejected senders) but GreenMail and SubEthaSMTP do not. An empty
 * reply means "never answer"; {@link #silent()} accepts connections and never says anything.
 */
public final class ScriptedSmtpServer implements AutoCloseable {

    public static final String GREETING = "GREETING";
    public static final String END_OF_DATA = ".";

    private final ServerSocket serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    private final Map<String, String> replies = new HashMap<>(Map.of(
            GREETING,
            "220 scripted.test ESMTP",
            "EHLO",
            "250-scripted.test\r\n250 AUTH PLAIN LOGIN",
            "HELO",
            "250 scripted.test",
            "AUTH",
            "235 2.7.0 Authentication successful",
            "MAIL",
            "250 2.1.0 Sender OK",
            "RCPT",
            "250 2.1.5 Recipient OK",
            "DATA",
            "354 Start mail input",
            END_OF_DATA,
            "250 2.0.0 Queued",
            "QUIT",
            "221 2.0.0 Bye",
            "RSET",
            "250 2.0.0 OK"));
    private final boolean silent;
    private volatile CountDownLatch greetings = new CountDownLatch(0);
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** Every line a client sent, so tests can look at what went over the wire. */
    public final List<String> received = new CopyOnWriteArrayList<>();
    /** When each mail was accepted (250 to its end of data), in order. */
    public final List<Instant> accepted = new CopyOnWriteArrayList<>();

    private volatile int acceptBeforeThrottling = Integer.MAX_VALUE;
    /** MAIL FROMs let through so far: counted when admitted, so that parallel connections cannot overshoot. */
    private final AtomicInteger admitted = new AtomicInteger();

    private volatile String throttleReply;

    private ScriptedSmtpServer(Map<String, String> overrides, boolean silent) throws IOException {
        this.replies.putAll(overrides);
        this.silent = silent;
        Thread t = new Thread(this::serve, "scripted-smtp");
        t.setDaemon(true);
        t.start();
    }

    public static ScriptedSmtpServer replying(Map<String, String> overrides) throws IOException {
        return new ScriptedSmtpServer(overrides, false);
    }

    public static ScriptedSmtpServer silent() throws IOException {
        return new ScriptedSmtpServer(Map.of(), true);
    }

    /** From now on, every connection waits for its greeting until {@link #releaseGreetings()}: a slow server. */
    public ScriptedSmtpServer holdGreetings() {
        greetings = new CountDownLatch(1);
        return this;
    }

    /** Lets the held connections, and all later ones, have their greeting. */
    public void releaseGreetings() {
        greetings.countDown();
    }

    /**
     * A provider's rate limit: once {@code mails} mails in all were let through, MAIL FROM is answered with
     * {@code reply} (e.g. {@code 451 4.7.0 Throttling}; a 421 also closes the connection) until
     * {@link #stopThrottling()}.
     */
    public ScriptedSmtpServer throttleAfter(int mails, String reply) {
        throttleReply = reply;
        acceptBeforeThrottling = mails;
        return this;
    }

    public void stopThrottling() {
        acceptBeforeThrottling = Integer.MAX_VALUE;
    }

    public int port() {
        return serverSocket.getLocalPort();
    }

    private void serve() {
        while (!serverSocket.isClosed()) {
            try {
                Socket s = serverSocket.accept();
                open.add(s);
                if (!silent) {
                    // a thread per connection: a client may hold one connection open while it opens another
                    Thread t = new Thread(() -> converse(s), "scripted-smtp-session");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket s) {
        try (s) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            OutputStream out = s.getOutputStream();
            greetings.await();
            if (!reply(out, replies.get(GREETING))) {
                in.read(); // hold the connection until the client gives up
                return;
            }
            String line;
            while ((line = in.readLine()) != null) {
                received.add(line);
                String verb = line.split("[ :]", 2)[0].toUpperCase(Locale.ROOT);
                String answer = replies.getOrDefault(verb, "502 5.5.2 Command not implemented");
                if (verb.equals("MAIL") && admitted.incrementAndGet() > acceptBeforeThrottling) {
                    admitted.decrementAndGet();
                    answer = throttleReply;
                }
                if (!reply(out, answer)) {
                    in.read();
                    return;
                }
                if (answer.startsWith("421")) {
                    return;
                }
                if (verb.equals("DATA") && answer.startsWith("354")) {
                    while ((line = in.readLine()) != null && !line.equals(".")) {
                        received.add(line);
                    }
                    String end = replies.get(END_OF_DATA);
                    if (end.startsWith("250")) {
                        accepted.add(Instant.now());
                    }
                    reply(out, end);
                }
                if (verb.equals("QUIT")) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean reply(OutputStream out, String reply) throws IOException {
        if (reply.isEmpty()) {
            return false;
        }
        out.write((reply + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return true;
    }

    @Override
    public void close() throws IOException {
        serverSocket.close();
        for (Socket s : open) {
            s.close();
        }
    }
}
