package com.mailroom.audit.boundary;

import com.mailroom.audit.control.AuditQuery;
import com.mailroom.audit.control.CurrentRequest;
import com.mailroom.audit.control.CurrentRequest.Origin;
import com.mailroom.audit.entity.AuditEntry;
import com.mailroom.audit.entity.AuditKind;
import com.mailroom.platform.NodeName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit trail: who did what, when, from which client address and on which node (docs/api.md "Audit trail").
 * Callers never pass a secret's value: details name changed fields, client ids and destinations only.
 * <p>
 * Two ways to write, chosen per event: {@link #recordWithChange} joins the caller's transaction, so a change and its
 * entry are committed together or not at all (settings saved, users and credentials, resends: a refused or rolled
 * back change leaves no entry claiming it happened); {@link #record} commits on its own at once, for events that are
 * the refusal itself or change nothing stored (logins succeeded, failed or locked; tests).
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentRequest current;

    /**
     * Writes an entry in a transaction of its own, kept whatever happens to the caller's.
     *
     * @param client the client's address, null when unknown
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void record(AuditKind kind, String actor, String detail, String client) {
        write(kind, actor, detail, client);
    }

    /** As {@link #record(AuditKind, String, String, String)}, for the user and client of the current request. */
    @Transactional(TxType.REQUIRES_NEW)
    public void record(AuditKind kind, String detail) {
        Origin origin = current.origin();
        write(kind, origin.actor(), detail, origin.client());
    }

    /**
     * Writes an entry in the caller's transaction (a new one without), for the user and client of the current
     * request: committed with the change it describes, or rolled back with it.
     */
    @Transactional(TxType.REQUIRED)
    public void recordWithChange(AuditKind kind, String detail) {
        Origin origin = current.origin();
        write(kind, origin.actor(), detail, origin.client());
    }

    private void write(AuditKind kind, String actor, String detail, String client) {
        em.persist(new AuditEntry(OffsetDateTime.now(clock), actor, kind, detail, client, NodeName.get()));
    }

    /** Newest first, the page the query asks for. */
    @Transactional(TxType.SUPPORTS)
    public List<AuditView> list(AuditQuery query) {
        List<String> where = new ArrayList<>();
        if (query.actor() != null) {
            where.add("e.actor = :actor");
        }
        if (query.kind() != null) {
            where.add("e.kind = :kind");
        }
        if (query.since() != null) {
            where.add("e.at >= :since");
        }
        String jpql = "SELECT e FROM AuditEntry e"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY e.at DESC, e.id DESC";
        TypedQuery<AuditEntry> q = em.createQuery(jpql, AuditEntry.class);
        if (query.actor() != null) {
            q.setParameter("actor", query.actor());
        }
        if (query.kind() != null) {
            q.setParameter("kind", query.kind().wireName());
        }
        if (query.since() != null) {
            q.setParameter("since", OffsetDateTime.ofInstant(query.since(), ZoneOffset.UTC));
        }
        return q.setFirstResult(query.offset()).setMaxResults(query.limit()).getResultList().stream()
                .map(AuditView::of)
                .toList();
    }

    /** Deletes the entries written before {@code cutOff}; answers how many. */
    @Transactional(TxType.REQUIRES_NEW)
    public int deleteBefore(Instant cutOff) {
        return em.createQuery("DELETE FROM AuditEntry e WHERE e.at < :cutOff")
                .setParameter("cutOff", OffsetDateTime.ofInstant(cutOff, ZoneOffset.UTC))
                .executeUpdate();
    }
}
