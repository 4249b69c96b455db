package com.mailroom.testsupport;

import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

/** SubEthaSMTP on loopback, for STARTTLS (which GreenMail lacks) and for implicit TLS with chosen TLS versions. */
public final class SubethaServer implements AutoCloseable {

    /** One mail as the server got it; {@code helo} is the name the client gave in EHLO (Mailroom: its node name). */
    public record Delivery(String envelopeFrom, String envelopeTo, byte[] data, String helo) {}

    public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    /** Every accepted mail, also those a counting-only sink does not keep. */
    public final AtomicInteger received = new AtomicInteger();
    /** How long the server takes to accept each mail after its data arrived (a slow relay keeps batches in flight). */
    public volatile long acceptDelayMs;

    private final SMTPServer server;

    private SubethaServer(String user, String password, UnaryOperator<SMTPServer.Builder> tls) {
        this(0, user, password, tls, true);
    }

    private SubethaServer(int port, String user, String password, UnaryOperator<SMTPServer.Builder> tls) {
        this(port, user, password, tls, true);
    }

    private SubethaServer(int port, String user, String password, UnaryOperator<SMTPServer.Builder> tls, boolean keep) {
        SMTPServer.Builder builder = SMTPServer.port(port)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("subetha.test")
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((u, p, context) -> {
                    if (!user.equals(u) || !password.equals(p)) {
                        throw new LoginFailedException();
                    }
                }))
                .messageHandler((context, from, to, data) -> {
                    if (acceptDelayMs > 0) {
                        Loopback.pause(acceptDelayMs);
                    }
                    if (keep) {
                        deliveries.add(
                                new Delivery(from, to, data, context.getHelo().orElse(null)));
                    }
                    received.incrementAndGet();
                });
        server = tls.apply(builder).build();
        server.start();
    }

    /** No TLS, AUTH offered but not required; {@code port} 0 picks a free one (or reopen a port after a "crash"). */
    public static SubethaServer plain(int port, String user, String password) {
        return new SubethaServer(port, user, password, b -> b);
    }

    /** STARTTLS offered and required before MAIL; AUTH PLAIN/LOGIN offered only after STARTTLS. */
    public static SubethaServer starttls(SSLContext tls, String user, String password) {
        return new SubethaServer(user, password, b -> b.enableTLS().requireTLS().startTlsSocketFactory(tls));
    }

    /**
     * A sink like the servers peers really talk to (Microsoft 365, Gmail, corporate relays): STARTTLS required, then
     * AUTH PLAIN/LOGIN required before MAIL. It only counts ({@link #received}): keeping thousands of mails in a
     * copy-on-write list would make the sink itself the bottleneck of a benchmark.
     */
    public static SubethaServer countingStarttlsAuth(SSLContext tls, String user, String password) {
        return new SubethaServer(
                0,
                user,
                password,
                b -> b.enableTLS()
                        .requireTLS()
                        .requireAuth()
                        .startTlsSocketFactory(tls)
                        .maxConnections(1000),
                false);
    }

    /** TLS from the first byte (SMTPS), with only the given protocol versions enabled (all when none given). */
    public static SubethaServer implicit(SSLContext tls, String user, String password, String... protocols) {
        return new SubethaServer(
                user,
                password,
                b -> b.serverSocketFactory(() -> {
                    SSLServerSocket s =
                            (SSLServerSocket) tls.getServerSocketFactory().createServerSocket();
                    if (protocols.length > 0) {
                        s.setEnabledProtocols(protocols);
                    }
                    return s;
                }));
    }

    public int port() {
        return server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }
}
