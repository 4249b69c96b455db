package com.mailroom.delivery.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The delivery settings an operator may tune (MicroProfile Config; see the README's table). */
@ApplicationScoped
public class DeliveryConfig {

    @Inject
    @ConfigProperty(name = "mailroom.delivery.workers", defaultValue = "2")
    int workers;

    @Inject
    @ConfigProperty(name = "mailroom.delivery.batch-size", defaultValue = "200")
    int batchSize;

    /** A batch stops at this many bytes of mail too: it is sent within its lease and written back in one go. */
    @Inject
    @ConfigProperty(name = "mailroom.delivery.batch-bytes", defaultValue = "67108864")
    long batchBytes;

    @Inject
    @ConfigProperty(name = "mailroom.delivery.poll-ms", defaultValue = "1000")
    long pollMs;

    @Inject
    @ConfigProperty(name = "mailroom.delivery.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "mailroom.delivery.retry-base-ms", defaultValue = "30000")
    long retryBaseMs;

    @Inject
    @ConfigProperty(name = "mailroom.delivery.retry-max-ms", defaultValue = "3600000")
    long retryMaxMs;

    /** The first back-off after a server's "slow down" reply, doubled while it keeps asking. */
    @Inject
    @ConfigProperty(name = "mailroom.delivery.throttle-base-ms", defaultValue = "30000")
    long throttleBaseMs;

    @Inject
    @ConfigProperty(name = "mailroom.delivery.throttle-max-ms", defaultValue = "900000")
    long throttleMaxMs;

    @Inject
    @ConfigProperty(name = "mailroom.delivery.lease-seconds", defaultValue = "300")
    long leaseSeconds;

    @Inject
    @ConfigProperty(name = "mailroom.mail.max-size-bytes", defaultValue = "26214400")
    long maxSizeBytes;

    public int workers() {
        return Math.max(1, Math.min(workers, 32));
    }

    public int batchSize() {
        return Math.max(1, Math.min(batchSize, 500));
    }

    public long batchBytes() {
        return Math.max(1, batchBytes);
    }

    public long pollMs() {
        return Math.max(50, pollMs);
    }

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(
                Math.max(1, maxAttempts),
                Duration.ofMillis(Math.max(1, retryBaseMs)),
                Duration.ofMillis(Math.max(Math.max(1, retryBaseMs), retryMaxMs)));
    }

    public Duration throttleBase() {
        return Duration.ofMillis(Math.max(1, throttleBaseMs));
    }

    public Duration throttleMax() {
        return Duration.ofMillis(Math.max(Math.max(1, throttleBaseMs), throttleMaxMs));
    }

    public Duration lease() {
        return Duration.ofSeconds(Math.max(5, leaseSeconds));
    }

    public long maxSizeBytes() {
        return maxSizeBytes;
    }
}
