package com.mailroom.settings.control;

import com.mailroom.oauth.control.TokenCache;
import com.mailroom.sending.control.ProbeResult;
import com.mailroom.settings.boundary.SettingsSaved;
import com.mailroom.status.boundary.SmtpStatus;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * After each save, and at start-up, this node checks the saved settings in the background (connect, TLS, EHLO,
 * login; no mail) and records the result, so refreshing the page shows errors (docs/product.md). The request that
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
    Destinations destinations;
    @Inject
    Conversations conversations;
    @Inject
    TokenCache tokens;
    @Inject
    Clock clock;

    /**
     * After the save's commit, not inside it: the save holds the settings row's lock until it commits, and waiting
     * there for this node's status lock (held by a check that waits for a database connection) could deadlock.
     * Tokens fetched for the old settings and other nodes' results about them are forgotten.
     */
    void afterSave(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsSaved saved) {
        tokens.clear();
        status.settingsChanged();
        executor.submit(this::checkNow);
    }

    /** Checks the stored settings now and records the outcome for this node. */
    public void checkNow() {
        var startedAt = OffsetDateTime.now(clock);
        try {
            ProbeResult r = conversations.check(destinations.current());
            status.record(r.success(), r.success() ? null : r.describe(), startedAt);
        } catch (RuntimeException e) {
            LOG.warning(() -> "The background SMTP check failed: " + e);
        }
    }
}
