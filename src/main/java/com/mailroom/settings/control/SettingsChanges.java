package com.mailroom.settings.control;

import com.mailroom.settings.entity.SmtpConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which settings a save changed, by their JSON names, for the audit trail. Names only, never values: a secret's
 * value must not reach the trail, and a name list cannot leak one by mistake.
 */
public final class SettingsChanges {

    /** The values by their JSON names, in the API's order. */
    static final Map<String, Function<SmtpConfig, Object>> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("default_smtp", SmtpConfig::isDefaultSmtp);
        VALUES.put("address", SmtpConfig::getAddress);
        VALUES.put("port", SmtpConfig::effectivePort);
        VALUES.put("from", SmtpConfig::getFrom);
        VALUES.put("user_name", SmtpConfig::getUserName);
        VALUES.put("oauth_client_auth", SmtpConfig::getOauthClientAuth);
        VALUES.put("client_id", SmtpConfig::getClientId);
        VALUES.put("token_endpoint", SmtpConfig::getTokenEndpoint);
        VALUES.put("scopes", SmtpConfig::getScopes);
        VALUES.put("tls_mode", SmtpConfig::getTlsMode);
        VALUES.put("tls_version", SmtpConfig::getTlsVersion);
        VALUES.put("trusted_ca_pem", SmtpConfig::getTrustedCaPem);
        VALUES.put("auth_type", SmtpConfig::getAuthType);
        VALUES.put("auth_mechanism", SmtpConfig::getAuthMechanism);
        VALUES.put("max_mails_per_minute", SmtpConfig::getMaxMailsPerMinute);
    }

    private SettingsChanges() {}

    /**
     * @param secretsChanged per secret's JSON name, whether the save replaced it or cleared a stored one
     * @return e.g. {@code [address, port, password]}
     */
    public static List<String> names(SmtpConfig before, SmtpConfig after, Map<String, Boolean> secretsChanged) {
        List<String> names = new ArrayList<>();
        VALUES.forEach((name, value) -> {
            if (!Objects.equals(value.apply(before), value.apply(after))) {
                names.add(name);
            }
        });
        secretsChanged.forEach((name, changed) -> {
            if (changed) {
                names.add(name);
            }
        });
        return names;
    }
}
