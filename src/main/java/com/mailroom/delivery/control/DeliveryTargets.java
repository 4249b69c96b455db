package com.mailroom.delivery.control;

import com.mailroom.oauth.control.OAuthSmtp;
import com.mailroom.oauth.control.TokenFailure;
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
 * batch goes through {@link OAuthSmtp} like the test mail: the cached token, and after a 535 at AUTH one more try
 * with a fresh one.
 */
@ApplicationScoped
public class DeliveryTargets {

    @PersistenceContext
    EntityManager em;

    @Inject
    SmtpTargets targets;

    @Inject
    OAuthSmtp oauth;

    /** Sends with the current target; {@code send} must not throw for anything the server does. */
    public List<SendOutcome> sendWith(Function<SmtpTarget, List<SendOutcome>> send) throws Unconnectable {
        var destination = targets.stored(em.find(SmtpSettings.class, SmtpSettings.ID));
        if (destination.problem() != null) {
            throw new Unconnectable(destination.problemStage(), destination.problem());
        }
        if (destination.oauth() == null) {
            return send.apply(destination.target());
        }
        try {
            return oauth.withToken(destination.oauth(),
                    token -> send.apply(destination.target().withSecret(token)), DeliveryTargets::rejected);
        } catch (TokenFailure failure) {
            throw new Unconnectable(Stage.TOKEN, failure.getMessage() + " " + failure.hint());
        }
    }

    /** A batch whose connection failed at AUTH with 535: every outcome carries that first failure. */
    private static boolean rejected(List<SendOutcome> outcomes) {
        return !outcomes.isEmpty() && OAuthSmtp.rejected(outcomes.get(0).stage(), outcomes.get(0).smtpCode());
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
