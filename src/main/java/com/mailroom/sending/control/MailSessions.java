package com.mailroom.sending.control;

import com.mailroom.platform.MailAddress;
import com.mailroom.sending.entity.AuthType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Builds Jakarta Mail sessions and the test message from a {@link SmtpTarget}.
 * <p>
 * Each call makes a fresh {@code Session.getInstance(props)}: the default session is shared by the whole server and
 * keeps the first properties it was given. Only the {@code smtp} transport is used; implicit TLS is
 * {@code mail.smtp.ssl.enable} rather than the {@code smtps} protocol, so every property has one prefix.
 */
public final class MailSessions {

    private static final String SMTP = "mail.smtp.";

    static {
        StreamProviderPin.pin();
    }

    private MailSessions() {}

    /**
     * @throws IllegalArgumentException when the trusted CA PEM cannot be read (the probe reports it at stage tls)
     */
    public static Session create(SmtpTarget target) {
        Properties p = new Properties();
        p.setProperty("mail.transport.protocol", "smtp");
        p.setProperty(SMTP + "host", target.host());
        p.setProperty(SMTP + "port", Integer.toString(target.port()));
        p.setProperty(
                SMTP + "connectiontimeout", Integer.toString(target.timeouts().connectMs()));
        p.setProperty(SMTP + "timeout", Integer.toString(target.timeouts().readMs()));
        p.setProperty(SMTP + "writetimeout", Integer.toString(target.timeouts().writeMs()));
        tls(target, p);
        auth(target, p);
        if (target.ehloHost() != null && !target.ehloHost().isBlank()) {
            p.setProperty(SMTP + "localhost", target.ehloHost().strip());
        }
        String sender = from(target).address();
        p.setProperty(SMTP + "from", sender);
        // the Message-ID's domain; without it Jakarta Mail asks the local resolver for this host's name
        p.setProperty("mail.from", sender);
        return Session.getInstance(p);
    }

    private static void tls(SmtpTarget target, Properties p) {
        switch (target.tlsMode()) {
            case NONE -> p.setProperty(SMTP + "starttls.enable", "false");
            case STARTTLS -> {
                p.setProperty(SMTP + "starttls.enable", "true");
                // fail when the server does not offer STARTTLS instead of going on in clear text
                p.setProperty(SMTP + "starttls.required", "true");
            }
            case IMPLICIT -> {
                p.setProperty(SMTP + "ssl.enable", "true");
                p.setProperty(SMTP + "starttls.enable", "false");
            }
        }
        // also set for mode none: Jakarta Mail starts TLS by itself when AUTH is answered with 530
        p.setProperty(
                SMTP + "ssl.protocols", String.join(" ", target.tlsVersion().protocols()));
        p.setProperty(SMTP + "ssl.checkserveridentity", "true");
        if (target.trustedCaPem() != null && !target.trustedCaPem().isBlank()) {
            p.put(SMTP + "ssl.socketFactory", TrustedCas.socketFactory(target.trustedCaPem()));
        }
        // a failing socket factory must not be retried with the default one: that second attempt would hide the error
        p.setProperty(SMTP + "socketFactory.fallback", "false");
    }

    private static void auth(SmtpTarget target, Properties p) {
        p.setProperty(SMTP + "auth", Boolean.toString(target.authType() != AuthType.NONE));
        String mechanisms = authMechanisms(target);
        if (mechanisms != null) {
            // an explicit list also keeps Jakarta Mail from trying DIGEST-MD5 or NTLM
            p.setProperty(SMTP + "auth.mechanisms", mechanisms);
        }
    }

    /** A transport for the session: Angus's, finishing XOAUTH2 exchanges that end in an error challenge. */
    public static XOAuth2Transport transport(Session session) {
        return new XOAuth2Transport(session);
    }

    /** The SASL mechanisms to try, in order, or null without authentication. */
    static String authMechanisms(SmtpTarget target) {
        return switch (target.authType()) {
            case NONE -> null;
            case OAUTH -> "XOAUTH2";
            case BASIC ->
                switch (target.authMechanism()) {
                    case AUTO -> "PLAIN LOGIN";
                    case PLAIN -> "PLAIN";
                    case LOGIN -> "LOGIN";
                };
        };
    }

    /** The From setting, validated where it was entered; a bad one (e.g. a mistyped default relay) is refused here. */
    static MailAddress from(SmtpTarget target) {
        var parsed = MailAddress.parse(target.from());
        if (!parsed.valid()) {
            throw new IllegalArgumentException("From: " + parsed.problem().english());
        }
        return parsed.value();
    }

    /** The test mail: UTF-8 throughout, the From display name encoded so that e.g. "Bücher Team" survives. */
    public static MimeMessage testMessage(
            Session session, SmtpTarget target, String recipient, String subject, String body)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        MailAddress from = from(target);
        try {
            message.setFrom(new InternetAddress(from.address(), from.displayName(), StandardCharsets.UTF_8.name()));
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient, true));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText(body, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.saveChanges();
        return message;
    }
}
