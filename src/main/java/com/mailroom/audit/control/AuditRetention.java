package com.mailroom.audit.control;

import com.mailroom.audit.boundary.AuditTrail;
import com.mailroom.platform.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes entries older than {@code mailroom.audit.retention-days} (default 365) at start and every hour after, on
 * every node: one indexed DELETE on {@code at}, which finds nothing to do most of the time, so nodes running it
 * alike cost nothing that matters and no node needs to be chosen.
 */
@ApplicationScoped
public class AuditRetention {

    private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());
    static final Duration PERIOD = Duration.ofHours(1);

    @Inject
    @ConfigProperty(name = "mailroom.audit.retention-days", defaultValue = "365")
    int retentionDays;

    @Inject
    Periodic periodic;

    @Inject
    AuditTrail trail;

    @Inject
    Clock clock;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        periodic.every(PERIOD, "Audit retention", this::deleteOld);
        try {
            deleteOld();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Old audit entries not deleted: " + e.getMessage());
        }
    }

    private void deleteOld() {
        int deleted = trail.deleteBefore(new Retention(retentionDays).cutOff(clock.instant()));
        if (deleted > 0) {
            LOG.info(() -> deleted + " audit entries older than " + retentionDays + " days deleted");
        }
    }
}
