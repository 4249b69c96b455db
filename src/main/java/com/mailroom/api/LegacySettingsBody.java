package com.mailroom.api;

import com.mailroom.platform.WireEnum;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.control.SettingsForm;
import com.mailroom.settings.entity.SmtpConfig;
import jakarta.annotation.Nullable;
import jakarta.json.JsonObject;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The peer's API 4.0 smtp_settings body (docs/api.md "Compatibility with the peer's API 4.0"), laid over the settings
 * as a v1 body is: the fields both have mean
 * the same. {@code enable_starttls_auto} true is STARTTLS; false is implicit TLS on port 465 and no TLS elsewhere (the
 * peer has no third choice); {@code ssl_version} TLSv1_2 → TLSv1_2, SSLv23 → TLSv1_2_OR_NEWER, TLSv1_1 refused; an
 * absent or null {@code auth_type} means basic when {@code user_name} is set, else none.
 */
@Schema(
        description = "SMTP settings with the peer's fields, laid over the stored ones like a v1 PUT"
                + " (docs/api.md \"Compatibility with the peer's API 4.0\").")
public record LegacySettingsBody(
        boolean defaultSmtp,
        String address,
        Integer port,
        String from,
        String userName,
        String password,
        String clientId,
        String clientSecret,
        String tokenEndpoint,
        String scopes,

        @Schema(description = "true: STARTTLS; false: implicit TLS on port 465, else none.")
        Boolean enableStarttlsAuto,

        @Schema(description = "TLSv1_2 is TLS 1.2, SSLv23 TLS 1.2 or newer; older versions are refused.")
        SslVersion sslVersion,

        @Schema(description = "Absent or null: basic when user_name is set, else none.") @Nullable
        PeerAuthType authType) {

    private static final Set<String> OWN = Set.of("enable_starttls_auto", "ssl_version", "auth_type");

    /** TLSv1_2 is TLS 1.2, SSLv23 (OpenSSL's "any version") TLS 1.2 or newer. */
    enum SslVersion {
        TLSv1_2,
        SSLv23;

        static final String ALLOWED = "TLSv1_2, SSLv23";

        /** In any case, TLSv1.2 too; TLS 1.1 and older are refused with {@link TlsVersion}'s reason. */
        static Optional<SslVersion> fromWire(String value) {
            return value.equalsIgnoreCase(SSLv23.name())
                    ? Optional.of(SSLv23)
                    : TlsVersion.fromWire(value)
                            .filter(v -> v == TlsVersion.TLSv1_2)
                            .map(v -> TLSv1_2);
        }
    }

    /** The peer has no "none": that is an absent auth_type without a user name. */
    enum PeerAuthType implements WireEnum {
        BASIC,
        OAUTH
    }

    /** @throws com.mailroom.errors.InvalidInput for unknown fields and wrong types, before anything is changed */
    static Consumer<SettingsForm> changes(JsonObject body) {
        JsonObject checked = JsonRecords.check(body, LegacySettingsBody.class);
        LegacySettingsBody legacy = JsonbConfiguration.JSONB.fromJson(checked.toString(), LegacySettingsBody.class);
        JsonObject patch = SettingsBody.without(checked, OWN);
        return form -> {
            SettingsBody.merge(patch, form);
            legacy.apply(form.getConfig());
        };
    }

    /** After the shared fields, so that the TLS mode sees this body's port and the auth type its user name. */
    private void apply(SmtpConfig c) {
        if (enableStarttlsAuto != null) {
            boolean implicit = Integer.valueOf(465).equals(c.getPort());
            c.setTlsMode(enableStarttlsAuto ? TlsMode.STARTTLS : implicit ? TlsMode.IMPLICIT : TlsMode.NONE);
        }
        if (sslVersion != null) {
            c.setTlsVersion(sslVersion == SslVersion.SSLv23 ? TlsVersion.TLSv1_2_OR_NEWER : TlsVersion.TLSv1_2);
        }
        boolean hasUser = c.getUserName() != null && !c.getUserName().isBlank();
        c.setAuthType(authType != null ? AuthType.valueOf(authType.name()) : hasUser ? AuthType.BASIC : AuthType.NONE);
    }
}
