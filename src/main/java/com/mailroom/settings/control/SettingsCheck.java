package com.mailroom.settings.control;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.oauth.control.CertificateKey;
import com.mailroom.oauth.control.ServiceAccountKey;
import com.mailroom.oauth.entity.ClientAuth;
import com.mailroom.settings.control.ReentryRule.Decision;
import com.mailroom.settings.control.ReentryRule.Destination;
import com.mailroom.settings.control.ReentryRule.Secret;
import com.mailroom.settings.entity.SmtpConfig;
import com.mailroom.settings.entity.SmtpSettings;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a form must pass before it is saved or tested: the field rules, then the re-entry rule against what is
 * stored. The same check serves save and test, so a test can never use a stored secret that a save would refuse.
 */
public final class SettingsCheck {

    private SettingsCheck() {}

    /**
     * The form, normalised and accepted, with what happens to each stored secret, and the OAuth key material it
     * brings, parsed (null where none was entered).
     */
    public record Accepted(
            SettingsForm form,
            Decision password,
            Decision clientSecret,
            Decision certificate,
            Decision serviceAccountKey,
            CertificateKey newCertificate,
            ServiceAccountKey newServiceAccountKey) {}

    /** Google's scope for SMTP; what a service account asks for unless the admin says otherwise. */
    public static final String GOOGLE_MAIL_SCOPE = "https://mail.google.com/";

    public static Accepted check(SmtpSettings stored, SettingsForm form, boolean allowInsecureTokenUrl) {
        return check(stored, form, allowInsecureTokenUrl, Instant.now());
    }

    /**
     * @param now when a certificate must be valid
     * @throws InvalidInput naming every field that breaks a rule; nothing has been changed then
     */
    public static Accepted check(SmtpSettings stored, SettingsForm form, boolean allowInsecureTokenUrl, Instant now) {
        SmtpConfig before = stored.getConfig();
        SmtpConfig after = form.getConfig();
        SettingsRules.normalize(after);
        var errors = new ArrayList<FieldError>();
        var material = CredentialInputs.read(form, now, errors);
        boolean serviceAccount = after.getOauthClientAuth() == ClientAuth.SERVICE_ACCOUNT;
        if (serviceAccount && material.serviceAccount() != null) {
            // the key says who asks and where: typing them in again could only get them wrong
            after.setClientId(material.serviceAccount().clientEmail());
            after.setTokenEndpoint(material.serviceAccount().tokenUri().toString());
        }
        if (serviceAccount && after.getScopes() == null) {
            after.setScopes(GOOGLE_MAIL_SCOPE);
        }
        for (FieldError e : SettingsRules.validate(form, allowInsecureTokenUrl)) {
            boolean fromKey = serviceAccount
                    && material.serviceAccount() != null
                    && (e.field().equals("token_endpoint") || e.field().equals("client_id"));
            errors.add(fromKey ? new FieldError("service_account_key", e.text()) : e);
        }
        Decision password = decide(Secret.PASSWORD, stored.getPasswordCiphertext(), before, after, form.getPassword());
        Decision clientSecret =
                decide(Secret.CLIENT_SECRET, stored.getClientSecretCiphertext(), before, after, form.getClientSecret());
        Decision certificate = decide(
                Secret.CLIENT_CERTIFICATE,
                stored.getClientCertificateCiphertext(),
                before,
                after,
                form.certificateSupplied());
        Decision serviceAccountKey = decide(
                Secret.SERVICE_ACCOUNT_KEY,
                stored.getServiceAccountKeyCiphertext(),
                before,
                after,
                form.getServiceAccountKey());
        for (Decision d : List.of(password, clientSecret, certificate, serviceAccountKey)) {
            addUnlessNamed(errors, d);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Accepted(
                form,
                password,
                clientSecret,
                certificate,
                serviceAccountKey,
                material.certificate(),
                material.serviceAccount());
    }

    private static Decision decide(
            Secret secret, String storedCiphertext, SmtpConfig before, SmtpConfig after, String supplied) {
        boolean password = secret == Secret.PASSWORD;
        return ReentryRule.decide(
                secret,
                storedCiphertext != null,
                password ? Destination.ofPassword(before) : Destination.ofClientSecret(before),
                password ? Destination.ofPassword(after) : Destination.ofClientSecret(after),
                supplied,
                required(secret, after));
    }

    private static boolean required(Secret secret, SmtpConfig c) {
        return switch (secret) {
            case PASSWORD -> c.passwordRequired();
            case CLIENT_SECRET -> c.clientSecretRequired();
            case CLIENT_CERTIFICATE -> c.certificateRequired();
            case SERVICE_ACCOUNT_KEY -> c.serviceAccountKeyRequired();
        };
    }

    /** Which stored secrets must be entered again before the form can be saved or tested (for the page's hint). */
    public record Reentry(boolean password, boolean clientSecret, boolean certificate, boolean serviceAccountKey)
            implements Serializable {}

    /**
     * The re-entry rule of {@link #check} alone: a stored secret that the form's settings need but whose
     * destination changed. Normalises the form as a save would.
     */
    public static Reentry reentry(SmtpSettings stored, SettingsForm form) {
        SmtpConfig before = stored.getConfig();
        SmtpConfig after = form.getConfig();
        SettingsRules.normalize(after);
        return new Reentry(
                stored.getPasswordCiphertext() != null
                        && after.passwordRequired()
                        && !Destination.ofPassword(before).equals(Destination.ofPassword(after)),
                reenter(stored.getClientSecretCiphertext(), after.clientSecretRequired(), before, after),
                reenter(stored.getClientCertificateCiphertext(), after.certificateRequired(), before, after),
                reenter(stored.getServiceAccountKeyCiphertext(), after.serviceAccountKeyRequired(), before, after));
    }

    private static boolean reenter(String storedCiphertext, boolean required, SmtpConfig before, SmtpConfig after) {
        return storedCiphertext != null
                && required
                && !Destination.ofClientSecret(before).equals(Destination.ofClientSecret(after));
    }

    /** A field with a format error already has its message; the re-entry message would only repeat it. */
    private static void addUnlessNamed(ArrayList<FieldError> errors, Decision decision) {
        decision.problem()
                .filter(p -> errors.stream().noneMatch(e -> e.field().equals(p.field())))
                .ifPresent(errors::add);
    }
}
