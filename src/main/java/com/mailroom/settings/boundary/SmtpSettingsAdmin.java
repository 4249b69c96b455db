package com.mailroom.settings.boundary;

import com.mailroom.audit.boundary.AuditTrail;
import com.mailroom.audit.entity.AuditKind;
import com.mailroom.errors.InvalidInput;
import com.mailroom.errors.StaleVersion;
import com.mailroom.oauth.control.CertificateKey;
import com.mailroom.oauth.control.ServiceAccountKey;
import com.mailroom.ratelimit.boundary.RateLimiter;
import com.mailroom.sending.control.ProbeResult;
import com.mailroom.settings.control.Conversations;
import com.mailroom.settings.control.Destination;
import com.mailroom.settings.control.Destinations;
import com.mailroom.settings.control.ReentryRule.Decision;
import com.mailroom.settings.control.ReentryRule.Outcome;
import com.mailroom.settings.control.SecretCipher;
import com.mailroom.settings.control.SettingsChanges;
import com.mailroom.settings.control.SettingsCheck;
import com.mailroom.settings.control.SettingsForm;
import com.mailroom.settings.entity.SmtpConfig;
import com.mailroom.settings.entity.SmtpSettings;
import com.mailroom.status.boundary.NodeCheck;
import com.mailroom.status.boundary.SmtpStatus;
import com.mailroom.status.boundary.StatusView;
import com.mailroom.users.boundary.Users;
import com.mailroom.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way into the SMTP settings, for the REST API and the Admin › SMTP page alike: view, and save with
 * validation, the re-entry rule and optimistic locking. A save either stores everything or nothing.
 */
@ApplicationScoped
@Transactional
public class SmtpSettingsAdmin {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecretCipher cipher;

    @Inject
    @ConfigProperty(name = "mailroom.oauth.allow-insecure-token-url", defaultValue = "false")
    boolean allowInsecureTokenUrl;

    @Inject
    @ConfigProperty(name = "mailroom.product-name", defaultValue = "Mailroom")
    String productName;

    @Inject
    RateLimiter rateLimiter;

    @Inject
    Users users;

    @Inject
    Destinations destinations;

    @Inject
    Conversations conversations;

    @Inject
    Clock clock;

    @Inject
    SmtpStatus status;

    @Inject
    Event<SettingsSaved> saved;

    @Inject
    AuditTrail audit;

    public SmtpSettingsView view() {
        return SmtpSettingsView.of(load());
    }

    /** Every node's SMTP status for the settings in use (default or custom). */
    public StatusView status() {
        return StatusView.of(load().getConfig().isDefaultSmtp() ? "default" : "custom", status.nodes());
    }

    /**
     * What every node alive says about the settings in use, for the page: a node that has not checked the current
     * version yet shows as checking (after a save, until its background check reports).
     */
    public List<NodeCheck> checks() {
        return status.checks(load().getVersion());
    }

    /** The stored settings as a form to edit; secrets are left empty (kept unless entered again). */
    public SettingsForm form() {
        return formOf(load());
    }

    private static SettingsForm formOf(SmtpSettings s) {
        return new SettingsForm(s.getVersion(), s.getConfig());
    }

    /** Which stored secrets the form's unsaved values would require to be entered again (the re-entry rule). */
    public SettingsCheck.Reentry reentry(SettingsForm form) {
        return SettingsCheck.reentry(load(), form);
    }

    /**
     * Saves a form edited from the stored version it carries ({@link SettingsForm#getVersion()}; null skips the
     * check), as the page does: an admin who edited what another admin has replaced since is told so.
     *
     * @throws com.mailroom.errors.InvalidInput when a field breaks a rule
     * @throws StaleVersion when someone saved after the form was loaded
     */
    public SmtpSettingsView save(SettingsForm form, String actor) {
        rateLimiter.acquire(actor);
        SmtpSettings s = locked();
        if (form.getVersion() != null && form.getVersion() != s.getVersion()) {
            throw new StaleVersion(s.getVersion());
        }
        return store(s, form, actor);
    }

    /**
     * Applies {@code changes} to the stored values and saves the result, as the REST API does. Saves serialize on
     * the settings row, so the changes always apply to the latest version: without a precondition the last writer
     * wins and concurrent saves never fail each other.
     *
     * @param precondition the versions the caller's If-Match names ({@code v -> true} without one)
     * @throws com.mailroom.errors.InvalidInput when a field breaks a rule
     * @throws StaleVersion when the stored version is not one the precondition names
     */
    public SmtpSettingsView update(Consumer<SettingsForm> changes, LongPredicate precondition, String actor) {
        rateLimiter.acquire(actor);
        SmtpSettings s = locked();
        if (!precondition.test(s.getVersion())) {
            throw new StaleVersion(s.getVersion());
        }
        SettingsForm form = formOf(s);
        changes.accept(form);
        return store(s, form, actor);
    }

