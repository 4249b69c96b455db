package com.mailroom.benchmark;

import com.mailroom.testsupport.SubethaServer;
import com.mailroom.testsupport.TestPki;
import java.time.Duration;
import javax.net.ssl.SSLContext;

/**
 * The SMTP server all ways send to, set up like the servers peers really talk to: SubEthaSMTP on loopback with
 * STARTTLS required (certificate for 127.0.0.1 from a CA made at run time) and AUTH PLAIN/LOGIN required, counting
 * mails. Connecting thus costs a TCP connect, EHLO, a TLS handshake, EHLO again and a login — as in real life.
 */
final class Sink implements AutoCloseable {

    static final String USER = "bench@example.com";
    static final String PASSWORD = "bench-secret";

    final TestPki pki;
    /** How clients outside Mailroom trust the sink: this CA only. */
    final SSLContext clientTls;

    private final SubethaServer server;

    Sink() throws Exception {
        pki = TestPki.create("Benchmark CA");
        clientTls = pki.trustingContext();
        server = SubethaServer.countingStarttlsAuth(pki.issue("127.0.0.1").sslContext(), USER, PASSWORD);
    }

    int port() {
        return server.port();
    }

    int received() {
        return server.received.get();
    }

    /** Waits until the sink has {@code target} mails in all (at most ten minutes). */
    void awaitCount(int target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (received() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the sink got " + received() + " of " + target);
            }
            Thread.sleep(1);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
