package com.mailroom.api;

import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.control.SettingsForm;
import com.mailroom.settings.entity.SmtpConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The body of {@code PUT /api/v1/smtp/settings} and {@code POST /api/v1/smtp/test}: {@link SmtpConfig}'s values by
 * their JSON names, and the write-only secrets. It is laid over the stored values as a JSON Merge Patch (RFC 7396):
 * an absent field keeps the stored value, null clears it. The stored JSON never holds a secret, so an absent or null
 * secret stays null in the form, which keeps the stored one; "" clears it, a value replaces it.
 * <p>
 * The fields both this API and the peer's 4.0 have come first: errors are named in this order, as they always were.
 */
public record SettingsBody(
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
        TlsMode tlsMode,
        TlsVersion tlsVersion,
        String trustedCaPem,
        AuthType authType,
        AuthMechanism authMechanism) {

    /**
     * The fields of the GET answer that no body changes: accepted with any value and ignored, so that the answer can
     * be sent back. A precondition is If-Match's business, not {@code version}'s.
     */
    static final Set<String> READ_ONLY =
            Set.of("version", "password_set", "client_secret_set", "updated_at", "updated_by");

    /** @throws com.mailroom.errors.InvalidInput for unknown fields and wrong types, before anything is changed */
    static Consumer<SettingsForm> changes(JsonObject body) {
        JsonObject patch = JsonRecords.check(without(body, READ_ONLY), SettingsBody.class);
        return form -> merge(patch, form);
    }

    /** Lays a checked patch over the form's values. */
    static void merge(JsonObject patch, SettingsForm form) {
        Jsonb jsonb = JsonbConfiguration.JSONB;
        JsonObject stored = jsonb.fromJson(jsonb.toJson(form.getConfig()), JsonObject.class);
        JsonObject merged = Json.createMergePatch(patch).apply(stored).asJsonObject();
        form.setConfig(jsonb.fromJson(merged.toString(), SmtpConfig.class));
        form.setPassword(merged.getString("password", null));
        form.setClientSecret(merged.getString("client_secret", null));
    }

    static JsonObject without(JsonObject json, Set<String> names) {
        JsonObjectBuilder rest = Json.createObjectBuilder(json);
        names.forEach(rest::remove);
        return rest.build();
    }
}
