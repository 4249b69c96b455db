package com.mailroom.settings.control;

import com.mailroom.platform.Periodic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks the saved settings at start-up, then notices a save made on another node — the settings' version moved on
 * — within {@code mailroom.cluster.heartbeat-seconds} and has this node check the new settings from where it runs:
 * every node of a cluster reports its own answer, not only the one that saved. Reading one row's version every few
 * seconds is all it costs; the shared database is the only channel the nodes need.
 */
@ApplicationScoped
public class SettingsWatch {

    @Inject
    Periodic periodic;

    @Inject
    BackgroundCheck check;

    @Inject
    @ConfigProperty(name = "mailroom.cluster.heartbeat-seconds", defaultValue = "5")
    int periodSeconds;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        periodic.every(
                Duration.ofSeconds(Math.max(1, periodSeconds)),
                "Looking for new settings",
                check::checkIfSavedElsewhere);
        check.checkSoon();
    }
}
