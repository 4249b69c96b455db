package com.mailroom.settings.boundary;

import com.mailroom.settings.entity.SmtpSettings;
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
        String updatedBy) implements java.io.Serializable {

    static SmtpSettingsView of(SmtpSettings s) {
        return new SmtpSettingsView(s.isDefaultSmtp(), s.getAddress(), s.getPort(), s.getFrom(), s.getUserName(),
                s.getPasswordCiphertext() != null, s.getTlsMode().wireName(), s.getTlsVersion().name(),
                s.getTrustedCaPem(), s.getAuthType().wireName(), s.getAuthMechanism().wireName(), s.getClientId(),
                s.getClientSecretCiphertext() != null, s.getTokenEndpoint(), s.getScopes(), s.getVersion(),
                s.getUpdatedAt() == null ? null : s.getUpdatedAt().toInstant().truncatedTo(ChronoUnit.SECONDS).toString(),
                s.getUpdatedBy());
    }
}
