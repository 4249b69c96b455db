package com.mailroom.delivery.control;

import com.mailroom.oauth.control.TokenCache;
import com.mailroom.oauth.control.TokenFailure;
import com.mailroom.oauth.control.TokenRequest;
import com.mailroom.oauth.entity.AccessToken;
import com.mailroom.sending.control.SmtpConversations;
import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.SmtpTargets;
import com.mailroom.sending.control.Stage;
import com.mailroom.settings.entity.SmtpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.function.Function;

/**
 * Where the next batch goes: the stored settings, read per batch so a save takes effect at once. For OAuth 2.0 the
 * access token comes from the shared cache (one token request serves many batches and the test mail); when the
 * server rejects it (535 at AUTH) it is evicted and the batch tried once more with a fresh token.
 */
@ApplicationScoped
public class DeliveryTargets {

    private static final int AUTH_REJECTED = 535;

    @PersistenceContext
    EntityManager em;

    @Inject
    SmtpTargets targets;

    @Inject
    SmtpConversations conversations;

    @Inject
    TokenCache tokens;

    /** Sends with the current target; {@code send} must not throw for anything the server does. */
    public List<SendOutcome> sendWith(Function<SmtpTarget, List<SendOutcome>> send) throws Unconnectable {
        var destination = targets.stored(em.find(SmtpSettings.class, SmtpSettings.ID));
        if (destination.problem() != null) {
            throw new Unconnectable(destination.problemStage(), destination.problem());
        }
        if (destination.oauth() == null) {
            return send.apply(destination.target());
        }
        TokenRequest request;
        try {
            request = conversations.tokenRequest(destination.oauth());
        } catch (IllegalArgumentException incomplete) {
            throw new Unconnectable(Stage.TOKEN, "The OAuth 2.0 settings are incomplete: " + incomplete.getMessage());
        }
        AccessToken token = token(request);
        List<SendOutcome> outcomes = send.apply(destination.target().withSecret(token.value()));
        if (!rejected(outcomes)) {
            return outcomes;
        }
        tokens.evict(request, token);
        return send.apply(destination.target().withSecret(token(request).value()));
    }

    private AccessToken token(TokenRequest request) throws Unconnectable {
        try {
            return tokens.token(request);
        } catch (TokenFailure failure) {
            throw new Unconnectable(Stage.TOKEN, failure.getMessage() + " " + failure.hint());
        }
    }

    private static boolean rejected(List<SendOutcome> outcomes) {
        return !outcomes.isEmpty() && outcomes.get(0).stage() == Stage.AUTH
                && Integer.valueOf(AUTH_REJECTED).equals(outcomes.get(0).smtpCode());
    }

    /** The settings give no server to talk to (yet); every mail of the batch waits. */
    public static class Unconnectable extends Exception {
        private final Stage stage;

        public Unconnectable(Stage stage, String message) {
            super(message, null, false, false);
            this.stage = stage;
        }

        public Stage stage() {
            return stage;
        }
    }
}
