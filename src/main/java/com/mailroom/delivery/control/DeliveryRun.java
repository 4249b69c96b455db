package com.mailroom.delivery.control;

import com.mailroom.delivery.control.ClaimSql.Update;
import com.mailroom.status.boundary.SmtpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One round of a worker: claim a batch (committed), send it over one connection, write every outcome back in one
 * transaction, feed the SMTP status. A node dying between sending and writing back leaves the batch leased; it is
 * claimed again when the lease runs out and sent again (at-least-once, with the same Message-IDs).
 */
@ApplicationScoped
public class DeliveryRun {

    @Inject
    Claims claims;
    @Inject
    DeliveryTargets targets;
    @Inject
    DeliveryConfig config;
    @Inject
    StatusFeed statusFeed;

    /** The workers of one node take turns claiming, so they do not queue up on each other's row locks. */
    private final ReentrantLock claiming = new ReentrantLock();
    /** A sender for one worker: it keeps its SMTP connection between that worker's batches. */
    public BatchSender newSender() {
        return new BatchSender(id -> claims.attachments(id));
    }

    /** @return whether to look again at once: a batch was handled, or another node took the due mail first */
    public boolean runOnce(String worker, BatchSender sender, BooleanSupplier stopping) {
        OffsetDateTime now = SmtpStatus.now();
        ClaimSql.Claim claim;
        claiming.lock();
        try {
            claim = claims.claim(worker, config.batchSize(), now, now.plus(config.lease()));
        } finally {
            claiming.unlock();
        }
        if (claim.mails().isEmpty()) {
            return claim.contended();
        }
        List<SendOutcome> outcomes;
        try {
            Instant deadline = Instant.now().plus(config.lease().dividedBy(2));
            outcomes = targets.sendWith(target -> sender.send(target, claim.mails(), deadline, stopping));
        } catch (DeliveryTargets.Unconnectable u) {
            outcomes = claim.mails().stream().map(m -> new SendOutcome(m.id(), SendOutcome.Kind.TRANSIENT, u.stage(),
                    null, u.getMessage(), null)).toList();
        } catch (RuntimeException e) {
            claims.record(claim.token(), claim.mails().stream()
                    .map(m -> new Update(m.id(), Update.Kind.RELEASE, null, SmtpStatus.now())).toList());
            throw e;
        }
        OffsetDateTime at = SmtpStatus.now();
        claims.record(claim.token(), updates(claim.mails(), outcomes, config.maxAttempts(), config.backoff(), at));
        statusFeed.delivered(outcomes, at);
        return true;
    }

    /** What to write back for each outcome: sent, failed for good, retried later, or handed back untouched. */
    static List<Update> updates(List<ClaimedMail> mails, List<SendOutcome> outcomes, int maxAttempts, Backoff backoff,
                                OffsetDateTime at) {
        List<Update> updates = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            SendOutcome o = outcomes.get(i);
            int attempts = mails.get(i).attempts();
            updates.add(switch (o.kind()) {
                case SENT -> new Update(o.mailId(), Update.Kind.SENT, o.message(), at);
                case PERMANENT -> new Update(o.mailId(), Update.Kind.FAILED, clip(o.describe()), at);
                case TRANSIENT -> attempts >= maxAttempts
                        ? new Update(o.mailId(), Update.Kind.FAILED, clip("Gave up after " + attempts + " attempts: "
                        + o.describe()), at)
                        : new Update(o.mailId(), Update.Kind.RETRY, clip(o.describe()),
                        at.plus(backoff.after(attempts, ThreadLocalRandom.current().nextDouble())));
                case NOT_ATTEMPTED -> new Update(o.mailId(), Update.Kind.RELEASE, null, at);
            });
        }
        return updates;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 2000 ? text : text.substring(0, 1999) + "…";
    }
}
