package com.mailroom.status.control;

import com.mailroom.platform.Periodic;
import com.mailroom.status.boundary.ClusterNodes;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/** Writes this node's heartbeat from start to stop ({@link ClusterNodes}). */
@ApplicationScoped
public class Heartbeat {

    private static final Logger LOG = Logger.getLogger(Heartbeat.class.getName());

    @Inject
    Periodic periodic;

    @Inject
    ClusterNodes nodes;

    private Periodic.Repetition beating;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        beating = periodic.every(nodes.heartbeat(), "Heartbeat", nodes::beat);
        nodes.beat();
    }

    @PreDestroy
    void stop() {
        if (beating != null) {
            beating.stop();
        }
        try {
            nodes.leave();
        } catch (RuntimeException e) {
            LOG.warning(() -> "Could not sign this node off: " + e.getMessage());
        }
    }
}
