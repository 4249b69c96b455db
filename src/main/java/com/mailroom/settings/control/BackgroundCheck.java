package com.mailroom.settings.control;

import com.mailroom.oauth.control.TokenCache;
import com.mailroom.sending.control.ProbeResult;
import com.mailroom.settings.boundary.SettingsSaved;
import com.mailroom.settings.entity.SmtpSettings;
import com.mailroom.status.boundary.SmtpStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * After each save — on whichever node it happened ({@link SettingsWatch}) — and at start-up, this node checks the
 * saved settings in the background from where it runs (connect, TLS, EHLO, login; no mail) and records the result,
 * so every admin sees every node's answer (docs/product.md). The request that saved does not wait for the SMTP server.
 */
@ApplicationScoped
public class BackgroundCheck {

    private static final Logger LOG = Logger.getLogger(BackgroundCheck.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    SmtpStatus status;

    @Inject
    Destinations destinations;

    @Inject
    Conversations conversations;

    @Inject
    TokenCache tokens;

    @Inject
    Clock clock;

    @PersistenceContext
    EntityManager em;

    private volatile long checkedVersion = -1;

    /**
     * After the save's commit, not inside it: the save holds the settings row's lock until it commits, and waiting
     * there for this node's status lock (held by a check that waits for a database connection) could deadlock.
     * Tokens fetched for the old settings and other nodes' results about them are forgotten.
     */
    void afterSave(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsSaved saved) {
        status.settingsChanged();
        checkSoon();
    }

    /** Checks in the background: the caller (a save, a node noticing another node's save) does not wait for SMTP. */
    public void checkSoon() {
        tokens.clear();
        executor.submit(this::checkNow);
    }

    /**
     * Checks when the settings' version moved on since this node's last check: a save on another node. In a
     * transaction of its own: on a long-lived thread, an entity manager used without one is closed under it.
     */
    @Transactional
    public void checkIfSavedElsewhere() {
        if (em.find(SmtpSettings.class, SmtpSettings.ID).getVersion() != checkedVersion) {
            checkSoon();
        }
    }

    /** Checks the stored settings now and records the outcome for this node. */
    public void checkNow() {
        var startedAt = OffsetDateTime.now(clock);
        try {
            SmtpSettings settings = em.find(SmtpSettings.class, SmtpSettings.ID);
            checkedVersion = settings.getVersion();
            ProbeResult r = conversations.check(destinations.stored(settings));
            status.record(r.success(), r.success() ? null : r.describe(), startedAt, settings.getVersion());
        } catch (RuntimeException e) {
            LOG.warning(() -> "The background SMTP check failed: " + e);
        }
    }
}
