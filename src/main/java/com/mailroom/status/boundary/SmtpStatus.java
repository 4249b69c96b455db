package com.mailroom.status.boundary;

import com.mailroom.platform.NodeName;
import com.mailroom.sending.control.ProbeResult;
import com.mailroom.settings.entity.SmtpSettings;
import com.mailroom.status.entity.NodeStatus;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The SMTP error state (manual point 9): this node's status, kept in the database so it survives a restart and
 * every admin on every node sharing the database sees it. Checks after a save, tests of the saved settings and
 * deliveries record into it; a later success clears it. Writes are serialised on this node, so a slow old
 * check cannot overwrite a newer result.
 */
@Singleton
public class SmtpStatus {

    @PersistenceContext
    EntityManager em;

    /** Records an outcome for this node; older outcomes than the one stored are ignored. */
    @Lock(LockType.WRITE)
    public void record(ProbeResult result, OffsetDateTime startedAt) {
        record(result.success(), result.success() ? null : describe(result), startedAt);
    }

    @Lock(LockType.WRITE)
    public void record(boolean valid, String message, OffsetDateTime at) {
        NodeStatus status = em.find(NodeStatus.class, NodeName.get());
        if (status == null) {
            status = new NodeStatus(NodeName.get());
            em.persist(status);
        } else if (status.getCheckedAt() != null && status.getCheckedAt().isAfter(at)) {
            return;
        }
        status.update(valid, message, at);
    }

    /** After a save the other nodes' results describe settings that are gone; they report again when they send. */
    @Lock(LockType.WRITE)
    public void settingsChanged() {
        em.createQuery("DELETE FROM NodeStatus n WHERE n.hostname <> :me").setParameter("me", NodeName.get()).executeUpdate();
    }

    @Lock(LockType.READ)
    public StatusView view() {
        var nodes = em.createQuery("SELECT n FROM NodeStatus n ORDER BY n.hostname", NodeStatus.class).getResultList()
                .stream().map(n -> new StatusView.Node(n.getHostname(), n.isValid(), n.getMessage(),
                        n.getCheckedAt().toInstant().truncatedTo(ChronoUnit.SECONDS).toString()))
                .toList();
        SmtpSettings settings = em.find(SmtpSettings.class, SmtpSettings.ID);
        return new StatusView(nodes.stream().allMatch(StatusView.Node::isValid),
                settings.isDefaultSmtp() ? "default" : "custom", nodes.size(), nodes);
    }

    static String describe(ProbeResult r) {
        String text = "SMTP " + r.stage().wireName() + " failed: " + r.message();
        return r.hint() == null ? text : text + " " + r.hint();
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
