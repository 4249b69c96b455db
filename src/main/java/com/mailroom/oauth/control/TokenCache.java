package com.mailroom.oauth.control;

import com.mailroom.oauth.control.TokenRequest.CacheKey;
import com.mailroom.oauth.entity.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Access tokens per {@link TokenRequest#cacheKey()}, reused until shortly before they expire.
 * <p>
 * Single flight: the map holds one future per key. The caller that puts a new future in fetches the token in its
 * own thread; every other caller for that key waits for that future, so concurrent senders cause one request to the
 * token endpoint and all see its token or its failure. A failure is removed at once, so it is never served from the
 * cache: the next call asks again. The wait is bounded by the endpoint's connect and read timeouts.
 * <p>
 * Application scoped rather than an EJB singleton: the map is the only shared state and is concurrent by itself, so
 * a container lock would only serialize the callers.
 */
@ApplicationScoped
public class TokenCache {

    /** Fetches a token; {@link TokenEndpoint#fetch} in production, a fake in unit tests. */
    @FunctionalInterface
    public interface Fetcher {
        AccessToken fetch(TokenRequest request) throws TokenFailure;
    }

    private static final Logger LOG = Logger.getLogger(TokenCache.class.getName());

    /** Renew this long before the expiry, so a token does not run out between the check and the SMTP AUTH. */
    static final Duration SKEW = Duration.ofSeconds(60);

    private final ConcurrentMap<CacheKey, CompletableFuture<Cached>> entries = new ConcurrentHashMap<>();
    private Fetcher fetcher;
    private Clock clock;

    /** For CDI; the fetcher is set by {@link #configure}. */
    public TokenCache() {
        this.clock = Clock.systemUTC();
    }

    public TokenCache(Fetcher fetcher, Clock clock) {
        this.fetcher = fetcher;
        this.clock = clock;
    }

    @Inject
    void configure(
            @ConfigProperty(name = "mailroom.smtp.connect-timeout-ms", defaultValue = "10000") int connectMs,
            @ConfigProperty(name = "mailroom.smtp.read-timeout-ms", defaultValue = "10000") int readMs) {
        fetcher = new TokenEndpoint(Duration.ofMillis(connectMs), Duration.ofMillis(readMs))::fetch;
    }

    /** A token and the moment from which it is no longer handed out. */
    private record Cached(AccessToken token, Instant renewAt) {}

    /** A cached token that is not about to expire, or a fresh one (fetched once however many callers ask). */
    public AccessToken token(TokenRequest request) throws TokenFailure {
        CacheKey key = request.cacheKey();
        while (true) {
            CompletableFuture<Cached> existing = entries.get(key);
            if (existing == null) {
                CompletableFuture<Cached> mine = new CompletableFuture<>();
                if (entries.putIfAbsent(key, mine) == null) {
                    return fetchInto(mine, key, request).token();
                }
                continue;
            }
            if (!existing.isDone()) {
                return await(existing).token();
            }
            Cached cached = settled(existing);
            if (cached != null && clock.instant().isBefore(cached.renewAt())) {
                return cached.token();
            }
            // expired (or a failure not yet removed): make room, then fetch or join whoever fetches first
            entries.remove(key, existing);
        }
    }

    private Cached fetchInto(CompletableFuture<Cached> mine, CacheKey key, TokenRequest request) throws TokenFailure {
        try {
            AccessToken token = fetcher.fetch(request);
            Cached cached = new Cached(token, renewAt(token));
            mine.complete(cached);
            return cached;
        } catch (TokenFailure | RuntimeException | Error e) {
            entries.remove(key, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * {@link #SKEW} before the expiry, but never later than half-way through the lifetime: a token that lives only
     * 60 s would otherwise never be reused, and one that lives 10 s would be used until its last second.
     */
    private Instant renewAt(AccessToken token) {
        Instant now = clock.instant();
        Duration lifetime = Duration.between(now, token.expiresAt());
        if (lifetime.isNegative()) {
            return now;
        }
        Duration margin = SKEW.compareTo(lifetime.dividedBy(2)) < 0 ? SKEW : lifetime.dividedBy(2);
        return token.expiresAt().minus(margin);
    }

    private static Cached await(CompletableFuture<Cached> flight) throws TokenFailure {
        try {
            return flight.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof TokenFailure failure) {
                throw failure;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /** The token of a finished, successful fetch; null while it runs or when it failed. */
    private static Cached settled(CompletableFuture<Cached> flight) {
        return flight.isDone() && !flight.isCompletedExceptionally() ? flight.join() : null;
    }

    /** Forgets the token of this request (e.g. its settings changed). */
    public void evict(TokenRequest request) {
        entries.remove(request.cacheKey());
    }

    /**
     * Forgets the token only if it is still the one the server rejected: when several senders see the same
     * rejection, the first one's fresh token is not thrown away by the others.
     */
    public void evict(TokenRequest request, AccessToken rejected) {
        CacheKey key = request.cacheKey();
        CompletableFuture<Cached> existing = entries.get(key);
        if (existing != null) {
            Cached cached = settled(existing);
            if (cached != null && cached.token().equals(rejected)) {
                LOG.fine(() -> "Evicted a rejected access token for client " + request.clientId());
                entries.remove(key, existing);
            }
        }
    }

    /** Forgets every token: the settings changed, and tokens obtained for the old ones are not used again. */
    public void clear() {
        entries.clear();
    }
}
