package com.mailroom.settings.boundary;

import com.mailroom.errors.StaleVersion;
import com.mailroom.settings.control.ReentryRule.Decision;
import com.mailroom.settings.control.SecretCipher;
import com.mailroom.settings.control.SettingsCheck;
import com.mailroom.settings.control.SettingsForm;
import com.mailroom.settings.entity.SmtpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way into the SMTP settings, for the REST API and the Admin › SMTP page alike: view, and save with
 * validation, the re-entry rule and optimistic locking. A save either stores everything or nothing.
 */
@ApplicationScoped
@Transactional
public class SmtpSettingsAdmin {

    static final String PASSWORD = "smtp.password";
    static final String CLIENT_SECRET = "smtp.client_secret";

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    @ConfigProperty(name = "mailroom.oauth.allow-insecure-token-url", defaultValue = "false")
    boolean allowInsecureTokenUrl;

    public SmtpSettingsView view() {
        return SmtpSettingsView.of(load());
    }

    /** The stored settings as a form to edit; secrets are left empty (kept unless entered again). */
    public SettingsForm form() {
        SmtpSettings s = load();
        var form = new SettingsForm();
        form.setVersion(s.getVersion());
        form.setDefaultSmtp(s.isDefaultSmtp());
        form.setAddress(s.getAddress());
        form.setPort(s.getPort());
        form.setFrom(s.getFrom());
        form.setUserName(s.getUserName());
        form.setTlsMode(s.getTlsMode());
        form.setTlsVersion(s.getTlsVersion());
        form.setTrustedCaPem(s.getTrustedCaPem());
        form.setAuthType(s.getAuthType());
        form.setAuthMechanism(s.getAuthMechanism());
        form.setClientId(s.getClientId());
        form.setTokenEndpoint(s.getTokenEndpoint());
        form.setScopes(s.getScopes());
        return form;
    }

    /**
     * Saves the form when it was edited from the stored version ({@link SettingsForm#getVersion()}; null skips
     * the check).
     *
     * @throws com.mailroom.errors.InvalidInput when a field breaks a rule
     * @throws StaleVersion when someone saved in between
     */
    public SmtpSettingsView save(SettingsForm form, String actor) {
        SmtpSettings s = load();
        if (form.getVersion() != null && form.getVersion() != s.getVersion()) {
            throw new StaleVersion(s.getVersion());
        }
        var accepted = SettingsCheck.check(s, form, allowInsecureTokenUrl);
        s.setDefaultSmtp(form.isDefaultSmtp());
        s.setAddress(form.getAddress());
        s.setPort(form.effectivePort());
        s.setFrom(form.getFrom());
        s.setUserName(form.getUserName());
        s.setTlsMode(form.getTlsMode());
        s.setTlsVersion(form.getTlsVersion());
        s.setTrustedCaPem(form.getTrustedCaPem());
        s.setAuthType(form.getAuthType());
        s.setAuthMechanism(form.getAuthMechanism());
        s.setClientId(form.getClientId());
        s.setTokenEndpoint(form.getTokenEndpoint());
        s.setScopes(form.getScopes());
        applySecret(accepted.password(), form.getPassword(), PASSWORD, s::setPasswordCiphertext);
        applySecret(accepted.clientSecret(), form.getClientSecret(), CLIENT_SECRET, s::setClientSecretCiphertext);
        s.setUpdatedAt(OffsetDateTime.now(ZoneOffset.UTC));
        s.setUpdatedBy(actor);
        try {
            em.flush();
        } catch (OptimisticLockException raced) {
            throw new StaleVersion(s.getVersion() + 1);
        }
        return SmtpSettingsView.of(s);
    }

    private void applySecret(Decision decision, String supplied, String purpose, Consumer<String> store) {
        switch (decision.outcome()) {
            case REPLACE -> store.accept(cipher.encrypt(supplied, purpose));
            case CLEAR -> store.accept(null);
            case KEEP, NONE -> { }
        }
    }

    private SmtpSettings load() {
        return em.find(SmtpSettings.class, SmtpSettings.ID);
    }
}
