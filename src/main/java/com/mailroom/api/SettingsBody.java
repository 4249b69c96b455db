package com.mailroom.api;

import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.boundary.SmtpSettingsView;
import com.mailroom.settings.control.SettingsForm;
import com.mailroom.settings.entity.SmtpConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.util.HashSet;
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
public record SettingsBody(boolean defaultSmtp, String address, Integer port, String from, String userName, String password,
                           String clientId, String clientSecret, String tokenEndpoint, String scopes, TlsMode tlsMode,
                           TlsVersion tlsVersion, String trustedCaPem, AuthType authType, AuthMechanism authMechanism) {

    /**
     * What the GET answer shows but no body changes ({@code version}, {@code password_set}, …): accepted with any
     * value and ignored, so that the answer can be sent back. A precondition is If-Match's business.
     */
    static final Set<String> READ_ONLY = readOnly();

    /** @throws com.mailroom.errors.InvalidInput for unknown fields and wrong types, before anything is changed */
    static Consumer<SettingsForm> changes(JsonObject body) {
        JsonObjectBuilder editable = Json.createObjectBuilder(body);
        READ_ONLY.forEach(editable::remove);
        JsonObject patch = JsonRecords.check(editable.build(), SettingsBody.class);
        return form -> merge(patch, form);
    }

    /** Lays a checked patch over the form's values. */
    static void merge(JsonObject patch, SettingsForm form) {
        String stored = JsonbConfiguration.JSONB.toJson(form.getConfig());
        JsonObject merged = Json.createMergePatch(patch).apply(Json.createReader(new StringReader(stored)).readObject())
                .asJsonObject();
        form.setConfig(JsonbConfiguration.JSONB.fromJson(merged.toString(), SmtpConfig.class));
        form.setPassword(merged.getString("password", null));
        form.setClientSecret(merged.getString("client_secret", null));
    }

    private static Set<String> readOnly() {
        Set<String> names = new HashSet<>(JsonRecords.fields(SmtpSettingsView.class).keySet());
        names.removeAll(JsonRecords.fields(SettingsBody.class).keySet());
        return Set.copyOf(names);
    }
}
