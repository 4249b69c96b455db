package com.mailroom.sending.control;

import com.mailroom.oauth.control.OAuthSmtp;
import com.mailroom.oauth.control.TokenRequest;
import com.mailroom.sending.control.SmtpTargets.Destination;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** How the client secret is presented to the token endpoint: {@code form} (default) or {@code basic}. */
    @Inject
    @ConfigProperty(name = "mailroom.oauth.client-authentication", defaultValue = "form")
    String clientAuthentication;

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
        TokenRequest request;
        try {
            request = tokenRequest(destination.oauth());
        } catch (IllegalArgumentException incomplete) {
            return ProbeResult.failed(Stage.TOKEN, null, "The OAuth 2.0 settings are incomplete: "
                    + incomplete.getMessage() + ".", "Enter the client ID, client secret and token URL.", List.of(), 0);
        }
        return oauth.withToken(request, token -> attempt.apply(destination.target().withSecret(token)));
    }

    /** The token request for an OAuth 2.0 destination; also what the delivery worker needs. */
    public TokenRequest tokenRequest(SmtpTargets.OAuthClient client) {
        var method = "basic".equals(clientAuthentication.toLowerCase(Locale.ROOT))
                ? TokenRequest.ClientAuthentication.BASIC : TokenRequest.ClientAuthentication.FORM_BODY;
        return new TokenRequest(URI.create(client.tokenEndpoint()), client.clientId(), client.clientSecret(),
                client.scopes(), method);
    }
}
