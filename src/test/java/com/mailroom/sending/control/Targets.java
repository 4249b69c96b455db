package com.mailroom.sending.control;

import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;

/** A readable way for tests to build {@link SmtpTarget}s on loopback with short timeouts. */
final class Targets {

    static final String FROM = "Bücher Team <sender@example.com>";
    static final Timeouts FAST = new Timeouts(2_000, 2_000, 2_000);

    private final int port;
    private TlsMode tlsMode = TlsMode.NONE;
    private TlsVersion tlsVersion = TlsVersion.TLSv1_2_OR_NEWER;
    private String ca;
    private AuthType authType = AuthType.NONE;
    private AuthMechanism mechanism = AuthMechanism.AUTO;
    private String username;
    private String secret;
    private Timeouts timeouts = FAST;

    private Targets(int port) {
        this.port = port;
    }

    static Targets on(int port) {
        return new Targets(port);
    }

    Targets tls(TlsMode mode) {
        tlsMode = mode;
        return this;
    }

    Targets version(TlsVersion version) {
        tlsVersion = version;
        return this;
    }

    Targets trust(String caPem) {
        ca = caPem;
        return this;
    }

    Targets basic(String user, String password, AuthMechanism m) {
        authType = AuthType.BASIC;
        username = user;
        secret = password;
        mechanism = m;
        return this;
    }

    Targets oauth(String mailbox, String token) {
        authType = AuthType.OAUTH;
        username = mailbox;
        secret = token;
        return this;
    }

    Targets timeouts(Timeouts t) {
        timeouts = t;
        return this;
    }

    SmtpTarget build() {
        return new SmtpTarget(
                "127.0.0.1",
                port,
                tlsMode,
                tlsVersion,
                ca,
                authType,
                mechanism,
                username,
                secret,
                FROM,
                timeouts,
                "mailroom.test");
    }
}
