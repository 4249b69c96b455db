package com.mailroom.sending.control;

import com.mailroom.platform.Text;
import com.mailroom.sending.entity.AuthType;
import java.util.Locale;

/** Short, actionable hints for the ways an SMTP conversation fails (the sentences are in the messages bundle). */
final class Hints {

    static final Text BASIC_AUTH_DISABLED = Text.of("hint.basicAuthDisabled");
    static final Text BAD_PASSWORD = Text.of("hint.badPassword");
    static final Text BAD_TOKEN = Text.of("hint.badToken");
    static final Text STARTTLS_FIRST = Text.of("hint.starttlsFirst");
    static final Text AUTH_REQUIRED = Text.of("hint.authRequired");
    static final Text UNTRUSTED = Text.of("hint.untrusted");
    static final Text EXPIRED = Text.of("hint.expired");
    static final Text TLS_VERSION = Text.of("hint.tlsVersion");
    static final Text NO_STARTTLS = Text.of("hint.noStarttls");
    static final Text NOT_TLS = Text.of("hint.notTls");
    static final Text TLS_OTHER = Text.of("hint.tlsOther");
    static final Text BAD_CA = Text.of("hint.badCa");
    static final Text DNS = Text.of("hint.dns");
    static final Text REFUSED = Text.of("hint.refused");
    static final Text CONNECT_TIMEOUT = Text.of("hint.connectTimeout");
    static final Text READ_TIMEOUT = Text.of("hint.readTimeout");
    static final Text GREETING = Text.of("hint.greeting");
    static final Text NOT_SMTP = Text.of("hint.notSmtp");
    static final Text HOST_NOT_ALLOWED = Text.of("hint.hostNotAllowed");
    static final Text SENDER = Text.of("hint.sender");
    static final Text RELAY = Text.of("hint.relay");
    static final Text RECIPIENT = Text.of("hint.recipient");
    static final Text MESSAGE = Text.of("hint.message");
    static final Text MISSING_PASSWORD = Text.of("hint.missingPassword");
    static final Text MISSING_TOKEN = Text.of("hint.missingToken");
    static final Text NO_AUTH_OFFERED = Text.of("hint.noAuthOffered");
    static final Text SLOW_DOWN = Text.of("hint.slowDown");

    private Hints() {}

    /** For a certificate or handshake failure; {@code text} is every message of the exception chain. */
    static Text tls(String text, String host) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("starttls is required")) {
            return NO_STARTTLS;
        }
        if (t.contains("certificateexpired")
                || t.contains("certificatenotyetvalid")
                || t.contains("validity check failed")) {
            return EXPIRED;
        }
        if (t.contains("subject alternative")
                || t.contains("no name matching")
                || t.contains("server identity does not match")) {
            return Text.of("hint.certificateName", host);
        }
        if (t.contains("pkix") || t.contains("certification path")) {
            return UNTRUSTED;
        }
        if (isTlsVersion(t)) {
            return TLS_VERSION;
        }
        if (t.contains("unrecognized ssl message") || t.contains("plaintext connection")) {
            return NOT_TLS;
        }
        return TLS_OTHER;
    }

    static boolean isTlsVersion(String lowerText) {
        return lowerText.contains("protocol_version")
                || lowerText.contains("no appropriate protocol")
                || lowerText.contains("not accepted by client preferences")
                || lowerText.contains("4.7.66")
                || lowerText.contains("tls 1.0 and 1.1");
    }

    /** For a failure that the server's reply decided. */
    static Text reply(Stage stage, int code, String reply, AuthType authType) {
        String t = reply.toLowerCase(Locale.ROOT);
        if (t.contains("5.7.139") || t.contains("basic authentication is disabled")) {
            return BASIC_AUTH_DISABLED;
        }
        if (isTlsVersion(t)) {
            return TLS_VERSION;
        }
        if (code == 530 && t.contains("starttls")) {
            return STARTTLS_FIRST;
        }
        if (SlowDown.means(code, t)) {
            return SLOW_DOWN;
        }
        return switch (stage) {
            case AUTH -> authType == AuthType.OAUTH ? BAD_TOKEN : BAD_PASSWORD;
            case MAIL_FROM -> code == 530 ? AUTH_REQUIRED : SENDER;
            case RCPT_TO -> {
                if (code == 530) {
                    yield AUTH_REQUIRED;
                }
                yield t.contains("relay") ? RELAY : RECIPIENT;
            }
            case DATA -> MESSAGE;
            case TLS -> TLS_OTHER;
            default -> GREETING;
        };
    }

    /** When the server refused the access token with an error challenge (Gmail's way, RFC 7628). */
    static Text refusedToken(XOAuth2Challenge challenge) {
        return challenge.scope() == null || challenge.scope().isBlank()
                ? Text.of("hint.tokenRefused")
                : Text.of("hint.tokenRefused.scope", challenge.scope());
    }

    /** When the server's AUTH offer and the chosen mechanisms have nothing in common. */
    static Text mechanisms(String offered, String ours) {
        boolean xoauth2 = offered != null && offered.toUpperCase(Locale.ROOT).contains("XOAUTH2");
        return Text.of(xoauth2 ? "hint.mechanisms.xoauth2" : "hint.mechanisms", offered, ours);
    }
}
