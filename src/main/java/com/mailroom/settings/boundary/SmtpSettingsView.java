package com.mailroom.settings.boundary;

import com.mailroom.settings.entity.SmtpConfig;
import com.mailroom.settings.entity.SmtpSettings;
import java.io.Serializable;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The settings as the API and the page show them: secrets only as "set" flags, never their values. */
@Schema(
        description = "The SMTP settings (docs/api.md \"Settings\"). Secrets are never returned: password_set and"
                + " client_secret_set say whether one is stored.")
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
        String clientId,
        boolean clientSecretSet,
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
                c.getClientId(),
                s.getClientSecretCiphertext() != null,
                c.getTokenEndpoint(),
                c.getScopes(),
                c.getMaxMailsPerMinute(),
                s.getVersion(),
                s.getUpdatedAt() == null
                        ? null
                        : s.getUpdatedAt()
                                .toInstant()
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString(),
                s.getUpdatedBy());
    }
}
