package com.mailroom.status.boundary;

import com.mailroom.platform.NodeName;
import com.mailroom.status.entity.ClusterNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which nodes share the database and are alive: each writes a heartbeat every {@code mailroom.cluster.heartbeat-
 * seconds} (5); one silent for {@code mailroom.cluster.node-timeout-seconds} (30) is gone — it leaves the status
 * list, and its mail is handed back to the others. A node stopping cleanly leaves at once.
 */
@ApplicationScoped
@Transactional
public class ClusterNodes {

    private static final Logger LOG = Logger.getLogger(ClusterNodes.class.getName());
    /** This process: two processes with one node name are told apart by it. */
    private static final String INSTANCE = UUID.randomUUID().toString();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "mailroom.cluster.heartbeat-seconds", defaultValue = "5")
    int heartbeatSeconds;

    @Inject
    @ConfigProperty(name = "mailroom.cluster.node-timeout-seconds", defaultValue = "30")
    int timeoutSeconds;

    private volatile boolean warned;

    public Duration heartbeat() {
        return Duration.ofSeconds(Math.max(1, heartbeatSeconds));
    }

    /** This node is alive now. Warns once when another running process writes the same node name. */
    public void beat() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        ClusterNode node = em.find(ClusterNode.class, NodeName.get());
        if (node == null) {
            em.persist(new ClusterNode(NodeName.get(), INSTANCE, now));
            return;
        }
        if (!warned && !node.getInstance().equals(INSTANCE) && node.getSeenAt().isAfter(now.minus(heartbeat()))) {
            warned = true;
            LOG.warning(() -> "Another running node is also named '" + NodeName.get() + "': give every node its own"
                    + " mailroom.node-name, or their status and mail in flight get mixed up.");
        }
        node.seen(INSTANCE, now);
    }

    /** This node stops: it is no longer listed. */
    public void leave() {
        em.createQuery("DELETE FROM ClusterNode c WHERE c.name = :me AND c.instance = :instance")
                .setParameter("me", NodeName.get())
                .setParameter("instance", INSTANCE)
                .executeUpdate();
    }

    /** The names of the nodes heard from within the timeout. */
    public List<String> alive() {
        return em.createQuery("SELECT c.name FROM ClusterNode c WHERE c.seenAt > :since", String.class)
                .setParameter("since", OffsetDateTime.now(clock).minus(timeout()))
                .getResultList();
    }

    /** The nodes silent for longer than the timeout: they died (a stopping node leaves). */
    public List<String> gone() {
        return em.createQuery(
                        "SELECT c.name FROM ClusterNode c WHERE c.seenAt <= :since AND c.name <> :me", String.class)
                .setParameter("since", OffsetDateTime.now(clock).minus(timeout()))
                .setParameter("me", NodeName.get())
                .getResultList();
    }

    /** Forgets a node that is gone, and its SMTP status. */
    public void forget(String name) {
        em.createQuery("DELETE FROM ClusterNode c WHERE c.name = :name")
                .setParameter("name", name)
                .executeUpdate();
        em.createQuery("DELETE FROM NodeStatus n WHERE n.hostname = :name")
                .setParameter("name", name)
                .executeUpdate();
    }

    private Duration timeout() {
        return Duration.ofSeconds(Math.max(2L * heartbeat().toSeconds(), timeoutSeconds));
    }
}
