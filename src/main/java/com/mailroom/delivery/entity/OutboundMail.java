package com.mailroom.delivery.entity;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import com.mailroom.platform.WireEnum;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A mail in the outbox. Written here when it is queued and when an admin resends it; the delivery workers claim
 * and update rows with their own SQL ({@code control.ClaimSql}), which is why the status is stored as its wire name.
 * Recipients are stored one per line (validated addresses contain no line breaks). The bodies and attachments
 * are not part of the row: they are chunks in {@code outbound_content} ({@code control.ContentChunks}).
 */
@Entity
@Table(name = "outbound_mail")
public class OutboundMail {

    /**
     * Ids are version 7 UUIDs (time first, then random): mails queued together are neighbours in the primary key
     * and in {@code outbound_content}'s, so a claimed batch's rows share a few B-tree pages, which is what a commit
     * rewrites. With random ids every mail of a batch had a page of its own (claim and write-back cost a third
     * more). Still unguessable: 74 random bits.
     */
    private static final NoArgGenerator IDS = Generators.timeBasedEpochGenerator();

    @Id
    private String id;

    @Column(name = "status")
    private String status;

    @Enumerated(EnumType.STRING)
    private Category category;

    @Column(name = "to_addresses")
    private String to;

    @Column(name = "cc_addresses")
    private String cc;

    @Column(name = "bcc_addresses")
    private String bcc;

    private String subject;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "attachment_count")
    private int attachmentCount;

    private int attempts;

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt;

    @Column(name = "claim_token")
    private String claimToken;

    @Column(name = "claimed_by")
    private String claimedBy;

    @Column(name = "lease_until")
    private OffsetDateTime leaseUntil;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    @Column(name = "sent_at")
    private OffsetDateTime sentAt;

    /** When the retention dropped its bodies and attachments (a sent mail); null while they are kept. */
    @Column(name = "content_purged_at")
    private OffsetDateTime contentPurgedAt;

    /** The client id of the API credential whose token queued it; null when a person or the application did. */
    @Column(name = "queued_by")
    private String queuedBy;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "outbound_attachment", joinColumns = @JoinColumn(name = "mail_id"))
    @OrderColumn(name = "seq")
    private List<StoredAttachment> attachments = new ArrayList<>();

    protected OutboundMail() {}

    public OutboundMail(
            Category category,
            List<String> to,
            List<String> cc,
            List<String> bcc,
            String subject,
            List<StoredAttachment> attachments,
            long sizeBytes,
            OffsetDateTime now) {
        this.id = IDS.generate().toString();
        this.status = MailStatus.QUEUED.wireName();
        this.category = category;
        this.to = String.join("\n", to);
        this.cc = String.join("\n", cc);
        this.bcc = String.join("\n", bcc);
        this.subject = subject;
        this.attachments = new ArrayList<>(attachments);
        this.attachmentCount = attachments.size();
        this.sizeBytes = sizeBytes;
        this.createdAt = now;
        this.nextAttemptAt = now;
    }

    public String getQueuedBy() {
        return queuedBy;
    }

    public void setQueuedBy(String queuedBy) {
        this.queuedBy = queuedBy;
    }

    /** Failed → queued again, with a fresh budget of attempts. */
    public void requeue(OffsetDateTime now) {
        status = MailStatus.QUEUED.wireName();
        attempts = 0;
        nextAttemptAt = now;
        claimToken = null;
        claimedBy = null;
        leaseUntil = null;
    }

    public String getId() {
        return id;
    }

    public MailStatus getStatus() {
        return WireEnum.parse(MailStatus.class, status).orElseThrow();
    }

    public Category getCategory() {
        return category;
    }

    public String getSubject() {
        return subject;
    }

    public int getAttempts() {
        return attempts;
    }

    public int getAttachmentCount() {
        return attachmentCount;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getLastError() {
        return lastError;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    public OffsetDateTime getSentAt() {
        return sentAt;
    }

    public OffsetDateTime getContentPurgedAt() {
        return contentPurgedAt;
    }

    public List<String> getTo() {
        return lines(to);
    }

    public List<String> getCc() {
        return lines(cc);
    }

    public List<String> getBcc() {
        return lines(bcc);
    }

    public List<StoredAttachment> getAttachments() {
        return attachments;
    }

    private static List<String> lines(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split("\n"));
    }
}
