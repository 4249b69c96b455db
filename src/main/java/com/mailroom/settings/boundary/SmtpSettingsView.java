package com.mailroom.settings.boundary;

import com.mailroom.settings.entity.SmtpConfig;
import com.mailroom.settings.entity.SmtpSettings;
import java.io.Serializable;
import java.time.temporal.ChronoUnit;

/** The settings as the API and the page show them: secrets only as "set" flags, never their values. */
public record SmtpSettingsView(
        boolean defaultSmtp,
        String address,
        Integer port,
        String from,
        String userName,
        boolean passwordSet,
        String tlsMode,
        String tlsVersion,
        String trustedCaPem,
        String authType,
        String authMechanism,
        String clientId,
        boolean clientSecretSet,
        String tokenEndpoint,
        String scopes,
        long version,
        String updatedAt,
        String updatedBy)
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
