package com.mailroom.sending.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.testsupport.*;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * GreenMail on loopback: plain SMTP with AUTH PLAIN, LOGIN and XOAUTH2, and SMTPS. GreenMail 2.1.5 has no STARTTLS
 * command (its EHLO offers only AUTH), which makes it the server "without STARTTLS"; STARTTLS is tested against
 * SubEthaSMTP in {@link SmtpProbeTlsTest}.
 */
class SmtpProbeGreenMailTest {

    private static final String USER = "sender@example.com";
    private static final String PASSWORD = "Pa55:wörd-GreenMail";
    private static final String RECIPIENT = "admin@example.com";

    private static TestPki pki;
    private static Path keyStoreFile;

    private final SmtpProbe probe = new SmtpProbe();
    private GreenMail greenMail;

    @BeforeAll
    static void serverCertificate() throws Exception {
        pki = TestPki.create("Mailroom Test CA");
        keyStoreFile = Files.createTempFile("greenmail", ".p12");
        try (OutputStream out = Files.newOutputStream(keyStoreFile)) {
            pki.issue("127.0.0.1").keyStore().store(out, TestPki.PASSWORD);
        }
        // GreenMail reads its SMTPS key store once per JVM from these properties; only this class starts SMTPS
        System.setProperty("greenmail.tls.keystore.file", keyStoreFile.toString());
        System.setProperty("greenmail.tls.keystore.password", new String(TestPki.PASSWORD));
    }

    @AfterAll
    static void deleteKeyStore() throws Exception {
        Files.deleteIfExists(keyStoreFile);
    }

