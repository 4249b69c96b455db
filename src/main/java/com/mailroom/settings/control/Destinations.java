package com.mailroom.settings.control;

import com.mailroom.oauth.control.TokenRequest;
import com.mailroom.platform.NodeName;
import com.mailroom.platform.Text;
import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.Stage;
import com.mailroom.sending.control.Timeouts;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.settings.control.ReentryRule.Decision;
import com.mailroom.settings.entity.SmtpConfig;
import com.mailroom.settings.entity.SmtpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where mail goes, built where the settings live: the custom settings (saved, or an accepted unsaved form with the
 * stored secrets the re-entry rule lets it keep) or the operator's {@link DefaultRelay}, with the configured
 * timeouts. Secrets are decrypted here and nowhere else.
 */
@ApplicationScoped
public class Destinations {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    DefaultRelay relay;

    @Inject
    @ConfigProperty(name = "mailroom.smtp.connect-timeout-ms", defaultValue = "10000")
    int connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "mailroom.smtp.read-timeout-ms", defaultValue = "10000")
    int readTimeoutMs;

    @Inject
    @ConfigProperty(name = "mailroom.smtp.write-timeout-ms", defaultValue = "10000")
    int writeTimeoutMs;

    /** How the client secret is presented to the token endpoint: {@code form} (default) or {@code basic}. */
    @Inject
    @ConfigProperty(name = "mailroom.oauth.client-authentication", defaultValue = "form")
    String clientAuthentication;

    /** Where the saved settings send now (read per call, so a save takes effect at once). */
    public Destination current() {
        return stored(em.find(SmtpSettings.class, SmtpSettings.ID));
    }

    /** The saved settings as they are now, for one delivery round: first its {@link #limits}, then where it sends. */
    public SmtpSettings saved() {
        return em.find(SmtpSettings.class, SmtpSettings.ID);
    }

    /**
     * What limits sending with these settings, without decrypting a secret: the maximum per minute and the server
     * (host:port, lower case) they send to.
     */
    public SendLimits limits(SmtpSettings s) {
        SmtpConfig c = s.getConfig();
        return limits(c, c.isDefaultSmtp() ? relay.destination(timeouts()).target() : null);
    }

    /** @param relay the default relay's target, when the settings use it (null: none configured, or custom) */
    static SendLimits limits(SmtpConfig c, SmtpTarget relay) {
        String server;
        if (c.isDefaultSmtp()) {
            server = relay == null ? null : relay.host() + ":" + relay.port();
        } else {
            server = c.getAddress() == null ? null : c.getAddress() + ":" + c.effectivePort();
        }
        return new SendLimits(c.getMaxMailsPerMinute(), server == null ? null : server.toLowerCase(Locale.ROOT));
    }

    /** Where the stored settings send. */
    public Destination stored(SmtpSettings s) {
        if (s.getConfig().isDefaultSmtp()) {
            return relay.destination(timeouts());
        }
        try {
            return custom(
                    s.getConfig(),
                    decrypt(s.getPasswordCiphertext(), SecretCipher.SMTP_PASSWORD),
                    decrypt(s.getClientSecretCiphertext(), SecretCipher.SMTP_CLIENT_SECRET));
        } catch (SecretCipher.Undecryptable undecryptable) {
            return Destination.unusable(Stage.AUTH, undecryptable.text());
        }
    }

    /** Where an accepted, unsaved form would send; stored secrets only where the re-entry rule keeps them. */
    public Destination unsaved(SmtpSettings stored, SettingsCheck.Accepted accepted) {
        var f = accepted.form();
        if (f.getConfig().isDefaultSmtp()) {
            return relay.destination(timeouts());
        }
        try {
            return custom(
                    f.getConfig(),
                    secret(
                            accepted.password(),
                            f.getPassword(),
                            stored.getPasswordCiphertext(),
                            SecretCipher.SMTP_PASSWORD),
                    secret(
                            accepted.clientSecret(),
                            f.getClientSecret(),
                            stored.getClientSecretCiphertext(),
                            SecretCipher.SMTP_CLIENT_SECRET));
        } catch (SecretCipher.Undecryptable undecryptable) {
            return Destination.unusable(Stage.AUTH, undecryptable.text());
        }
    }

    /** The settings' values as an SMTP target: the one mapping from settings to the wire. */
    static SmtpTarget target(SmtpConfig c, String secret, Timeouts timeouts) {
        return new SmtpTarget(
                c.getAddress(),
                c.effectivePort(),
                c.getTlsMode(),
                c.getTlsVersion(),
                c.getTrustedCaPem(),
                c.getAuthType(),
                c.getAuthMechanism(),
                c.getUserName(),
                secret,
                c.getFrom(),
                timeouts,
                NodeName.get());
    }

    /** The settings' OAuth 2.0 values as the request for an access token. */
    static TokenRequest tokenRequest(SmtpConfig c, String clientSecret, TokenRequest.ClientAuthentication method) {
        return new TokenRequest(
                URI.create(c.getTokenEndpoint() == null ? "" : c.getTokenEndpoint()),
                c.getClientId(),
                clientSecret,
                c.getScopes(),
                method);
    }

    private Destination custom(SmtpConfig c, String password, String clientSecret) {
        if (c.getAddress() == null || c.getFrom() == null) {
            return Destination.unusable(Stage.CONNECT, Text.of("failure.customIncomplete"));
        }
        var target = target(c, c.getAuthType() == AuthType.BASIC ? password : null, timeouts());
        if (c.getAuthType() != AuthType.OAUTH) {
            return Destination.of(target, null);
        }
        try {
            var method = "basic".equalsIgnoreCase(clientAuthentication)
                    ? TokenRequest.ClientAuthentication.BASIC
                    : TokenRequest.ClientAuthentication.FORM_BODY;
            return Destination.of(target, tokenRequest(c, clientSecret, method));
        } catch (IllegalArgumentException incomplete) {
            return Destination.unusable(Stage.TOKEN, Text.of("failure.oauthIncomplete", incomplete.getMessage()));
        }
    }

    private String secret(Decision decision, String supplied, String storedCiphertext, String purpose) {
        return switch (decision.outcome()) {
            case REPLACE -> supplied;
            case KEEP -> decrypt(storedCiphertext, purpose);
            case CLEAR, NONE -> null;
        };
    }

    private Timeouts timeouts() {
        return new Timeouts(connectTimeoutMs, readTimeoutMs, writeTimeoutMs);
    }

    private String decrypt(String ciphertext, String purpose) {
        return ciphertext == null ? null : cipher.decrypt(ciphertext, purpose);
    }
}
