package com.mailroom.ratelimit.boundary;

import com.mailroom.errors.RateLimited;
import com.mailroom.ratelimit.control.SlidingWindow;
import com.mailroom.ratelimit.control.SlidingWindow.Hit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits saves and tests of the SMTP settings per admin and per instance — all nodes together — so the feature
 * cannot be used to scan ports (docs/product.md). The attempts live in the database every node shares; an attempt
 * locks one row, reads the window's attempts, decides and counts in one short transaction of its own, so racing
 * requests on any nodes cannot exceed the limit, and a node joining, leaving or restarting neither resets nor
 * doubles the counts.
 */
@ApplicationScoped
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

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** @throws RateLimited when the admin or the instance is over its limit; the attempt is then not counted */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void acquire(String admin) {
        Instant now = clock.instant();
        em.createNativeQuery("SELECT id FROM rate_limit_lock WHERE id = 1 FOR UPDATE")
                .getResultList();
        Duration window = Duration.ofSeconds(windowSeconds);
        OffsetDateTime horizon = OffsetDateTime.ofInstant(now.minus(window), ZoneOffset.UTC);
        em.createNativeQuery("DELETE FROM rate_limit_hit WHERE at <= ?")
                .setParameter(1, horizon)
                .executeUpdate();
        @SuppressWarnings("unchecked")
        List<Object[]> rows =
                em.createNativeQuery("SELECT admin, at FROM rate_limit_hit").getResultList();
        List<Hit> hits =
                rows.stream().map(r -> new Hit((String) r[0], instant(r[1]))).toList();
        SlidingWindow.restored(perAdmin, global, window, hits)
                .tryAcquire(admin, now)
                .ifPresent(refusal -> {
                    throw new RateLimited(refusal.retryAfterSeconds(), refusal.perKey());
                });
        em.createNativeQuery("INSERT INTO rate_limit_hit (admin, at) VALUES (?, ?)")
                .setParameter(1, admin)
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The drivers return OffsetDateTime (PostgreSQL, H2 2.x) or a Timestamp for TIMESTAMP WITH TIME ZONE. */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof TemporalAccessor t) {
            return Instant.from(t);
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
    }
}