    @BeforeEach
    void start() {
        greenMail = new GreenMail(new ServerSetup[] {
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                    new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS)
                })
                .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));
        greenMail.start();
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    private int smtp() {
        return greenMail.getSmtp().getPort();
    }

    @ParameterizedTest
    @EnumSource(AuthMechanism.class)
    void sendsTheTestMailWithEnvelopeSenderFromSubjectAndBody(AuthMechanism mechanism) throws Exception {
        SmtpTarget target = Targets.on(smtp()).basic(USER, PASSWORD, mechanism).build();

        ProbeResult result = probe.send(target, RECIPIENT, "Mailroom Mail Test", "Mailroom mail is working! ü");

        assertTrue(result.success(), result::toString);
        assertEquals(Stage.DONE, result.stage());
        assertEquals(250, result.smtpCode());
        assertNull(result.hint());
        MimeMessage[] received = greenMail.getReceivedMessages();
        assertEquals(1, received.length);
        MimeMessage mail = received[0];
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertEquals("Bücher Team", from.getPersonal());
        assertEquals(USER, from.getAddress());
        assertTrue(mail.getHeader("From")[0].startsWith("=?UTF-8?"), "display name is RFC 2047 encoded");
        assertEquals("Mailroom Mail Test", mail.getSubject());
        assertEquals("Mailroom mail is working! ü", mail.getContent().toString().strip());
        assertEquals(RECIPIENT, ((InternetAddress) mail.getAllRecipients()[0]).getAddress());
        assertEquals("<" + USER + ">", mail.getHeader("Return-Path")[0], "envelope sender");

        String expectedMechanism = mechanism == AuthMechanism.LOGIN ? "LOGIN" : "PLAIN";
        assertTrue(result.transcript().contains("C: AUTH " + expectedMechanism + " <redacted>"), result::toString);
        assertTrue(result.transcript().contains("C: MAIL FROM:<" + USER + ">"), result::toString);
        assertTrue(result.transcript().contains("C: <message content left out>"), result::toString);
        assertFalse(
                result.transcript().stream().anyMatch(l -> l.contains("Mailroom mail is working")),
                "the body is not in the transcript");
        assertTrue(result.transcript().get(0).startsWith("S: 220 "), result::toString);
        assertTrue(result.transcript().contains("C: EHLO mailroom.test"), result::toString);
        assertNoSecret(result, PASSWORD);
    }

    @Test
    void wrongPasswordFailsAtAuthWithTheServersReply() {
        String wrong = "not-the-password";
        ProbeResult result = probe.send(
                Targets.on(smtp()).basic(USER, wrong, AuthMechanism.AUTO).build(), RECIPIENT, "s", "b");

        assertFalse(result.success());
        assertEquals(Stage.AUTH, result.stage());
        assertEquals(535, result.smtpCode());
        assertTrue(
                result.message().english().startsWith("535 5.7.8"),
                result.message().english());
        assertTrue(
                result.message().english().contains("Authentication credentials invalid"),
                result.message().english());
        assertEquals(Hints.BAD_PASSWORD, result.hint());
        assertTrue(result.transcript().contains("S: " + result.message().english()), result::toString);
        assertEquals(0, greenMail.getReceivedMessages().length);
        assertNoSecret(result, wrong);
    }

    @Test
    void oauthUsesXoauth2WithTheTokenAsPassword() {
        // GreenMail checks the XOAUTH2 bearer token against the user's password
        ProbeResult ok = probe.send(Targets.on(smtp()).oauth(USER, PASSWORD).build(), RECIPIENT, "s", "b");
        assertTrue(ok.success(), ok::toString);
        assertTrue(ok.transcript().contains("C: AUTH XOAUTH2 <redacted>"), ok::toString);
        assertNoSecret(ok, PASSWORD);

        String badToken = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.bad";
        ProbeResult bad = probe.send(Targets.on(smtp()).oauth(USER, badToken).build(), RECIPIENT, "s", "b");
        assertEquals(Stage.AUTH, bad.stage());
        assertEquals(535, bad.smtpCode());
        assertEquals(Hints.BAD_TOKEN, bad.hint());
        assertNoSecret(bad, badToken);
    }

    @Test
    void checkAuthenticatesWithoutSendingMail() {
        ProbeResult result = probe.check(
                Targets.on(smtp()).basic(USER, PASSWORD, AuthMechanism.AUTO).build());

        assertTrue(result.success(), result::toString);
        assertEquals(235, result.smtpCode());
        assertFalse(result.transcript().stream().anyMatch(l -> l.startsWith("C: MAIL")), result::toString);
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void starttlsAgainstAServerWithoutStarttlsFailsAtTlsAndSendsNothingInClearText() {
        ProbeResult result = probe.send(
                Targets.on(smtp())
                        .tls(TlsMode.STARTTLS)
                        .basic(USER, PASSWORD, AuthMechanism.AUTO)
                        .build(),
                RECIPIENT,
                "s",
                "b");

        assertEquals(Stage.TLS, result.stage(), result::toString);
        assertEquals(Hints.NO_STARTTLS, result.hint());
        assertTrue(
                result.message().english().contains("does not offer STARTTLS"),
                result.message().english());
        assertFalse(
                result.transcript().stream().anyMatch(l -> l.startsWith("C: AUTH") || l.startsWith("C: MAIL")),
                result::toString);
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void implicitTlsSendsOverSmtpsOnceTheCaIsTrusted() throws Exception {
        int smtps = greenMail.getSmtps().getPort();

        ProbeResult untrusted = probe.send(
                Targets.on(smtps)
                        .tls(TlsMode.IMPLICIT)
                        .basic(USER, PASSWORD, AuthMechanism.AUTO)
                        .build(),
                RECIPIENT,
                "s",
                "b");
        assertEquals(Stage.TLS, untrusted.stage(), untrusted::toString);
        assertEquals(Hints.UNTRUSTED, untrusted.hint());
        assertEquals(0, greenMail.getReceivedMessages().length);

        ProbeResult trusted = probe.send(
                Targets.on(smtps)
                        .tls(TlsMode.IMPLICIT)
                        .trust(pki.caPem())
                        .basic(USER, PASSWORD, AuthMechanism.AUTO)
                        .build(),
                RECIPIENT,
                "s",
                "b");
        assertTrue(trusted.success(), trusted::toString);
        assertEquals(1, greenMail.getReceivedMessages().length);
    }

    @Test
    void implicitTlsAgainstAPlainPortFailsAtTls() {
        ProbeResult result = probe.send(Targets.on(smtp()).tls(TlsMode.IMPLICIT).build(), RECIPIENT, "s", "b");

        assertEquals(Stage.TLS, result.stage(), result::toString);
        assertEquals(Hints.NOT_TLS, result.hint());
    }

    static void assertNoSecret(ProbeResult result, String secret) {
        String everything =
                String.join("\n", result.transcript()) + "\n" + result.message().english() + "\n" + result;
        assertFalse(everything.contains(secret), "the secret leaked: " + everything);
        byte[] utf8 = secret.getBytes(StandardCharsets.UTF_8);
        assertFalse(everything.contains(Base64.getEncoder().encodeToString(utf8)), "base64 of the secret leaked");
        for (String user : new String[] {"", USER}) {
            String plain = Base64.getEncoder()
                    .encodeToString((user + "\0" + USER + "\0" + secret).getBytes(StandardCharsets.UTF_8));
            assertFalse(everything.contains(plain), "the AUTH PLAIN response leaked");
        }
        String xoauth2 = Base64.getEncoder()
                .encodeToString(
                        ("user=" + USER + "\001auth=Bearer " + secret + "\001\001").getBytes(StandardCharsets.UTF_8));
        assertFalse(everything.contains(xoauth2), "the XOAUTH2 response leaked");
    }
}
