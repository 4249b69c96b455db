package com.mailroom.settings.boundary;

import com.mailroom.settings.entity.CredentialFacts;
import com.mailroom.settings.entity.SmtpConfig;
import com.mailroom.settings.entity.SmtpSettings;
import java.io.Serializable;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The settings as the API and the page show them: secrets only as "set" flags, never their values. */
@Schema(
        description = "The SMTP settings (docs/api.md \"Settings\"). Secrets are never returned: password_set,"
                + " client_secret_set, client_certificate_set and service_account_key_set say whether one is stored.")
public record SmtpSettingsView(
        @Schema(required = true) boolean defaultSmtp,
        String address,

        @Schema(required = true, description = "The port used; never null.")
        Integer port,

        String from,
        String userName,
        boolean passwordSet,
        @Schema(required = true, ref = "TlsMode") String tlsMode,
        @Schema(required = true, ref = "TlsVersion") String tlsVersion,
        String trustedCaPem,
        @Schema(required = true, ref = "AuthType") String authType,
        @Schema(required = true, ref = "AuthMechanism") String authMechanism,

        @Schema(required = true, ref = "ClientAuth", description = "How the OAuth client proves its identity.")
        String oauthClientAuth,

        String clientId,
        boolean clientSecretSet,

        // no @Schema on a component whose name contains "set": Payara 6's scanner takes it for a setter and fails
        boolean clientCertificateSet,

        @Schema(description = "The stored certificate's subject, e.g. `CN=Mailroom`; null when none.")
        String certificateSubject,

        @Schema(description = "SHA-1 thumbprint, upper-case hex, as the Entra admin center shows it.")
        String certificateThumbprint,

        @Schema(description = "When the stored certificate expires, UTC.")
        String certificateExpiresAt,

        boolean serviceAccountKeySet,

        @Schema(description = "The service account's numeric client ID, for domain-wide delegation.")
        String serviceAccountClientId,

        @Schema(description = "The stored JSON key's private_key_id.")
        String serviceAccountKeyId,

        String tokenEndpoint,
        String scopes,

        @Schema(description = "At most this many mails a minute, all nodes together; null: no limit.")
        Integer maxMailsPerMinute,

        @Schema(required = true, description = "Raised by every save; the ETag is `\"<version>\"`.")
        long version,

        @Schema(description = "Last save, UTC, whole seconds; null before the first.")
        String updatedAt,

        @Schema(description = "Who saved last.") String updatedBy)
        implements Serializable {

    public static SmtpSettingsView of(SmtpSettings s) {
        SmtpConfig c = s.getConfig();
        CredentialFacts facts = s.getCredentialFacts();
        return new SmtpSettingsView(
                c.isDefaultSmtp(),
                c.getAddress(),
                c.getPort(),
                c.getFrom(),
                c.getUserName(),
                s.getPasswordCiphertext() != null,
                c.getTlsMode().wireName(),
                c.getTlsVersion().name(),
                c.getTrustedCaPem(),
                c.getAuthType().wireName(),
                c.getAuthMechanism().wireName(),
                c.getOauthClientAuth().wireName(),
                c.getClientId(),
                s.getClientSecretCiphertext() != null,
                s.getClientCertificateCiphertext() != null,
                facts.getCertificateSubject(),
                facts.getCertificateThumbprint(),
                utcSeconds(facts.getCertificateNotAfter()),
                s.getServiceAccountKeyCiphertext() != null,
                facts.getServiceAccountClientId(),
                facts.getServiceAccountKeyId(),
                c.getTokenEndpoint(),
                c.getScopes(),
                c.getMaxMailsPerMinute(),
                s.getVersion(),
                utcSeconds(s.getUpdatedAt()),
                s.getUpdatedBy());
    }

    private static String utcSeconds(OffsetDateTime time) {
        return time == null
                ? null
                : time.toInstant().truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
