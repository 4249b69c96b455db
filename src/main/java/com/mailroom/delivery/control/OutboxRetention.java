package com.mailroom.delivery.control;

import com.mailroom.platform.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outbox's retention ({@link RetentionRule}): every {@code mailroom.outbox.retention-interval-seconds} (and a few
 * batches at start), on every node, drops the content of sent mails older than
 * {@code mailroom.outbox.retention-days} and then purges the rows of those older than {@code mailroom.outbox.purge-days}. Each in batches of at most
 * {@value #BATCH_MAILS} mails (and {@value #BATCH_BYTES} bytes of content), a transaction each, until none is left;
 * nodes running it at once share the work ({@link RetentionSql}), so no node needs to be chosen.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class.getName());
    static final int BATCH_MAILS = 500;
    static final long BATCH_BYTES = 8L * 1024 * 1024;
    /** A run stops after this many batches of each kind and goes on at the next: bounds a run's length. */
    static final int MAX_BATCHES = 2000;
    /** The run at start is short (the periodic runs do the rest), so a backlog does not delay the start. */
    static final int START_BATCHES = 10;

    @Inject
    @ConfigProperty(name = "mailroom.outbox.retention-days", defaultValue = "30")
    double retentionDays;

    @Inject
    @ConfigProperty(name = "mailroom.outbox.purge-days", defaultValue = "90")
    double purgeDays;

    @Inject
    @ConfigProperty(name = "mailroom.outbox.retention-interval-seconds", defaultValue = "3600")
    long intervalSeconds;

    @Inject
    Periodic periodic;

    @Inject
    RetentionBatches batches;

    @Inject
    Clock clock;

    public RetentionRule rule() {
        return RetentionRule.ofDays(retentionDays, purgeDays);
    }

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        try {
            run(START_BATCHES);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Outbox retention did not run at start: " + e.getMessage());
        }
        // after the start run, not during it: this node's two runs would only wait for each other's row locks
        periodic.every(Duration.ofSeconds(Math.max(1, intervalSeconds)), "Outbox retention", () -> run(MAX_BATCHES));
    }

    /** One run: drops what is due, then purges what is due, at most {@code maxBatches} batches of each. */
    void run(int maxBatches) {
        RetentionRule rule = rule();
        OffsetDateTime now = OffsetDateTime.now(clock);
        int dropped = repeat(
                maxBatches, () -> batches.dropContent(rule.contentSentBefore(now), now, BATCH_MAILS, BATCH_BYTES));
        int purged = repeat(
                maxBatches, () -> batches.purgeRows(rule.rowSentBefore(now), rule.rowDroppedBefore(now), BATCH_MAILS));
        if (dropped > 0 || purged > 0) {
            LOG.info(() -> "Outbox retention: content of " + dropped + " sent mail(s) older than " + retentionDays
                    + " days dropped, " + purged + " sent mail(s) older than " + purgeDays + " days purged");
        }
    }

    private static int repeat(int maxBatches, Supplier<RetentionSql.Batch> batch) {
        int done = 0;
        for (int i = 0; i < maxBatches; i++) {
            RetentionSql.Batch b = batch.get();
            done += b.done();
            if (b.found() == 0) {
                break;
            }
        }
        return done;
    }
}
