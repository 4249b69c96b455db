package com.mailroom.delivery.boundary;

import com.mailroom.delivery.entity.OutboundMail;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * A mail as the API and the Outbox page show it (docs/api.md: id, status, attempts, last_error, sent_at), plus what an
 * admin needs to recognise it. Never the body or the attachments.
 */
@JsonbPropertyOrder({
    "id",
    "status",
    "attempts",
    "lastError",
    "sentAt",
    "category",
    "subject",
    "recipients",
    "attachments",
    "sizeBytes",
    "createdAt",
    "nextAttemptAt"
})
public record MailView(
        String id,
        String status,
        int attempts,
        String lastError,
        String sentAt,
        String category,
        String subject,
        int recipients,
        int attachments,
        long sizeBytes,
        String createdAt,
        String nextAttemptAt) {

    static MailView of(OutboundMail m) {
        boolean pending = switch (m.getStatus()) {
            case QUEUED, RETRYING -> true;
            default -> false;
        };
        return new MailView(
                m.getId(),
                m.getStatus().wireName(),
                m.getAttempts(),
                m.getLastError(),
                text(m.getSentAt()),
                m.getCategory().wireName(),
                m.getSubject(),
                m.getTo().size() + m.getCc().size() + m.getBcc().size(),
                m.getAttachmentCount(),
                m.getSizeBytes(),
                text(m.getCreatedAt()),
                pending ? text(m.getNextAttemptAt()) : null);
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
