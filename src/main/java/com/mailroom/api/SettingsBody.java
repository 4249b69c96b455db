package com.mailroom.api;

import com.mailroom.oauth.entity.ClientAuth;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /api/v1/smtp/settings} and {@code POST /api/v1/smtp/test}: {@link SmtpConfig}'s values by
 * their JSON names, and the write-only secrets. It is laid over the stored values as a JSON Merge Patch (RFC 7396):
 * an absent field keeps the stored value, null clears it. The stored JSON never holds a secret, so an absent or null
 * secret stays null in the form, which keeps the stored one; "" clears it, a value replaces it.
 * <p>
 * The fields both this API and the peer's 4.0 have come first: errors are named in this order, as they always were.
 */
@Schema(
        description = "SMTP settings to lay over the stored ones (JSON Merge Patch, docs/api.md \"Settings\"): an"
                + " absent field keeps the stored value, null clears it. Absent or null secrets keep the stored secret"
                + " as long as the re-entry rule allows (server, port, TLS mode and username unchanged), \"\" clears"
                + " it.")
public record SettingsBody(
        @Schema(description = "true: the operator's relay; false: the fields below.")
        boolean defaultSmtp,

        @Schema(description = "Mail server: a host name, IPv4 or IPv6 address.", maxLength = 253)
        String address,

        @Schema(description = "1-65535; null: the TLS mode's default (25, 587, 465).")
        Integer port,

        @Schema(description = "The sender, `a@b.c` or `Name <a@b.c>`.", example = "Reports <reports@example.com>")
        String from,

        @Schema(description = "For basic and OAuth; for OAuth the mailbox that sends.", maxLength = 320)
        String userName,

        @Schema(description = "Write-only (basic).", maxLength = 1024, writeOnly = true)
        String password,

        @Schema(description = "OAuth 2.0 client ID.", maxLength = 256)
        String clientId,

        @Schema(description = "Write-only (OAuth).", maxLength = 4096, writeOnly = true)
        String clientSecret,

        @Schema(description = "How the OAuth client proves its identity; default client_secret.")
        ClientAuth oauthClientAuth,

        @Schema(
                description = "Write-only (oauth_client_auth certificate): the app's certificate, PEM; entered"
                        + " together with client_private_key.",
                maxLength = 16384,
                writeOnly = true)
        String clientCertificate,

        @Schema(
                description = "Write-only: the certificate's RSA private key, PEM (PKCS#8 or PKCS#1, unencrypted).",
                maxLength = 16384,
                writeOnly = true)
        String clientPrivateKey,

        @Schema(
                description = "Write-only (oauth_client_auth service_account): the Google service account's JSON key;"
                        + " client_id and token_endpoint are taken from it.",
                maxLength = 16384,
                writeOnly = true)
        String serviceAccountKey,

        @Schema(description = "OAuth token URL, absolute https://.", maxLength = 2048)
        String tokenEndpoint,

        @Schema(description = "OAuth scopes separated by spaces.", maxLength = 1024)
        String scopes,

        @Schema(description = "Any case.") TlsMode tlsMode,
        @Schema(description = "Also written TLSv1.2.") TlsVersion tlsVersion,

        @Schema(description = "CA certificates (PEM) to trust besides the JDK's.", maxLength = 65536)
        String trustedCaPem,

        @Schema(description = "Any case.") AuthType authType,
        @Schema(description = "For basic authentication.") AuthMechanism authMechanism,

        @Schema(description = "1-100000: at most this many mails a minute, all nodes together; null: no limit.")
        Integer maxMailsPerMinute) {

    /**
     * The fields of the GET answer that no body changes: accepted with any value and ignored, so that the answer can
     * be sent back. A precondition is If-Match's business, not {@code version}'s.
     */
    static final Set<String> READ_ONLY = Set.of(
            "version",
            "password_set",
            "client_secret_set",
            "client_certificate_set",
            "certificate_subject",
            "certificate_thumbprint",
            "certificate_expires_at",
            "service_account_key_set",
            "service_account_client_id",
            "service_account_key_id",
            "updated_at",
            "updated_by");

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
        form.setClientCertificate(merged.getString("client_certificate", null));
        form.setClientPrivateKey(merged.getString("client_private_key", null));
        form.setServiceAccountKey(merged.getString("service_account_key", null));
    }

    static JsonObject without(JsonObject json, Set<String> names) {
        JsonObjectBuilder rest = Json.createObjectBuilder(json);
        names.forEach(rest::remove);
        return rest.build();
    }
}
