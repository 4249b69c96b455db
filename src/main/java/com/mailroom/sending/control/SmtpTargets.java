package com.mailroom.sending.control;

import com.mailroom.platform.WireEnum;
import com.mailroom.oauth.control.TokenRequest;
import com.mailroom.platform.NodeName;
import com.mailroom.settings.control.ReentryRule.Decision;
import com.mailroom.settings.control.SecretCipher;
import com.mailroom.settings.control.SettingsCheck;
import com.mailroom.settings.entity.AuthMechanism;
import com.mailroom.settings.entity.AuthType;
import com.mailroom.settings.entity.SmtpSettings;
import com.mailroom.settings.entity.TlsMode;
import com.mailroom.settings.entity.TlsVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where mail goes: the custom settings (saved, or an accepted unsaved form with the stored secrets the re-entry rule
 * lets it keep) or the operator's default relay ({@code mailroom.default-smtp.*}), with the configured timeouts.
 */
@ApplicationScoped
public class SmtpTargets {

    @Inject
    SecretCipher cipher;

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

    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.host")
    Optional<String> relayHost;
    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.port")
    Optional<Integer> relayPort;
    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.from")
    Optional<String> relayFrom;
    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.tls-mode", defaultValue = "starttls")
    String relayTlsMode;
    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.username")
    Optional<String> relayUsername;
    @Inject
    @ConfigProperty(name = "mailroom.default-smtp.password")
    Optional<String> relayPassword;

    /** Where the stored settings send. */
    public Destination stored(SmtpSettings s) {
        if (s.isDefaultSmtp()) {
            return defaultRelay();
        }
        try {
            return custom(s.getAddress(), s.getPort(), s.getTlsMode(), s.getTlsVersion(), s.getTrustedCaPem(),
                    s.getAuthType(), s.getAuthMechanism(), s.getUserName(), s.getFrom(),
                    decrypt(s.getPasswordCiphertext(), SecretCipher.SMTP_PASSWORD), s.getTokenEndpoint(), s.getClientId(),
                    decrypt(s.getClientSecretCiphertext(), SecretCipher.SMTP_CLIENT_SECRET), s.getScopes());
        } catch (IllegalStateException undecryptable) {
            return Destination.unusable(Stage.AUTH, undecryptable.getMessage());
        }
    }

    /** Where an accepted, unsaved form would send; stored secrets only where the re-entry rule keeps them. */
    public Destination unsaved(SmtpSettings stored, SettingsCheck.Accepted accepted) {
        var f = accepted.form();
        if (f.isDefaultSmtp()) {
            return defaultRelay();
        }
        try {
            return custom(f.getAddress(), f.effectivePort(), f.getTlsMode(), f.getTlsVersion(), f.getTrustedCaPem(),
                    f.getAuthType(), f.getAuthMechanism(), f.getUserName(), f.getFrom(),
                    secret(accepted.password(), f.getPassword(), stored.getPasswordCiphertext(), SecretCipher.SMTP_PASSWORD),
                    f.getTokenEndpoint(), f.getClientId(),
                    secret(accepted.clientSecret(), f.getClientSecret(), stored.getClientSecretCiphertext(), SecretCipher.SMTP_CLIENT_SECRET),
                    f.getScopes());
        } catch (IllegalStateException undecryptable) {
            return Destination.unusable(Stage.AUTH, undecryptable.getMessage());
        }
    }

    private String secret(Decision decision, String supplied, String storedCiphertext, String purpose) {
        return switch (decision.outcome()) {
            case REPLACE -> supplied;
            case KEEP -> decrypt(storedCiphertext, purpose);
            case CLEAR, NONE -> null;
        };
    }

    private Destination custom(String host, Integer port, TlsMode mode, TlsVersion version, String ca, AuthType auth,
                               AuthMechanism mechanism, String user, String from, String password,
                               String tokenEndpoint, String clientId, String clientSecret, String scopes) {
        if (host == null || from == null) {
            return Destination.unusable(Stage.CONNECT, "The custom settings have no mail server or no From address.");
        }
        var target = new SmtpTarget(host, port != null ? port : mode.defaultPort(), mode, version, ca, auth, mechanism,
                user, auth == AuthType.BASIC ? password : null, from, timeouts(), NodeName.get());
        if (auth != AuthType.OAUTH) {
            return new Destination(target, null, null, null);
        }
        try {
            var method = "basic".equalsIgnoreCase(clientAuthentication)
                    ? TokenRequest.ClientAuthentication.BASIC : TokenRequest.ClientAuthentication.FORM_BODY;
            return new Destination(target, new TokenRequest(URI.create(tokenEndpoint == null ? "" : tokenEndpoint),
                    clientId, clientSecret, scopes, method), null, null);
        } catch (IllegalArgumentException incomplete) {
            return Destination.unusable(Stage.TOKEN, "The OAuth 2.0 settings are incomplete: " + incomplete.getMessage()
                    + ". Enter the client ID, client secret and token URL.");
        }
    }

    private Destination defaultRelay() {
        if (relayHost.filter(h -> !h.isBlank()).isEmpty()) {
            return Destination.unusable(Stage.CONNECT, "\"Use default email settings\" is chosen, but the operator has configured no "
                    + "default relay (mailroom.default-smtp.host). Choose custom settings or ask the operator.");
        }
        TlsMode mode = WireEnum.parse(TlsMode.class, relayTlsMode).orElse(TlsMode.STARTTLS);
        boolean auth = relayUsername.filter(u -> !u.isBlank()).isPresent();
        SmtpTarget target;
        try {
            target = new SmtpTarget(relayHost.get().strip(), relayPort.orElse(mode.defaultPort()), mode,
                TlsVersion.TLSv1_2_OR_NEWER, null, auth ? AuthType.BASIC : AuthType.NONE, AuthMechanism.AUTO,
                relayUsername.orElse(null), relayPassword.orElse(null),
                relayFrom.orElse("Mailroom <mailroom@" + NodeName.get() + ">"), timeouts(), NodeName.get());
        } catch (IllegalArgumentException misconfigured) {
            return Destination.unusable(Stage.CONNECT, "The default relay is misconfigured (mailroom.default-smtp.*): "
                    + misconfigured.getMessage());
        }
        return new Destination(target, null, null, null);
    }

    private Timeouts timeouts() {
        return new Timeouts(connectTimeoutMs, readTimeoutMs, writeTimeoutMs);
    }

    private String decrypt(String ciphertext, String purpose) {
        return ciphertext == null ? null : cipher.decrypt(ciphertext, purpose);
    }

    /**
     * A target to talk to (with the token request when its OAuth 2.0 access token is still to be fetched), or why
     * there is none.
     */
    public record Destination(SmtpTarget target, TokenRequest oauth, Stage problemStage, String problem) {
        static Destination unusable(Stage stage, String problem) {
            return new Destination(null, null, stage, problem);
        }
    }
}
