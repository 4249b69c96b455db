package com.mailroom.delivery.boundary;

import com.mailroom.audit.boundary.AuditTrail;
import com.mailroom.audit.entity.AuditKind;
import com.mailroom.delivery.control.ContentChunks;
import com.mailroom.delivery.control.DeliveryConfig;
import com.mailroom.delivery.control.MailMessage;
import com.mailroom.delivery.control.MailQueued;
import com.mailroom.delivery.control.MailRules;
import com.mailroom.delivery.control.OutboxRetention;
import com.mailroom.delivery.control.RetentionRule;
import com.mailroom.delivery.entity.MailStatus;
import com.mailroom.delivery.entity.OutboundMail;
import com.mailroom.delivery.entity.StoredAttachment;
import com.mailroom.errors.Conflict;
import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.errors.NotFound;
import com.mailroom.platform.Text;
import com.mailroom.platform.WireEnum;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The one way mail leaves the application (docs/api.md "Mail", docs/product.md R15–R19), for code inside it, the REST
 * API and the Outbox page:
 * queue (validated, stored and committed before the caller hears "queued"), look up, list per status, count,
 * and resend a failed mail. Delivery itself is the workers' business ({@code control.DeliveryWorkers}).
 */
@ApplicationScoped
@Transactional
public class Outbox {

    public static final int MAX_PAGE = 100;

    @PersistenceContext
    EntityManager em;

    @Inject
    DeliveryConfig config;

    @Inject
    Event<MailQueued> queued;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    OutboxRetention retention;

    /**
     * @return the new mail's id; the mail is in the database when the caller's transaction (or this one) commits
     * @throws com.mailroom.errors.InvalidInput naming every field that breaks a rule; nothing is stored then
     */
    public String queue(MailMessage message) {
        return queue(message, null);
    }

    /**
     * @param queuedBy the client id of the API credential whose token queues the mail (null for none): a send_mail
     *         credential reads only the mails it queued ({@link #findQueuedBy})
     */
    public String queue(MailMessage message, String queuedBy) {
        String id = stored(List.of(message), List.of(MailRules.check(message, config.maxSizeBytes())), queuedBy)
                .get(0);
        queued.fire(new MailQueued(id));
        return id;
    }

    /**
     * Queues many mails in one transaction, e.g. a notification to many users: all are stored or none (every
     * message is checked before any is written), and the workers are woken once, not per mail.
     *
     * @return the new mails' ids, in the order of {@code messages}
     * @throws com.mailroom.errors.InvalidInput naming each broken field as {@code messages[i].field}; nothing is stored
     */
    public List<String> queue(List<MailMessage> messages) {
        return queue(messages, null);
    }

