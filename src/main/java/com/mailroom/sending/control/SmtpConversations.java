package com.mailroom.sending.control;

import com.mailroom.oauth.control.OAuthSmtp;
import com.mailroom.sending.control.SmtpTargets.Destination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.function.Function;

/**
 * Runs an SMTP conversation with a {@link Destination}: the test mail or the connect-and-authenticate check. For an
 * OAuth 2.0 destination the access token is fetched (or taken from the cache) first, and a rejected token is
 * replaced and tried once more ({@link OAuthSmtp}).
 */
@ApplicationScoped
public class SmtpConversations {

    private final SmtpProbe probe = new SmtpProbe();

    @Inject
    OAuthSmtp oauth;

    public ProbeResult send(Destination destination, String recipient, String subject, String body) {
        return run(destination, target -> probe.send(target, recipient, subject, body));
    }

    public ProbeResult check(Destination destination) {
        return run(destination, probe::check);
    }

    private ProbeResult run(Destination destination, Function<SmtpTarget, ProbeResult> attempt) {
        if (destination.problem() != null) {
            return ProbeResult.failed(destination.problemStage(), null, destination.problem(), null, List.of(), 0);
        }
        if (destination.oauth() == null) {
            return attempt.apply(destination.target());
        }
        return oauth.withToken(destination.oauth(), token -> attempt.apply(destination.target().withSecret(token)));
    }
}
