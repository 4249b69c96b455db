package com.mailroom.status.boundary;

import com.mailroom.platform.NodeName;
import com.mailroom.status.entity.NodeStatus;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMTP error state (docs/product.md): this node's status, kept in the database so it survives a restart and
 * every admin on every node sharing the database sees it. Checks after a save, tests of the saved settings and
 * deliveries record into it; a later success clears it. Writes are serialised on this node, so a slow old
 * check cannot overwrite a newer result. It knows nothing of settings or SMTP: callers say what happened.
 */
@Singleton
public class SmtpStatus {

    @PersistenceContext
    EntityManager em;

    @Inject
    ClusterNodes nodes;

    /** Records an outcome for this node; an outcome older than the one stored is ignored. */
    @Lock(LockType.WRITE)
    public void record(boolean valid, String message, OffsetDateTime at) {
        record(valid, message, at, null);
    }

    /**
     * Records the outcome of a check (or test) of the settings with version {@code settingsVersion}: from then on
     * this node no longer shows as checking that version. An outcome older than the one stored is ignored.
     */
    @Lock(LockType.WRITE)
    public void record(boolean valid, String message, OffsetDateTime at, Long settingsVersion) {
        NodeStatus status = em.find(NodeStatus.class, NodeName.get());
        if (status == null) {
            status = new NodeStatus(NodeName.get());
            status.update(valid, message, at, settingsVersion);
            em.persist(status);
        } else if (status.isOlderThan(at)) {
            status.update(valid, message, at, settingsVersion);
        }
    }

    /**
     * After a save the other nodes' results describe settings that are gone; they report again when they send.
     * Called after the save's commit (an {@code AFTER_SUCCESS} observer), where the finished transaction may still be
     * bound to the thread: WildFly then refuses the delete ("Executing an update/delete query"), so it gets a
     * transaction of its own.
     */
    @Lock(LockType.WRITE)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void settingsChanged() {
        em.createQuery("DELETE FROM NodeStatus n WHERE n.hostname <> :me")
                .setParameter("me", NodeName.get())
                .executeUpdate();
    }

    /**
     * Every node alive, by node name, and what it says about the settings version {@code current}: a node that has
     * not checked that version yet (or not at all) is {@link NodeCheck.State#CHECKING}.
     */
    @Lock(LockType.READ)
    public List<NodeCheck> checks(long current) {
        Map<String, NodeStatus> recorded = new HashMap<>();
        em.createQuery("SELECT n FROM NodeStatus n", NodeStatus.class)
                .getResultList()
                .forEach(n -> recorded.put(n.getHostname(), n));
        return nodes.alive().stream()
                .sorted()
                .map(name -> {
                    NodeStatus n = recorded.get(name);
                    return n == null
                            ? NodeCheck.of(name, null, null, null, null, current)
                            : NodeCheck.of(
                                    name,
                                    n.isValid(),
                                    n.getMessage(),
                                    n.getCheckedAt().toInstant().truncatedTo(ChronoUnit.SECONDS),
                                    n.getSettingsVersion(),
                                    current);
                })
                .toList();
    }

    /** The latest outcome of every node alive, by node name (a node that is gone is not listed). */
    @Lock(LockType.READ)
    public List<StatusView.Node> nodes() {
        List<String> alive = nodes.alive();
        return em
                .createQuery("SELECT n FROM NodeStatus n ORDER BY n.hostname", NodeStatus.class)
                .getResultList()
                .stream()
                .filter(n -> alive.contains(n.getHostname()))
                .map(n -> new StatusView.Node(
                        n.getHostname(),
                        n.isValid(),
                        n.getMessage(),
                        n.getCheckedAt()
                                .toInstant()
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString()))
                .toList();
    }
}
