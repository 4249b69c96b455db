package com.mailroom.api;

import com.mailroom.platform.WireEnum;
import com.mailroom.settings.control.SettingsForm;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import jakarta.json.JsonObject;
import java.util.Set;

/**
 * Lays a v1 settings body over a form holding the stored values: present fields replace, absent ones keep, so a
 * client may send only what it changes or the whole GET answer back. Read-only fields of the GET answer, {@code version}
 * among them, are accepted and ignored: a precondition is the If-Match header's business, so a PUT without one is
 * last-writer-wins even when it carries the version it was read at.
 */
final class SettingsJson {

    static final Set<String> FIELDS = Set.of("default_smtp", "address", "port", "from", "user_name", "password",
            "tls_mode", "tls_version", "trusted_ca_pem", "auth_type", "auth_mechanism", "client_id", "client_secret",
            "token_endpoint", "scopes",
            "version", "password_set", "client_secret_set", "updated_at", "updated_by");

    private SettingsJson() {
    }

    /** @throws com.mailroom.errors.InvalidInput for unknown fields and values of the wrong type */
    static void overlay(JsonObject json, SettingsForm form) {
        var fields = new JsonFields(json, FIELDS);
        shared(fields, form);
        var c = form.getConfig();
        fields.choice("tls_mode", v -> WireEnum.parse(TlsMode.class, v), WireEnum.allowed(TlsMode.class), c::setTlsMode);
        fields.choice("tls_version", TlsVersion::fromWire, TlsVersion.allowed(), c::setTlsVersion);
        fields.string("trusted_ca_pem", c::setTrustedCaPem);
        fields.choice("auth_type", v -> WireEnum.parse(AuthType.class, v), WireEnum.allowed(AuthType.class), c::setAuthType);
        fields.choice("auth_mechanism", v -> WireEnum.parse(AuthMechanism.class, v), WireEnum.allowed(AuthMechanism.class), c::setAuthMechanism);
        fields.throwIfInvalid();
    }

    /** The fields v1 and the peer's API 4.0 share, by name and meaning. */
    static void shared(JsonFields fields, SettingsForm form) {
        var c = form.getConfig();
        fields.bool("default_smtp", c::setDefaultSmtp);
        fields.string("address", c::setAddress);
        fields.integer("port", c::setPort);
        fields.string("from", c::setFrom);
        fields.string("user_name", c::setUserName);
        fields.string("password", form::setPassword);
        fields.string("client_id", c::setClientId);
        fields.string("client_secret", form::setClientSecret);
        fields.string("token_endpoint", c::setTokenEndpoint);
        fields.string("scopes", c::setScopes);
    }
}
