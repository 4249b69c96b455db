package com.mailroom.settings.control;

import com.mailroom.oauth.control.CertificateKey;
import com.mailroom.oauth.control.ClientCredential;
import com.mailroom.oauth.control.CredentialProblem;
import com.mailroom.oauth.control.ServiceAccountKey;
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
import com.nimbusds.jose.JWSAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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

    /** Which JWS algorithm signs an Entra ID client assertion: {@code RS256} (default) or {@code PS256}. */
    @Inject
    @ConfigProperty(name = "mailroom.oauth.assertion-algorithm", defaultValue = "RS256")
    String assertionAlgorithm;

    @Inject
    Clock clock;

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
            SmtpConfig c = s.getConfig();
            return custom(
                    c,
                    decrypt(s.getPasswordCiphertext(), SecretCipher.SMTP_PASSWORD),
                    oauthMaterial(
                            c,
                            s.getClientSecretCiphertext(),
                            s.getClientCertificateCiphertext(),
                            s.getServiceAccountKeyCiphertext()));
        } catch (SecretCipher.Undecryptable undecryptable) {
            return Destination.unusable(Stage.AUTH, undecryptable.text());
        }
    }

    /** The stored OAuth key material the settings' kind of client authentication uses, decrypted; null for none. */
    private String oauthMaterial(SmtpConfig c, String secret, String certificate, String serviceAccountKey) {
        return switch (c.getOauthClientAuth()) {
            case CLIENT_SECRET -> decrypt(secret, SecretCipher.SMTP_CLIENT_SECRET);
            case CERTIFICATE -> decrypt(certificate, SecretCipher.SMTP_CLIENT_CERTIFICATE);
            case SERVICE_ACCOUNT -> decrypt(serviceAccountKey, SecretCipher.SMTP_SERVICE_ACCOUNT_KEY);
        };
    }

    /** Where an accepted, unsaved form would send; stored secrets only where the re-entry rule keeps them. */
    public Destination unsaved(SmtpSettings stored, SettingsCheck.Accepted accepted) {
        var f = accepted.form();
        if (f.getConfig().isDefaultSmtp()) {
            return relay.destination(timeouts());
        }
        try {
            SmtpConfig c = f.getConfig();
            String material = switch (c.getOauthClientAuth()) {
                case CLIENT_SECRET ->
                    secret(
                            accepted.clientSecret(),
                            f.getClientSecret(),
                            stored.getClientSecretCiphertext(),
                            SecretCipher.SMTP_CLIENT_SECRET);
                case CERTIFICATE ->
                    secret(
                            accepted.certificate(),
                            accepted.newCertificate() == null
                                    ? null
                                    : accepted.newCertificate().stored(),
                            stored.getClientCertificateCiphertext(),
                            SecretCipher.SMTP_CLIENT_CERTIFICATE);
                case SERVICE_ACCOUNT ->
                    secret(
                            accepted.serviceAccountKey(),
                            f.getServiceAccountKey(),
                            stored.getServiceAccountKeyCiphertext(),
                            SecretCipher.SMTP_SERVICE_ACCOUNT_KEY);
            };
            return custom(
                    c,
                    secret(
                            accepted.password(),
                            f.getPassword(),
                            stored.getPasswordCiphertext(),
                            SecretCipher.SMTP_PASSWORD),
                    material);
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

    private Destination custom(SmtpConfig c, String password, String oauthMaterial) {
        if (c.getAddress() == null || c.getFrom() == null) {
            return Destination.unusable(Stage.CONNECT, Text.of("failure.customIncomplete"));
        }
        var target = target(c, c.getAuthType() == AuthType.BASIC ? password : null, timeouts());
        if (c.getAuthType() != AuthType.OAUTH) {
            return Destination.of(target, null);
        }
        try {
            return Destination.of(target, tokenRequest(c, oauthMaterial));
        } catch (IllegalArgumentException incomplete) {
            return Destination.unusable(Stage.TOKEN, Text.of("failure.oauthIncomplete", incomplete.getMessage()));
        } catch (CredentialProblem unreadable) {
            return Destination.unusable(Stage.TOKEN, Text.of("failure.oauthKeyUnreadable"));
        } catch (CertificateExpired expired) {
            return Destination.unusable(Stage.TOKEN, Text.of("failure.certificateExpired", expired.notAfter));
        }
    }

    /** The stored certificate ran out after it was saved: Entra ID would refuse it, so it is not even sent. */
    private static final class CertificateExpired extends Exception {
        private static final long serialVersionUID = 1L;
        private final String notAfter;

        CertificateExpired(Instant notAfter) {
            super(null, null, false, false);
            this.notAfter = notAfter.toString();
        }
    }

    /** The token request for the settings' kind of client authentication, with its (decrypted) material. */
    private TokenRequest tokenRequest(SmtpConfig c, String material) throws CredentialProblem, CertificateExpired {
        if (material == null) {
            throw new IllegalArgumentException(c.getOauthClientAuth().wireName() + " is required");
        }
        ClientCredential credential;
        switch (c.getOauthClientAuth()) {
            case CERTIFICATE -> {
                CertificateKey key = CertificateKey.ofStored(material);
                if (key.notAfter().isBefore(clock.instant())) {
                    throw new CertificateExpired(key.notAfter());
                }
                credential = new ClientCredential.Certificate(
                        key, "PS256".equalsIgnoreCase(assertionAlgorithm) ? JWSAlgorithm.PS256 : JWSAlgorithm.RS256);
            }
            case SERVICE_ACCOUNT ->
                credential = new ClientCredential.ServiceAccount(ServiceAccountKey.parse(material), c.getUserName());
            default ->
                credential = new ClientCredential.Secret(
                        material,
                        "basic".equalsIgnoreCase(clientAuthentication)
                                ? TokenRequest.ClientAuthentication.BASIC
                                : TokenRequest.ClientAuthentication.FORM_BODY);
        }
        return tokenRequest(c, credential);
    }

    /** The settings' OAuth 2.0 values as the request for an access token: the one mapping to the token URL. */
    static TokenRequest tokenRequest(SmtpConfig c, ClientCredential credential) {
        return new TokenRequest(
                URI.create(c.getTokenEndpoint() == null ? "" : c.getTokenEndpoint()),
                c.getClientId(),
                c.getScopes(),
                credential);
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
