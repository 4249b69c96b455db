package com.mailroom.sending.control;

import com.mailroom.sending.control.SmtpTargets.Destination;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;

/**
 * Runs an SMTP conversation with a {@link Destination}: the test mail or the connect-and-authenticate check,
 * fetching the OAuth 2.0 access token first where the destination needs one.
 */
@ApplicationScoped
public class SmtpConversations {

    private final SmtpProbe probe = new SmtpProbe();

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
        if (destination.oauth() != null) {
            return ProbeResult.failed(Stage.TOKEN, null, "OAuth 2.0 is not available in this build yet.",
                    "Use basic authentication for now.", List.of(), 0);
        }
        return attempt.apply(destination.target());
    }
}
