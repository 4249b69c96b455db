package com.mailroom.oauth.control;

import com.mailroom.oauth.entity.AccessToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * "With an access token, and once more with a fresh one when the server rejects it": the one retry mechanism for
 * every use of a token (the test mail, the background check, delivery batches). The token comes from the cache when
 * it can; a rejected one (revoked, or expired earlier than announced) is evicted, so every later use fetches anew.
 */
@ApplicationScoped
public class TokenRetry {

    private static final Logger LOG = Logger.getLogger(TokenRetry.class.getName());

    @Inject
    TokenCache tokens;

    /** For CDI. */
    public TokenRetry() {}

    public TokenRetry(TokenCache tokens) {
        this.tokens = tokens;
    }

    /**
     * @param attempt  runs with the access token; must not throw for anything the server does
     * @param rejected whether an attempt's result says the server refused the token
     * @return the first attempt's result, or the retry's when the first was rejected
     * @throws TokenFailure when no token could be had (its texts are free of secrets and tokens)
     */
    public <R> R withToken(TokenRequest request, Function<String, R> attempt, Predicate<R> rejected)
            throws TokenFailure {
        AccessToken token = tokens.token(request);
        R first = attempt.apply(token.value());
        if (!rejected.test(first)) {
            return first;
        }
        LOG.fine(() -> "The server rejected the access token for client " + request.clientId()
                + "; retrying once with a new token");
        tokens.evict(request, token);
        return attempt.apply(tokens.token(request).value());
    }
}
