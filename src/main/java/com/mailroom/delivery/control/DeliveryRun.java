package com.mailroom.delivery.control;

import com.mailroom.delivery.control.ClaimSql.Update;
import com.mailroom.sending.control.Stage;
import com.mailroom.settings.control.Conversations;
import com.mailroom.settings.control.Destinations;
import com.mailroom.settings.control.SendLimits;
import com.mailroom.settings.entity.SmtpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

/**
 * One round of a worker: claim a batch (committed), send it over one connection to where the settings say now
 * (for OAuth 2.0 with the shared token, replaced once when the server rejects it), write every outcome back, feed
 * the SMTP status. A node dying between sending and writing back leaves the batch leased; its next start (or the
 * lease, for another node) hands it back and it is sent again (at-least-once, with the same Message-IDs).
 */
@ApplicationScoped
public class DeliveryRun {

    @Inject
    Claims claims;

    @Inject
    Destinations destinations;

    @Inject
    Conversations conversations;

    @Inject
    DeliveryConfig config;

    @Inject
    StatusFeed statusFeed;

    @Inject
    Clock clock;

    /** The workers of one node take turns claiming, so they do not queue up on each other's row locks. */
    private final ReentrantLock claiming = new ReentrantLock();

    /** A sender for one worker: it keeps its SMTP connection between that worker's batches. */
    public BatchSender newSender() {
        return new BatchSender(claims::contents);
    }

    /** @return whether to look again at once: a batch was handled, or another node took the due mail first */
    public boolean runOnce(String worker, BatchSender sender, BooleanSupplier stopping) {
        SmtpSettings settings = destinations.saved();
        SendLimits limits = destinations.limits(settings);
        ClaimSql.Gate gate = new ClaimSql.Gate(limits.perMinute(), limits.server());
        OffsetDateTime now = OffsetDateTime.now(clock);
        ClaimSql.Claim claim;
        claiming.lock();
        try {
            claim = claims.claim(worker, config.batchSize(), config.batchBytes(), now, now.plus(config.lease()), gate);
        } finally {
            claiming.unlock();
        }
        if (claim.mails().isEmpty()) {
            return claim.contended();
        }
        List<SendOutcome> outcomes;
        try {
            Instant deadline = Instant.now(clock).plus(config.lease().dividedBy(2));
            outcomes = conversations.run(
                    destinations.stored(settings),
                    target -> sender.send(target, claim.mails(), deadline, stopping),
                    DeliveryRun::loginRejected);
        } catch (Conversations.Unusable u) {
            outcomes = claim.mails().stream()
                    .map(m ->
                            SendOutcome.failed(m.id(), SendOutcome.Kind.TRANSIENT, u.stage(), null, u.text(), u.hint()))
                    .toList();
        } catch (RuntimeException e) {
            claims.record(
                    claim.token(),
                    claim.mails().stream()
                            .map(m -> new Update(m.id(), Update.Kind.RELEASE, null, OffsetDateTime.now(clock)))
                            .toList(),
                    null);
            throw e;
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        OffsetDateTime resumeAt = backOff(gate.server(), claim.backoffMs(), outcomes, at);
        claims.record(
                claim.token(),
                updates(claim.mails(), outcomes, config.retryPolicy(), at, resumeAt),
                gate.perMinute() == null ? null : at);
        statusFeed.delivered(outcomes, at);
        return true;
    }

    /**
     * A "slow down" reply stops claims for the server, on every node, for a back-off that doubles while it keeps
     * asking; a batch that got through without one ends it.
     *
     * @return when the throttled mails are due again ({@code at} when none was)
     */
    private OffsetDateTime backOff(String server, long backoffMs, List<SendOutcome> outcomes, OffsetDateTime at) {
        boolean throttled = outcomes.stream().anyMatch(o -> o.kind() == SendOutcome.Kind.THROTTLED);
        if (throttled && server != null) {
            return claims.slowDown(server, at, config.throttleBase(), config.throttleMax());
        }
        if (throttled) {
            return at.plus(config.throttleBase());
        }
        if (backoffMs > 0 && outcomes.stream().anyMatch(o -> o.kind() == SendOutcome.Kind.SENT)) {
            claims.recovered(server);
        }
        return at;
    }

    /** A batch whose connection failed at AUTH with 535: every outcome carries that first failure. */
    private static boolean loginRejected(List<SendOutcome> outcomes) {
        return !outcomes.isEmpty()
                && Stage.rejectsLogin(outcomes.get(0).stage(), outcomes.get(0).smtpCode());
    }

    static List<Update> updates(
            List<ClaimedMail> mails,
            List<SendOutcome> outcomes,
            RetryPolicy policy,
            OffsetDateTime at,
            OffsetDateTime resumeAt) {
        return IntStream.range(0, outcomes.size())
                .mapToObj(i -> policy.decide(
                        outcomes.get(i),
                        mails.get(i).attempts(),
                        at,
                        ThreadLocalRandom.current().nextDouble(),
                        resumeAt))
                .toList();
    }
}
