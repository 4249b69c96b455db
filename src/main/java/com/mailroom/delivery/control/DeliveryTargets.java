package com.mailroom.delivery.control;

import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.SmtpTargets;
import com.mailroom.sending.control.SmtpTargets.Destination;
import com.mailroom.sending.control.Stage;
import com.mailroom.settings.entity.SmtpSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** Where the next batch goes: the stored settings, read per batch so a save takes effect at once. */
@ApplicationScoped
public class DeliveryTargets {

    @PersistenceContext
    EntityManager em;

    @Inject
    SmtpTargets targets;

    public SmtpTarget current() throws Unconnectable {
        return connectable(targets.stored(em.find(SmtpSettings.class, SmtpSettings.ID)));
    }

    /**
     * The one place where a destination becomes something to connect to. For OAuth the target's secret must be an
     * access token; the token cache plugs in here.
     */
    SmtpTarget connectable(Destination destination) throws Unconnectable {
        if (destination.problem() != null) {
            throw new Unconnectable(destination.problemStage(), destination.problem());
        }
        if (destination.oauth() != null) {
            throw new Unconnectable(Stage.TOKEN, "OAuth not available: OAuth 2.0 delivery is not in this build yet.");
        }
        return destination.target();
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
