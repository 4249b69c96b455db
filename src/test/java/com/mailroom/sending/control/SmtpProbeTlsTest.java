package com.mailroom.sending.control;

import static com.mailroom.sending.control.SmtpProbeGreenMailTest.assertNoSecret;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.testsupport.*;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** STARTTLS and implicit TLS against SubEthaSMTP with certificates from a private CA made for the test. */
class SmtpProbeTlsTest {

    private static final String USER = "relay-user";
    private static final String PASSWORD = "tls-Secret-42!";
    private static final String RECIPIENT = "admin@example.com";

    private static TestPki pki;
    private static TestPki.Server loopbackCert;
    private static TestPki.Server otherHostCert;

    private final SmtpProbe probe = new SmtpProbe();

    @BeforeAll
    static void certificates() throws Exception {
        pki = TestPki.create("Internal Mail CA");
        loopbackCert = pki.issue("127.0.0.1");
        otherHostCert = pki.issue("mail.example.org");
    }

    @Test
    void starttlsSendsOnceTheInternalCaIsTrusted() throws Exception {
        try (SubethaServer server = SubethaServer.starttls(loopbackCert.sslContext(), USER, PASSWORD)) {
            ProbeResult result = probe.send(
                    Targets.on(server.port())
                            .tls(TlsMode.STARTTLS)
                            .trust(pki.caPem())
                            .basic(USER, PASSWORD, AuthMechanism.LOGIN)
                            .build(),
                    RECIPIENT,
                    "Mailroom Mail Test",
                    "Body");

            assertTrue(result.success(), result::toString);
            assertEquals(1, server.deliveries.size());
            SubethaServer.Delivery delivery = server.deliveries.get(0);
            assertEquals("sender@example.com", delivery.envelopeFrom());
            assertEquals(RECIPIENT, delivery.envelopeTo());
            MimeMessage mail =
                    new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(delivery.data()));
            assertEquals("Bücher Team", ((InternetAddress) mail.getFrom()[0]).getPersonal());
            assertEquals("Mailroom Mail Test", mail.getSubject());

            List<String> t = result.transcript();
            int starttls = t.indexOf("C: STARTTLS");
            assertTrue(starttls > 0, t::toString);
            assertTrue(t.get(starttls + 1).startsWith("S: 220"), t::toString);
            assertTrue(t.indexOf("C: AUTH LOGIN <redacted>") > starttls, "AUTH only after STARTTLS: " + t);
            assertEquals(
                    2, t.stream().filter(l -> l.equals("C: EHLO mailroom.test")).count(), t::toString);
            assertNoSecret(result, PASSWORD);
        }
    }

    @Test
    void untrustedCertificateIsRefusedWithTheTrustHint() throws Exception {
        try (SubethaServer server = SubethaServer.starttls(loopbackCert.sslContext(), USER, PASSWORD)) {
            ProbeResult result = probe.send(
                    Targets.on(server.port())
                            .tls(TlsMode.STARTTLS)
                            .basic(USER, PASSWORD, AuthMechanism.AUTO)
                            .build(),
                    RECIPIENT,
                    "s",
                    "b");

            assertEquals(Stage.TLS, result.stage(), result::toString);
            assertEquals(Hints.UNTRUSTED, result.hint());
            assertTrue(
                    result.message().english().contains("certification path"),
                    result.message().english());
            assertFalse(result.transcript().stream().anyMatch(l -> l.startsWith("C: AUTH")), result::toString);
            assertTrue(server.deliveries.isEmpty());
        }
    }

    @Test
    void certificateForAnotherHostIsRefusedEvenWithItsCaTrusted() throws Exception {
        try (SubethaServer server = SubethaServer.starttls(otherHostCert.sslContext(), USER, PASSWORD)) {
            ProbeResult result = probe.send(
                    Targets.on(server.port())
                            .tls(TlsMode.STARTTLS)
                            .trust(pki.caPem())
                            .basic(USER, PASSWORD, AuthMechanism.AUTO)
                            .build(),
                    RECIPIENT,
                    "s",
                    "b");

            assertEquals(Stage.TLS, result.stage(), result::toString);
            assertEquals(
                    "The certificate does not name 127.0.0.1: use the host name on the certificate.",
                    result.hint().english());
            assertTrue(server.deliveries.isEmpty());
        }
    }

    @Test
    void implicitTlsSendsWithTheChosenVersion() throws Exception {
        try (SubethaServer server = SubethaServer.implicit(loopbackCert.sslContext(), USER, PASSWORD)) {
            ProbeResult result = probe.send(
                    Targets.on(server.port())
                            .tls(TlsMode.IMPLICIT)
                            .trust(pki.caPem())
                            .version(TlsVersion.TLSv1_3)
                            .basic(USER, PASSWORD, AuthMechanism.PLAIN)
                            .build(),
                    RECIPIENT,
                    "s",
                    "b");

            assertTrue(result.success(), result::toString);
            assertEquals(1, server.deliveries.size());
            assertFalse(result.transcript().contains("C: STARTTLS"), result::toString);
        }
    }

    @Test
    void tlsVersionMismatchFailsAtTlsWithTheVersionHint() throws Exception {
        try (SubethaServer server = SubethaServer.implicit(loopbackCert.sslContext(), USER, PASSWORD, "TLSv1.2")) {
            ProbeResult result = probe.check(Targets.on(server.port())
                    .tls(TlsMode.IMPLICIT)
                    .trust(pki.caPem())
                    .version(TlsVersion.TLSv1_3)
                    .basic(USER, PASSWORD, AuthMechanism.AUTO)
                    .build());

            assertEquals(Stage.TLS, result.stage(), result::toString);
            assertEquals(Hints.TLS_VERSION, result.hint());
        }
    }

    @Test
    void wrongPasswordOverStarttlsFailsAtAuth() throws Exception {
        try (SubethaServer server = SubethaServer.starttls(loopbackCert.sslContext(), USER, PASSWORD)) {
            ProbeResult result = probe.check(Targets.on(server.port())
                    .tls(TlsMode.STARTTLS)
                    .trust(pki.caPem())
                    .basic(USER, "wrong-" + PASSWORD, AuthMechanism.AUTO)
                    .build());

            assertEquals(Stage.AUTH, result.stage(), result::toString);
            assertEquals(535, result.smtpCode());
            assertEquals(Hints.BAD_PASSWORD, result.hint());
            assertNoSecret(result, "wrong-" + PASSWORD);
        }
    }
}
