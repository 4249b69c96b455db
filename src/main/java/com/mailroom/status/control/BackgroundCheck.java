package com.mailroom.status.control;

import com.mailroom.sending.control.SmtpConversations;
import com.mailroom.sending.control.SmtpTargets;
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
import java.util.logging.Logger;

/**
 * After each save, and at start-up, this node checks the saved settings in the background (connect, TLS, EHLO,
 * AUTH; no mail) and records the result, so refreshing the page shows errors (manual point 9). The request that
 * saved does not wait for the SMTP server.
 */
@ApplicationScoped
public class BackgroundCheck {

    private static final Logger LOG = Logger.getLogger(BackgroundCheck.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    SmtpStatus status;

    @Inject
    SmtpTargets targets;

    @Inject
    SmtpConversations conversations;

    @PersistenceContext
    EntityManager em;

    /**
     * After the save's commit, not inside it: the save holds the settings row's lock until it commits, and waiting
     * there for this node's status lock (held by a check that waits for a database connection) could deadlock.
     */
    void afterSave(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsSaved saved) {
        status.settingsChanged();
        executor.submit(this::checkNow);
    }

    /** Checks the stored settings now and records the outcome for this node. */
    public void checkNow() {
        var startedAt = SmtpStatus.now();
        try {
            var destination = targets.stored(em.find(SmtpSettings.class, SmtpSettings.ID));
            status.record(conversations.check(destination), startedAt);
        } catch (RuntimeException e) {
            LOG.warning(() -> "The background SMTP check failed: " + e);
        }
    }
}
