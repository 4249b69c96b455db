package com.mailroom.sending.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.testsupport.*;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;

class MailSessionsTest {

    private static SmtpTarget target(TlsMode mode, AuthType auth, AuthMechanism mechanism, String ca) {
        return new SmtpTarget(
                "smtp.example.com",
                mode.defaultPort(),
                mode,
                TlsVersion.TLSv1_2,
                ca,
                auth,
                mechanism,
                "user",
                "secret",
                "Reports <reports@example.com>",
                new Timeouts(1_000, 2_000, 3_000),
                "app.example");
    }

    @Test
    void starttlsIsRequiredAndCertificatesAreAlwaysChecked() {
        Properties p = MailSessions.create(target(TlsMode.STARTTLS, AuthType.BASIC, AuthMechanism.AUTO, null))
                .getProperties();

        assertEquals("true", p.getProperty("mail.smtp.starttls.enable"));
        assertEquals("true", p.getProperty("mail.smtp.starttls.required"));
        assertEquals("true", p.getProperty("mail.smtp.ssl.checkserveridentity"));
        assertEquals("TLSv1.2", p.getProperty("mail.smtp.ssl.protocols"));
        assertNull(p.getProperty("mail.smtp.ssl.trust"), "never trust hosts blindly");
        assertNull(p.getProperty("mail.smtp.ssl.enable"));
        assertEquals("1000", p.getProperty("mail.smtp.connectiontimeout"));
        assertEquals("2000", p.getProperty("mail.smtp.timeout"));
        assertEquals("3000", p.getProperty("mail.smtp.writetimeout"));
        assertEquals("smtp.example.com", p.getProperty("mail.smtp.host"));
        assertEquals("587", p.getProperty("mail.smtp.port"));
        assertEquals("app.example", p.getProperty("mail.smtp.localhost"));
        assertEquals("reports@example.com", p.getProperty("mail.smtp.from"));
        assertEquals("true", p.getProperty("mail.smtp.auth"));
        assertEquals("PLAIN LOGIN", p.getProperty("mail.smtp.auth.mechanisms"));
    }

    @Test
    void implicitTlsIsSmtpWithSslEnabled() {
        Properties p = MailSessions.create(target(TlsMode.IMPLICIT, AuthType.BASIC, AuthMechanism.LOGIN, null))
                .getProperties();

        assertEquals("true", p.getProperty("mail.smtp.ssl.enable"));
        assertEquals("false", p.getProperty("mail.smtp.starttls.enable"), "no STARTTLS inside SMTPS");
        assertEquals("LOGIN", p.getProperty("mail.smtp.auth.mechanisms"));
    }

    @Test
    void oauthUsesXoauth2AndNoneDoesNotAuthenticate() {
        assertEquals(
                "XOAUTH2",
                MailSessions.create(target(TlsMode.STARTTLS, AuthType.OAUTH, null, null))
                        .getProperty("mail.smtp.auth.mechanisms"));
        Session none = MailSessions.create(target(TlsMode.NONE, AuthType.NONE, null, null));
        assertEquals("false", none.getProperty("mail.smtp.auth"));
        assertEquals("false", none.getProperty("mail.smtp.starttls.enable"));
        assertNull(none.getProperty("mail.smtp.auth.mechanisms"));
    }

    @Test
    void pastedCaBecomesAPerSessionSocketFactory() throws Exception {
        String pem = TestPki.create("Per Session CA").caPem();
        Session s = MailSessions.create(target(TlsMode.STARTTLS, AuthType.BASIC, AuthMechanism.PLAIN, pem));

        assertInstanceOf(SSLSocketFactory.class, s.getProperties().get("mail.smtp.ssl.socketFactory"));
        assertNotSame(SSLSocketFactory.getDefault(), s.getProperties().get("mail.smtp.ssl.socketFactory"));
        assertEquals("false", s.getProperty("mail.smtp.socketFactory.fallback"));
        assertThrows(
                IllegalArgumentException.class,
                () -> MailSessions.create(target(TlsMode.STARTTLS, AuthType.NONE, null, "-----BEGIN nonsense")));
    }

    @Test
    void eachTargetGetsItsOwnSession() {
        SmtpTarget t = target(TlsMode.NONE, AuthType.NONE, null, null);
        assertNotSame(MailSessions.create(t), MailSessions.create(t));
    }

    @Test
    void testMessageEncodesTheDisplayNameAndUsesUtf8() throws Exception {
        SmtpTarget t = new SmtpTarget(
                "h",
                25,
                TlsMode.NONE,
                null,
                null,
                AuthType.NONE,
                null,
                null,
                null,
                "Bücher Team <buecher@example.com>",
                null,
                null);
        MimeMessage m = MailSessions.testMessage(MailSessions.create(t), t, "admin@example.com", "Prüfung", "Grüße");

        assertEquals("=?UTF-8?Q?B=C3=BCcher_Team?= <buecher@example.com>", m.getHeader("From")[0]);
        assertEquals("Prüfung", m.getSubject());
        assertTrue(m.getContentType().contains("UTF-8"), m.getContentType());
        assertEquals("Grüße", m.getContent());
        assertEquals("admin@example.com", m.getAllRecipients()[0].toString());
    }

    @Test
    void targetToStringNeverShowsTheSecret() {
        String s = target(TlsMode.STARTTLS, AuthType.BASIC, AuthMechanism.AUTO, null)
                .toString();
        assertFalse(s.contains("secret=secret"), s);
        assertTrue(s.contains("secret=set"), s);
    }
}
