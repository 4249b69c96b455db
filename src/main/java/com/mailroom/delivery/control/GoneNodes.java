package com.mailroom.delivery.control;

import com.mailroom.platform.Periodic;
import com.mailroom.status.boundary.ClusterNodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.logging.Logger;

/**
 * A node silent beyond the timeout died (a stopping node signs off): the mail it was sending goes back to the queue
 * now, not when the leases run out, and the node is forgotten. Every node looks once a heartbeat; it is idempotent.
 */
@ApplicationScoped
public class GoneNodes {

    private static final Logger LOG = Logger.getLogger(GoneNodes.class.getName());

    @Inject
    Periodic periodic;

    @Inject
    ClusterNodes nodes;

    @Inject
    Claims claims;

    @Inject
    Clock clock;

    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        periodic.every(nodes.heartbeat(), "Looking for gone nodes", this::handBack);
    }

    void handBack() {
        for (String gone : nodes.gone()) {
            int released = claims.releaseNode(gone, OffsetDateTime.now(clock));
            nodes.forget(gone);
            LOG.warning(() -> "Node " + gone + " is gone; " + released + " mail(s) it was sending are queued again.");
        }
    }
}
