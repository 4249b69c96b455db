package com.mailroom.oauth.control;

import com.mailroom.oauth.entity.AccessToken;
import com.mailroom.sending.control.ProbeResult;
import com.mailroom.sending.control.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The one place where SMTP meets OAuth 2.0: gets the access token (from the cache when it can), runs the SMTP
 * attempt with it, and when the server rejects the token (535 at AUTH: revoked, or expired earlier than announced)
 * forgets it, fetches a fresh one and tries exactly once more. The test mail, the background check and real
 * deliveries all go through here.
 */
@ApplicationScoped
public class OAuthSmtp {

    private static final Logger LOG = Logger.getLogger(OAuthSmtp.class.getName());
    private static final int AUTH_REJECTED = 535;

    @Inject
    TokenCache tokens;

    /** For CDI. */
    public OAuthSmtp() {
    }

    OAuthSmtp(TokenCache tokens) {
        this.tokens = tokens;
    }

    /**
     * @param attempt runs the SMTP conversation with the given access token as the XOAUTH2 secret (e.g. a
     *                {@code SmtpProbe.send} with an OAuth {@code SmtpTarget}); must not throw
     * @return the attempt's result (the retry's when there was one), or a failure at stage {@code token}; its
     *         duration covers the token requests and both attempts
     */
    public ProbeResult withToken(TokenRequest request, Function<String, ProbeResult> attempt) {
        long start = System.nanoTime();
        try {
            return since(withToken(request, attempt, OAuthSmtp::rejected), start);
        } catch (TokenFailure failure) {
            return tokenFailed(failure, start);
        }
    }

    /**
     * The mechanism itself, for any kind of attempt (a test mail, a batch of deliveries): token, attempt, and when
     * {@code rejected} says the server refused the token, evict it, fetch a new one and attempt exactly once more.
     *
     * @throws TokenFailure when no token could be had (its texts are free of secrets and tokens)
     */
    public <R> R withToken(TokenRequest request, Function<String, R> attempt, Predicate<R> rejected) throws TokenFailure {
        AccessToken token = tokens.token(request);
        R first = attempt.apply(token.value());
        if (!rejected.test(first)) {
            return first;
        }
        LOG.fine(() -> "The SMTP server rejected the access token for client " + request.clientId()
                + "; retrying once with a new token");
        tokens.evict(request, token);
        return attempt.apply(tokens.token(request).value());
    }

    /** 535 at AUTH: the server refused the token (revoked, or expired earlier than announced). */
    public static boolean rejected(Stage stage, Integer smtpCode) {
        return stage == Stage.AUTH && Integer.valueOf(AUTH_REJECTED).equals(smtpCode);
    }

    private static boolean rejected(ProbeResult result) {
        return !result.success() && rejected(result.stage(), result.smtpCode());
    }

    private static ProbeResult tokenFailed(TokenFailure failure, long start) {
        // TokenFailure's texts are free of secrets and tokens by construction
        return ProbeResult.failed(Stage.TOKEN, null, failure.getMessage(), failure.hint(), List.of(), elapsed(start));
    }

    private static ProbeResult since(ProbeResult r, long start) {
        return new ProbeResult(r.success(), r.stage(), r.smtpCode(), r.message(), r.hint(), r.transcript(),
                elapsed(start));
    }

    private static long elapsed(long start) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
