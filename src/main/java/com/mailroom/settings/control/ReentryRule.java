package com.mailroom.settings.control;

import com.mailroom.errors.FieldError;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.settings.entity.SmtpConfig;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Stored credentials never follow a changed destination (docs/product.md R6). The password belongs to the
 * server it was entered for (host, port, TLS mode, username); the OAuth client credential (client secret,
 * certificate with its key, service account key) to that too plus the token URL and client ID it is used with. When any of these changes the stored secret is dropped: if the new settings
 * need it, the admin must enter it again (a 422 on that field), otherwise it is silently forgotten so that a
 * dormant secret cannot come back later for the new destination. Defaults are normalised before comparing.
 */
public final class ReentryRule {

    private ReentryRule() {}

    /** Where a secret would be sent; equal destinations may share a stored secret. */
    public record Destination(
            String host, int port, TlsMode tlsMode, String userName, String tokenEndpoint, String clientId) {

        /** Where the password goes: the server and the account. */
        public static Destination ofPassword(SmtpConfig c) {
            return new Destination(
                    normalHost(c.getAddress()), c.effectivePort(), c.getTlsMode(), c.getUserName(), null, null);
        }

        /**
         * Where the OAuth client credential (of any kind) goes: the server and account it serves, and the token URL and
         * client ID.
         */
        public static Destination ofClientSecret(SmtpConfig c) {
            return new Destination(
                    normalHost(c.getAddress()),
                    c.effectivePort(),
                    c.getTlsMode(),
                    c.getUserName(),
                    c.getTokenEndpoint(),
                    c.getClientId());
        }

        private static String normalHost(String host) {
            return host == null ? null : host.toLowerCase(Locale.ROOT);
        }
    }

    /** A stored secret: its JSON field and the codes of its two messages. */
    public enum Secret {
        PASSWORD("password", "field.password.required", "field.password.reenter"),
        CLIENT_SECRET("client_secret", "field.client_secret.required", "field.client_secret.reenter"),
        CLIENT_CERTIFICATE(
                "client_certificate", "field.client_certificate.required", "field.client_certificate.reenter"),
        SERVICE_ACCOUNT_KEY(
                "service_account_key", "field.service_account_key.required", "field.service_account_key.reenter");

        private final String field;
        private final String requiredCode;
        private final String reenterCode;

        /** The JSON field that names this secret in errors and in the audit trail. */
        public String field() {
            return field;
        }

        Secret(String field, String requiredCode, String reenterCode) {
            this.field = field;
            this.requiredCode = requiredCode;
            this.reenterCode = reenterCode;
        }
    }

    /** What happens to one secret when settings are saved or tested. */
    public enum Outcome {
        KEEP,
        REPLACE,
        CLEAR,
        NONE
    }

    /**
     * @param stored   whether a secret is stored now
     * @param supplied the submitted value: null keeps, "" clears, anything else replaces
     * @param required whether the new settings need this secret
     * @return the outcome, or the field error that stops the save or test
     */
    public static Decision decide(
            Secret secret, boolean stored, Destination before, Destination after, String supplied, boolean required) {
        if (supplied != null && !supplied.isEmpty()) {
            return Decision.of(Outcome.REPLACE);
        }
        if (supplied != null) {
            return required ? Decision.error(secret.field, secret.requiredCode) : Decision.of(Outcome.CLEAR);
        }
        if (!stored) {
            return required ? Decision.error(secret.field, secret.requiredCode) : Decision.of(Outcome.NONE);
        }
        if (Objects.equals(before, after)) {
            return Decision.of(Outcome.KEEP);
        }
        return required ? Decision.error(secret.field, secret.reenterCode) : Decision.of(Outcome.CLEAR);
    }

    public record Decision(Outcome outcome, FieldError error) {
        static Decision of(Outcome outcome) {
            return new Decision(outcome, null);
        }

        static Decision error(String field, String code) {
            return new Decision(null, FieldError.of(field, code));
        }

        public Optional<FieldError> problem() {
            return Optional.ofNullable(error);
        }

        /** Whether the secret stored before is the one to use afterwards. */
        public boolean keepsStored() {
            return outcome == Outcome.KEEP;
        }
    }
}
