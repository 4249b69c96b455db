package com.mailroom.sending.control;

import com.mailroom.sending.entity.AuthType;

import java.util.Locale;

/** Short, actionable English hints for the ways an SMTP conversation fails. */
final class Hints {

    static final String BASIC_AUTH_DISABLED = "The tenant has disabled basic authentication: switch to OAuth 2.0.";
    static final String BAD_PASSWORD = "The server rejected the username or password: check both"
            + " (for Microsoft 365 also that SMTP AUTH is enabled for the mailbox).";
    static final String BAD_TOKEN = "The server rejected the access token: check that the app has the SMTP.SendAsApp"
            + " permission with admin consent and that the username is the mailbox that sends.";
    static final String STARTTLS_FIRST = "The server requires TLS before login: choose STARTTLS.";
    static final String AUTH_REQUIRED = "The server requires authentication: choose basic or OAuth 2.0.";
    static final String UNTRUSTED = "The server's certificate is not trusted:"
            + " paste the issuing CA under Advanced › Trusted CA.";
    static final String EXPIRED = "The server's certificate has expired or is not yet valid:"
            + " the server's administrator must renew it.";
    static final String TLS_VERSION = "The server and Mailroom share no TLS version (too old or unsupported):"
            + " choose TLS 1.2 or newer; a server that offers only TLS 1.0/1.1 must be upgraded.";
    static final String NO_STARTTLS = "The server does not support STARTTLS: choose implicit TLS (port 465),"
            + " or none only on a trusted internal relay.";
    static final String NOT_TLS = "The server does not speak TLS on this port: choose STARTTLS (port 587) or none,"
            + " or use the server's implicit-TLS port (465).";
    static final String TLS_OTHER = "The TLS handshake failed: check the TLS mode, the TLS version and the"
            + " server's certificate.";
    static final String BAD_CA = "Paste the CA certificate in PEM form (-----BEGIN CERTIFICATE----- ...).";
    static final String DNS = "The host name cannot be resolved: check the host name (DNS).";
    static final String REFUSED = "Nothing accepted the connection: check host, port and firewall.";
    static final String CONNECT_TIMEOUT = "The connection timed out: check host, port and firewall.";
    static final String READ_TIMEOUT = "The server accepted the connection but did not answer in time: check that"
            + " host and port are an SMTP server (on port 465 choose implicit TLS) and the firewall,"
            + " or raise the read timeout.";
    static final String GREETING = "The server refused the session: check host and port, and that the server"
            + " accepts connections from this host.";
    static final String SENDER = "The server does not let this account send as the From address: use an address"
            + " the account may send as, or grant it send-as permission.";
    static final String RELAY = "The server does not relay for this connection: choose authentication"
            + " (or ask for this host to be allowed to relay).";
    static final String RECIPIENT = "The server rejected the recipient: check the recipient's address.";
    static final String MESSAGE = "The server rejected the message (size, content or policy):"
            + " check the server's limits and logs.";
    static final String MISSING_PASSWORD = "Enter the username and password.";
    static final String MISSING_TOKEN = "No access token: check the OAuth 2.0 client ID, client secret, token URL"
            + " and scopes.";
    static final String NO_AUTH_OFFERED = "The server offered no authentication (no AUTH in its EHLO reply):"
            + " choose authentication none if it relays without login, or STARTTLS if it offers AUTH only after TLS.";

    private Hints() {
    }

    /** For a certificate or handshake failure; {@code text} is every message of the exception chain. */
    static String tls(String text, String host) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("starttls is required")) {
            return NO_STARTTLS;
        }
        if (t.contains("certificateexpired") || t.contains("certificatenotyetvalid")
                || t.contains("validity check failed")) {
            return EXPIRED;
        }
        if (t.contains("subject alternative") || t.contains("no name matching")
                || t.contains("server identity does not match")) {
            return "The certificate does not name " + host + ": use the host name on the certificate.";
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
        return lowerText.contains("protocol_version") || lowerText.contains("no appropriate protocol")
                || lowerText.contains("not accepted by client preferences") || lowerText.contains("4.7.66")
                || lowerText.contains("tls 1.0 and 1.1");
    }

    /** For a failure that the server's reply decided. */
    static String reply(Stage stage, int code, String reply, AuthType authType) {
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
    static String refusedToken(XOAuth2Challenge challenge) {
        String scope = challenge.scope() == null || challenge.scope().isBlank() ? ""
                : " (it asks for scope " + challenge.scope() + ")";
        return "The server refused the access token" + scope + ", also a freshly fetched one: check that the token"
                + " is issued for the scope the server asks for, that the app may send as this mailbox (Google"
                + " Workspace: domain-wide delegation; Microsoft 365: SMTP.SendAsApp) and that the username is the"
                + " mailbox that sends.";
    }

    /** When the server's AUTH offer and the chosen mechanisms have nothing in common. */
    static String mechanisms(String offered, String ours) {
        String also = offered != null && offered.toUpperCase(Locale.ROOT).contains("XOAUTH2")
                ? " (it offers XOAUTH2: OAuth 2.0 would work)" : "";
        return "The server offers AUTH " + offered + " but not " + ours
                + ": choose a mechanism the server offers" + also + ".";
    }
}
