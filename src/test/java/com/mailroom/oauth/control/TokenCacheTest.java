package com.mailroom.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.oauth.entity.AccessToken;
import com.mailroom.platform.Text;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The cache with a counting fake fetcher and a clock the test moves. */
class TokenCacheTest {

    private static final URI URL = URI.create("https://login.example/tenant/oauth2/v2.0/token");
    private static final TokenRequest REQUEST = new TokenRequest(URL, "client", "secret-1", "scope/.default", null);

    private final MovableClock clock = new MovableClock();
    private final FakeFetcher fetcher = new FakeFetcher();
    private final TokenCache cache = new TokenCache(fetcher, clock);

    @Test
    void fiftyCallsWithinTheLifetimeFetchOnce() throws Exception {
        AccessToken first = cache.token(REQUEST);
        for (int i = 0; i < 49; i++) {
            clock.advance(Duration.ofSeconds(60));
            assertSame(first, cache.token(REQUEST));
        }
        assertEquals(1, fetcher.calls.get());
    }

    @Test
    void twentyConcurrentCallersShareOneFetch() throws Exception {
        fetcher.delay = Duration.ofMillis(200);
        List<Future<AccessToken>> results = concurrently(20, () -> cache.token(REQUEST));

        Set<AccessToken> distinct = new HashSet<>();
        for (Future<AccessToken> r : results) {
            distinct.add(r.get(5, TimeUnit.SECONDS));
        }
        assertEquals(1, fetcher.calls.get());
        assertEquals(1, distinct.size());
    }

    @Test
    void aTokenIsRenewedSixtySecondsBeforeItExpires() throws Exception {
        AccessToken first = cache.token(REQUEST);
        clock.advance(Duration.ofSeconds(3600 - 61));
        assertSame(first, cache.token(REQUEST));
        clock.advance(Duration.ofSeconds(1));
        AccessToken second = cache.token(REQUEST);

        assertNotEquals(first, second);
        assertEquals(2, fetcher.calls.get());
    }

    @Test
    void aShortLivedTokenIsReusedForHalfItsLifetime() throws Exception {
        fetcher.lifetime = Duration.ofSeconds(40);
        AccessToken first = cache.token(REQUEST);
        clock.advance(Duration.ofSeconds(19));
        assertSame(first, cache.token(REQUEST));
        clock.advance(Duration.ofSeconds(1));
        assertNotEquals(first, cache.token(REQUEST));
    }

    @Test
    void evictAndClearForceAFetch() throws Exception {
        AccessToken first = cache.token(REQUEST);
        cache.evict(REQUEST);
        AccessToken second = cache.token(REQUEST);
        cache.clear();
        cache.token(REQUEST);

        assertNotEquals(first, second);
        assertEquals(3, fetcher.calls.get());
    }

    @Test
    void evictingARejectedTokenKeepsANewerOne() throws Exception {
        AccessToken rejected = cache.token(REQUEST);
        cache.evict(REQUEST, rejected);
        AccessToken fresh = cache.token(REQUEST);
        // a second sender that saw the same rejection must not throw the fresh token away
        cache.evict(REQUEST, rejected);

        assertSame(fresh, cache.token(REQUEST));
        assertEquals(2, fetcher.calls.get());
    }

    @Test
    void aChangedSecretIsANewKey() throws Exception {
        TokenRequest changed = new TokenRequest(URL, "client", "secret-2", "scope/.default", null);
        AccessToken first = cache.token(REQUEST);
        AccessToken second = cache.token(changed);

        assertNotEquals(first, second);
        assertEquals(2, fetcher.calls.get());
        assertNotEquals(REQUEST.cacheKey(), changed.cacheKey());
        assertFalse(REQUEST.cacheKey().toString().contains("secret-1"));
        assertFalse(REQUEST.toString().contains("secret-1"));
    }

    @Test
    void aFailureReachesEveryWaiterAndIsNotCached() throws Exception {
        fetcher.delay = Duration.ofMillis(200);
        fetcher.failure = new TokenFailure(
                401,
                "invalid_client",
                Text.verbatim("AADSTS7000215: Invalid client secret provided."),
                TokenHints.BAD_SECRET,
                null);
        List<Future<AccessToken>> results = concurrently(20, () -> cache.token(REQUEST));

        for (Future<AccessToken> r : results) {
            Exception e = assertThrows(Exception.class, () -> r.get(5, TimeUnit.SECONDS));
            assertSame(fetcher.failure, e.getCause());
        }
        assertEquals(1, fetcher.calls.get());

        fetcher.failure = null;
        cache.token(REQUEST);
        assertEquals(2, fetcher.calls.get(), "the failure was not served from the cache");
    }

    /** Starts n callers, releases them together on a latch, and returns their results. */
    private static <T> List<Future<T>> concurrently(int n, Callable<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                results.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return call.call();
                }));
            }
            assertTrue(ready.await(5, TimeUnit.SECONDS));
            go.countDown();
            for (Future<T> r : results) {
                try {
                    r.get(10, TimeUnit.SECONDS);
                } catch (ExecutionException expectedForFailures) {
                    // the caller inspects each result
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts calls, issues distinct tokens that live {@link #lifetime} on the test clock, or fails as told. */
    private final class FakeFetcher implements TokenCache.Fetcher {
        final AtomicInteger calls = new AtomicInteger();
        volatile Duration lifetime = Duration.ofSeconds(3600);
        volatile Duration delay = Duration.ZERO;
        volatile TokenFailure failure;

        @Override
        public AccessToken fetch(TokenRequest request) throws TokenFailure {
            int n = calls.incrementAndGet();
            try {
                // long enough that every concurrent caller arrives while the fetch runs
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure != null) {
                throw failure;
            }
            return new AccessToken("token-" + n, "Bearer", clock.instant().plus(lifetime));
        }
    }

    /** A clock that stands still until the test moves it. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T10:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
