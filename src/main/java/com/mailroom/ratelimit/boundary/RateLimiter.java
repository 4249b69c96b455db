package com.mailroom.ratelimit.boundary;

import com.mailroom.errors.RateLimited;
import com.mailroom.ratelimit.control.SlidingWindow;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits saves and tests of the SMTP settings per admin and per instance (manual point 7), so the feature cannot
 * be used to scan ports. A write-locked singleton: the check and the count are one step for concurrent requests,
 * so racing requests cannot exceed the limit.
 */
@Singleton
@Lock(LockType.WRITE)
public class RateLimiter {

    @Inject
    @ConfigProperty(name = "mailroom.rate-limit.per-admin", defaultValue = "5")
    int perAdmin;

    @Inject
    @ConfigProperty(name = "mailroom.rate-limit.global", defaultValue = "20")
    int global;

    @Inject
    @ConfigProperty(name = "mailroom.rate-limit.window-seconds", defaultValue = "60")
    int windowSeconds;

    private SlidingWindow window;

    @PostConstruct
    void init() {
        window = new SlidingWindow(perAdmin, global, Duration.ofSeconds(windowSeconds));
    }

    /** @throws RateLimited when the admin or the instance is over its limit; the attempt is then not counted */
    public void acquire(String admin) {
        window.tryAcquire(admin, Instant.now()).ifPresent(refusal -> {
            throw new RateLimited(refusal.retryAfterSeconds(), refusal.perKey());
        });
    }
}
