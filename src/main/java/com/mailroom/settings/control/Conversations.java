package com.mailroom.settings.control;

import com.mailroom.oauth.control.TokenFailure;
import com.mailroom.oauth.control.TokenRetry;
import com.mailroom.platform.Text;
import com.mailroom.sending.control.ProbeResult;
import com.mailroom.sending.control.SmtpProbe;
import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.Stage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Talks to a {@link Destination}: any attempt (a test mail, a check, a delivery batch) on its target, for OAuth 2.0
 * with an access token that is replaced and tried once more when the server rejects it ({@link TokenRetry}).
 */
@ApplicationScoped
public class Conversations {

    private final SmtpProbe probe = new SmtpProbe();

    @Inject
    TokenRetry tokens;

    /** There is no target (the settings give none) or no access token could be had. */
    public static class Unusable extends Exception {
        private final Stage stage;
        private final transient Text text;
        private final transient Text hint;

        Unusable(Stage stage, Text text, Text hint) {
            super(text.english(), null, false, false);
            this.stage = stage;
            this.text = text;
            this.hint = hint;
        }

        public Stage stage() {
            return stage;
        }

        public Text text() {
            return text;
        }

        public Text hint() {
            return hint;
        }
    }

    /**
     * @param attempt  runs against the target; must not throw for anything the server does
     * @param rejected whether an attempt's result says the server refused the access token
     */
    public <R> R run(Destination d, Function<SmtpTarget, R> attempt, Predicate<R> rejected) throws Unusable {
        if (d.problem() != null) {
            throw new Unusable(d.problemStage(), d.problem(), null);
        }
        if (d.oauth() == null) {
            return attempt.apply(d.target());
        }
        try {
            return tokens.withToken(d.oauth(), token -> attempt.apply(d.target().withSecret(token)), rejected);
        } catch (TokenFailure failure) {
            // its texts are free of secrets and tokens by construction
            throw new Unusable(Stage.TOKEN, failure.text(), failure.hint());
        }
    }

    /** The test mail; the result's duration covers the token requests and both attempts. */
    public ProbeResult send(Destination d, String recipient, String subject, String body) {
        return probe(d, target -> probe.send(target, recipient, subject, body));
    }

    /** Connect, TLS, EHLO and login, then quit without sending. */
    public ProbeResult check(Destination d) {
        return probe(d, probe::check);
    }

    private ProbeResult probe(Destination d, Function<SmtpTarget, ProbeResult> attempt) {
        long start = System.nanoTime();
        ProbeResult r;
        try {
            r = run(d, attempt, result -> !result.success() && Stage.rejectsLogin(result.stage(), result.smtpCode()));
        } catch (Unusable u) {
            r = ProbeResult.failed(u.stage(), null, u.text(), u.hint(), List.of(), 0);
        }
        return new ProbeResult(
                r.success(),
                r.stage(),
                r.smtpCode(),
                r.message(),
                r.hint(),
                r.transcript(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }
}