    /**
     * {@link #queue(List)} for an API credential ({@code POST /api/v1/mail/batch}): one transaction for all of them,
     * so the ids go back only when every mail is committed, and a failure leaves none.
     *
     * @param queuedBy the client id of the credential whose token queues the mails (null for none)
     */
    public List<String> queue(List<MailMessage> messages, String queuedBy) {
        List<FieldError> errors = new ArrayList<>();
        List<MailRules.Checked> checked = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            try {
                checked.add(MailRules.check(messages.get(i), config.maxSizeBytes()));
            } catch (InvalidInput e) {
                String prefix = "messages[" + i + "].";
                e.errors().forEach(f -> errors.add(new FieldError(prefix + f.field(), f.text())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        List<String> ids = stored(messages, checked, queuedBy);
        if (!ids.isEmpty()) {
            queued.fire(new MailQueued(ids.get(0)));
        }
        return ids;
    }

    /**
     * Inserts the mails, then their content. One flush for all of them: a flush per mail made EclipseLink compare
     * every mail already in the transaction each time (quadratic in a batch; the flight recording of benchmark way
     * (c) showed the flushes as a third of the queueing). Who queued a mail is set before the insert: set after the
     * flush, it cost an UPDATE per mail.
     *
     * @return the ids, in order
     */
    private List<String> stored(List<MailMessage> messages, List<MailRules.Checked> checked, String queuedBy) {
        List<OutboundMail> mails = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            MailMessage message = messages.get(i);
            var attachments = message.attachments().stream()
                    .map(a -> new StoredAttachment(a.filename(), a.contentType(), a.content().length))
                    .toList();
            var mail = new OutboundMail(
                    message.category(),
                    checked.get(i).to(),
                    checked.get(i).cc(),
                    checked.get(i).bcc(),
                    message.subject(),
                    attachments,
                    checked.get(i).sizeBytes(),
                    OffsetDateTime.now(clock));
            mail.setQueuedBy(queuedBy);
            em.persist(mail);
            mails.add(mail);
        }
        em.flush(); // the content's rows refer to the mails'
        for (int i = 0; i < messages.size(); i++) {
            MailMessage message = messages.get(i);
            var encoded = message.attachments().stream()
                    .map(a -> Base64.getEncoder().encodeToString(a.content()))
                    .toList();
            ContentChunks.write(em, mails.get(i).getId(), message.text(), message.html(), encoded);
        }
        return mails.stream().map(OutboundMail::getId).toList();
    }

    public MailView find(String id) {
        return MailView.of(load(id));
    }

    /**
     * The mail when the credential {@code clientId} queued it; any other mail is not found, as if there were none.
     *
     * @throws NotFound for an unknown id or a mail someone else queued
     */
    public MailView findQueuedBy(String id, String clientId) {
        OutboundMail mail = load(id);
        if (clientId == null || !clientId.equals(mail.getQueuedBy())) {
            throw new NotFound(Text.of("error.noMail", id.replaceAll("[^A-Za-z0-9-]", "?")));
        }
        return MailView.of(mail);
    }

    /**
     * Newest first, at most {@value #MAX_PAGE}; {@code status} null lists every status. Each walks an index
     * (V11__outbox_retention.sql) and stops after the page, however many mails the table holds; {@code ORDER BY
     * status, …} (the same order for one status) is what makes H2 see that {@code outbound_mail_status_created} gives
     * the order rather than the due index, which would sort every sent mail.
     */
    public List<MailView> list(MailStatus status, int offset, int limit) {
        var query = status == null
                ? em.createQuery("SELECT m FROM OutboundMail m ORDER BY m.createdAt DESC", OutboundMail.class)
                : em.createQuery(
                                "SELECT m FROM OutboundMail m WHERE m.status = :status"
                                        + " ORDER BY m.status, m.createdAt DESC",
                                OutboundMail.class)
                        .setParameter("status", status.wireName());
        return query
                .setFirstResult(Math.max(0, offset))
                .setMaxResults(Math.max(1, Math.min(limit, MAX_PAGE)))
                .getResultList()
                .stream()
                .map(MailView::of)
                .toList();
    }

    /** The whole table's rows: H2 knows its row count without reading a row. */
    public static final String TOTAL_SQL = "SELECT COUNT(*) FROM outbound_mail";

    /** Every status but sent: few rows, found through the due index. */
    public static final String UNSENT_COUNTS_SQL = "SELECT status, COUNT(*) FROM outbound_mail"
            + " WHERE status IN ('queued', 'sending', 'retrying', 'failed') GROUP BY status";

    /**
     * How many mails are in each status (every status present, zero included), for the Outbox page. Sent mails
     * are nearly all of the table (up to {@code mailroom.outbox.purge-days} of them): they are the total less the
     * others (two reads: a mail that changes state between them may be off by one in that view), rather than counted
     * one by one on each view of the page (a GROUP BY over all rows took 210 ms with 200,000 mails on H2 in memory,
     * growing with the table; these two take 0.2 ms: OutboxListingTest).
     */
    public Map<MailStatus, Long> counts() {
        Map<MailStatus, Long> counts = new EnumMap<>(MailStatus.class);
        for (MailStatus s : MailStatus.values()) {
            counts.put(s, 0L);
        }
        long total = ((Number) em.createNativeQuery(TOTAL_SQL).getSingleResult()).longValue();
        long unsent = 0;
        for (Object row : em.createNativeQuery(UNSENT_COUNTS_SQL).getResultList()) {
            Object[] columns = (Object[]) row;
            long n = ((Number) columns[1]).longValue();
            unsent += n;
            WireEnum.parse(MailStatus.class, (String) columns[0]).ifPresent(s -> counts.put(s, n));
        }
        counts.put(MailStatus.SENT, Math.max(0, total - unsent));
        return counts;
    }

    /** How long sent mails keep their content and their rows (the Outbox page says it). */
    public RetentionRule retention() {
        return retention.rule();
    }

    /** A failed mail goes back to the queue with a fresh budget of attempts. */
    public MailView resend(String id) {
        OutboundMail mail = load(id);
        if (mail.getStatus() != MailStatus.FAILED) {
            throw new Conflict(
                    "status", Text.of("error.notResendable", mail.getStatus().wireName()));
        }
        mail.requeue(OffsetDateTime.now(clock));
        audit.recordWithChange(AuditKind.MAIL_RESENT, "mail " + id);
        queued.fire(new MailQueued(id));
        return MailView.of(mail);
    }

    /**
     * Removes a failed mail for good, with its content (an admin's decision: it will not be resent); recorded in the
     * audit trail. Other mails are the workers' and the retention's.
     *
     * @throws Conflict naming {@code status} for a mail that is not failed
     */
    public void remove(String id) {
        OutboundMail mail = load(id);
        if (mail.getStatus() != MailStatus.FAILED) {
            throw new Conflict(
                    "status", Text.of("error.notRemovable", mail.getStatus().wireName()));
        }
        em.remove(mail); // its content rows go with it (ON DELETE CASCADE)
        audit.recordWithChange(AuditKind.MAIL_REMOVED, "mail " + id);
    }

    private OutboundMail load(String id) {
        OutboundMail mail = id == null || id.length() > 36 ? null : em.find(OutboundMail.class, id);
        if (mail == null) {
            throw new NotFound(Text.of("error.noMail", id == null ? "" : id.replaceAll("[^A-Za-z0-9-]", "?")));
        }
        return mail;
    }
}
