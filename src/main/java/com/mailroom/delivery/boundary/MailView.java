package com.mailroom.delivery.boundary;

import com.mailroom.delivery.entity.OutboundMail;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
    "nextAttemptAt",
    "contentPurged"
})
@Schema(description = "A mail in the outbox, without its content. Times are UTC with milliseconds.")
public record MailView(
        @Schema(required = true) String id,
        @Schema(required = true, ref = "MailStatus") String status,

        @Schema(required = true, description = "Attempts so far; each claim by a worker counts one.")
        int attempts,

        @Schema(
                description = "Where and why the last attempt failed, with a hint; for a partly delivered mail the"
                        + " refused recipients.")
        String lastError,

        @Schema(description = "When the server accepted it.")
        String sentAt,

        @Schema(required = true, ref = "Category") String category,
        @Schema(required = true) String subject,

        @Schema(required = true, description = "How many recipients.")
        int recipients,

        @Schema(required = true, description = "How many attachments.")
        int attachments,

        @Schema(required = true, description = "Bodies and attachments.")
        long sizeBytes,

        @Schema(required = true) String createdAt,

        @Schema(description = "When it is due, for queued and retrying; null otherwise.")
        String nextAttemptAt,

        @Schema(
                required = true,
                description = "True once the retention dropped the bodies and attachments of this sent mail"
                        + " (mailroom.outbox.retention-days after sending); its row stays until"
                        + " mailroom.outbox.purge-days.")
        boolean contentPurged) {

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
                pending ? text(m.getNextAttemptAt()) : null,
                m.getContentPurgedAt() != null);
    }

    private static String text(OffsetDateTime t) {
        return t == null ? null : t.toInstant().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
