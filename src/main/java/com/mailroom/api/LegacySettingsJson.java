package com.mailroom.api;

import com.mailroom.platform.WireEnum;
import com.mailroom.settings.control.SettingsForm;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import jakarta.json.JsonObject;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The peer's API 4.0 smtp_settings body, mapped onto the same form (SPEC §4): {@code enable_starttls_auto} true is
 * STARTTLS; false is implicit TLS on port 465 and no TLS elsewhere (the peer has no third choice);
 * {@code ssl_version} TLSv1_2 → TLSv1_2, SSLv23 → TLSv1_2_OR_NEWER, TLSv1_1 refused; an absent {@code auth_type}
 * means basic when {@code user_name} is set, else none.
 */
final class LegacySettingsJson {

    static final Set<String> FIELDS = Set.of("address", "from", "user_name", "password", "port",
            "enable_starttls_auto", "ssl_version", "auth_type", "client_id", "client_secret", "token_endpoint",
            "scopes", "default_smtp");

    private LegacySettingsJson() {
    }

    static void overlay(JsonObject json, SettingsForm form) {
        var fields = new JsonFields(json, FIELDS);
        SettingsJson.shared(fields, form);
        var c = form.getConfig();
        fields.bool("enable_starttls_auto", starttls -> c.setTlsMode(
                starttls ? TlsMode.STARTTLS : Integer.valueOf(465).equals(c.getPort()) ? TlsMode.IMPLICIT : TlsMode.NONE));
        fields.choice("ssl_version", LegacySettingsJson::sslVersion, "TLSv1_2, SSLv23", c::setTlsVersion);
        if (json.containsKey("auth_type") && !json.isNull("auth_type")) {
            fields.choice("auth_type", v -> WireEnum.parse(AuthType.class, v).filter(t -> t != AuthType.NONE), "basic, oauth", c::setAuthType);
        } else {
            boolean hasUser = c.getUserName() != null && !c.getUserName().isBlank();
            c.setAuthType(hasUser ? AuthType.BASIC : AuthType.NONE);
        }
        fields.throwIfInvalid();
    }

    private static Optional<TlsVersion> sslVersion(String value) {
        return switch (value.toUpperCase(Locale.ROOT)) {
            case "TLSV1_2" -> Optional.of(TlsVersion.TLSv1_2);
            case "SSLV23" -> Optional.of(TlsVersion.TLSv1_2_OR_NEWER);
            default -> TlsVersion.fromWire(value).filter(v -> v == TlsVersion.TLSv1_2);
        };
    }
}
