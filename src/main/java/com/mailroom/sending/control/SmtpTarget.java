package com.mailroom.sending.control;

import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import java.util.Objects;

/**
 * Everything needed to talk to one SMTP server, independent of where the values came from (saved settings, the
 * unsaved form, the operator's default relay).
 *
 * @param host          the server's host name (or address); the certificate must name it
 * @param port          the TCP port
 * @param tlsMode       none, STARTTLS (required) or implicit TLS
 * @param tlsVersion    the TLS protocol versions to enable; null means TLS 1.2 or newer
 * @param trustedCaPem  PEM certificate(s) trusted in addition to the JDK's CAs, for this connection only; may be null
 * @param authType      none, basic or OAuth
 * @param authMechanism for basic: auto (PLAIN, then LOGIN), PLAIN or LOGIN; null means auto
 * @param username      the login name (for OAuth the mailbox that sends)
 * @param secret        the password for basic, the OAuth access token for OAuth; never printed
 * @param from          {@code Display Name <a@b.c>} or {@code a@b.c}, already validated
 * @param timeouts      connect, read and write timeouts; null means {@link Timeouts#DEFAULT}
 * @param ehloHost      the name sent with EHLO; null or blank leaves it to Jakarta Mail (the local host name)
 */
public record SmtpTarget(
        String host,
        int port,
        TlsMode tlsMode,
        TlsVersion tlsVersion,
        String trustedCaPem,
        AuthType authType,
        AuthMechanism authMechanism,
        String username,
        String secret,
        String from,
        Timeouts timeouts,
        String ehloHost) {

    public SmtpTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be 1-65535");
        }
        Objects.requireNonNull(tlsMode, "tlsMode");
        Objects.requireNonNull(authType, "authType");
        Objects.requireNonNull(from, "from");
        tlsVersion = tlsVersion == null ? TlsVersion.TLSv1_2_OR_NEWER : tlsVersion;
        authMechanism = authMechanism == null ? AuthMechanism.AUTO : authMechanism;
        timeouts = timeouts == null ? Timeouts.DEFAULT : timeouts;
    }

    /** The same target with another secret: the access token fetched for an OAuth 2.0 target. */
    public SmtpTarget withSecret(String newSecret) {
        return new SmtpTarget(
                host,
                port,
                tlsMode,
                tlsVersion,
                trustedCaPem,
                authType,
                authMechanism,
                username,
                newSecret,
                from,
                timeouts,
                ehloHost);
    }

    /** Like the generated one, but the secret shows only whether it is set: this string may end up in a log. */
    @Override
    public String toString() {
        return "SmtpTarget[host=" + host + ", port=" + port + ", tlsMode=" + tlsMode + ", tlsVersion=" + tlsVersion
                + ", trustedCaPem=" + (trustedCaPem == null || trustedCaPem.isBlank() ? "none" : "set")
                + ", authType=" + authType + ", authMechanism=" + authMechanism + ", username=" + username
                + ", secret=" + (secret == null || secret.isEmpty() ? "not set" : "set")
                + ", from=" + from + ", timeouts=" + timeouts + ", ehloHost=" + ehloHost + "]";
    }
}