    private SmtpSettingsView store(SmtpSettings s, SettingsForm form, String actor) {
        var accepted = SettingsCheck.check(s, form, allowInsecureTokenUrl, clock.instant());
        SmtpConfig before = s.getConfig().copy();
        Map<String, Boolean> secretsChanged = new LinkedHashMap<>();
        s.setConfig(form.getConfig());
        s.getConfig().setPort(form.getConfig().effectivePort());
        secretsChanged.put(
                "password",
                applySecret(
                        accepted.password(),
                        form.getPassword(),
                        SecretCipher.SMTP_PASSWORD,
                        s.getPasswordCiphertext(),
                        s::setPasswordCiphertext));
        secretsChanged.put(
                "client_secret",
                applySecret(
                        accepted.clientSecret(),
                        form.getClientSecret(),
                        SecretCipher.SMTP_CLIENT_SECRET,
                        s.getClientSecretCiphertext(),
                        s::setClientSecretCiphertext));
        CertificateKey certificate = accepted.newCertificate();
        secretsChanged.put(
                "client_certificate",
                applySecret(
                        accepted.certificate(),
                        certificate == null ? null : certificate.stored(),
                        SecretCipher.SMTP_CLIENT_CERTIFICATE,
                        s.getClientCertificateCiphertext(),
                        s::setClientCertificateCiphertext));
        ServiceAccountKey account = accepted.newServiceAccountKey();
        secretsChanged.put(
                "service_account_key",
                applySecret(
                        accepted.serviceAccountKey(),
                        account == null ? null : account.json(),
                        SecretCipher.SMTP_SERVICE_ACCOUNT_KEY,
                        s.getServiceAccountKeyCiphertext(),
                        s::setServiceAccountKeyCiphertext));
        recordFacts(s, accepted);
        s.setUpdatedAt(OffsetDateTime.now(clock));
        s.setUpdatedBy(actor);
        em.flush();
        var changed = SettingsChanges.names(before, s.getConfig(), secretsChanged);
        // with the save's transaction: a refused or failed save leaves no entry saying it happened
        audit.recordWithChange(
                AuditKind.SETTINGS_SAVED,
                "version " + s.getVersion() + ", changed: "
                        + (changed.isEmpty() ? "nothing" : String.join(", ", changed)));
        saved.fire(new SettingsSaved(s.getVersion()));
        return SmtpSettingsView.of(s);
    }

    /** The public facts of the key material as stored now: replaced ones read anew, cleared ones forgotten. */
    private static void recordFacts(SmtpSettings s, SettingsCheck.Accepted accepted) {
        var facts = s.getCredentialFacts();
        if (accepted.newCertificate() != null && accepted.certificate().outcome() == Outcome.REPLACE) {
            CertificateKey c = accepted.newCertificate();
            facts.certificate(c.subject(), c.thumbprint(), c.notAfter().atOffset(ZoneOffset.UTC));
        } else if (s.getClientCertificateCiphertext() == null) {
            facts.certificate(null, null, null);
        }
        if (accepted.newServiceAccountKey() != null
                && accepted.serviceAccountKey().outcome() == Outcome.REPLACE) {
            ServiceAccountKey k = accepted.newServiceAccountKey();
            facts.serviceAccount(k.clientId(), k.privateKeyId());
        } else if (s.getServiceAccountKeyCiphertext() == null) {
            facts.serviceAccount(null, null);
        }
        s.setCredentialFacts(facts);
    }

    /**
     * Sends the test mail (docs/product.md R8) to the caller's own address, through the saved settings or, with a form,
     * through its unsaved values (same rules as a save, re-entry rule included). A test of the saved settings
     * also updates this node's SMTP status; a test of unsaved values does not, since they are not in use.
     * No transaction is held while the SMTP server is talked to.
     *
     * @param language the language the report is written in
     *
     * @throws com.mailroom.errors.RateLimited    when the caller or the instance tested or saved too often
     * @throws com.mailroom.errors.InvalidInput   when the form breaks a rule or the caller has no e-mail address
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public TestReport test(SettingsForm unsaved, String username, Locale language) {
        rateLimiter.acquire(username);
        String recipient = users.find(username)
                .map(User::getEmail)
                .filter(e -> !e.isBlank())
                .orElseThrow(() -> InvalidInput.of("email", "field.email.none"));
        SmtpSettings stored = load();
        var destination = unsaved == null
                ? destinations.stored(stored)
                : destinations.unsaved(stored, SettingsCheck.check(stored, unsaved, allowInsecureTokenUrl));
        var startedAt = OffsetDateTime.now(clock);
        ProbeResult result = conversations.send(
                destination, recipient, productName + " Mail Test", productName + " mail is working!");
        // on its own: a test changes nothing stored, and a failed one is as much worth knowing
        audit.record(AuditKind.SETTINGS_TESTED, testDetail(unsaved == null, destination, result));
        if (unsaved == null && result.stage().describesSettings()) {
            status.record(
                    result.success(), result.success() ? null : result.describe(), startedAt, stored.getVersion());
        }
        return TestReport.of(result, recipient, language);
    }

    /** Which settings, where to, and how it ended; never a secret (the target's own is left out). */
    private static String testDetail(boolean saved, Destination destination, ProbeResult result) {
        String where = destination.target() == null
                ? ""
                : " to " + destination.target().host() + ":"
                        + destination.target().port();
        return (saved ? "saved" : "unsaved") + " settings" + where + ": "
                + (result.success()
                        ? "succeeded"
                        : "failed at " + result.stage().wireName());
    }

    /** Stores, clears or keeps one secret; answers whether the stored secret changed (for the audit trail). */
    private boolean applySecret(
            Decision decision, String supplied, String purpose, String storedBefore, Consumer<String> store) {
        switch (decision.outcome()) {
            case REPLACE -> store.accept(cipher.encrypt(supplied, purpose));
            case CLEAR -> store.accept(null);
            case KEEP, NONE -> {}
        }
        return decision.outcome() == Outcome.REPLACE || (decision.outcome() == Outcome.CLEAR && storedBefore != null);
    }

    private SmtpSettings load() {
        return em.find(SmtpSettings.class, SmtpSettings.ID);
    }

    /** The row, locked until this transaction ends: saves on every node take turns instead of failing each other. */
    private SmtpSettings locked() {
        return em.find(SmtpSettings.class, SmtpSettings.ID, LockModeType.PESSIMISTIC_WRITE);
    }
}
