package com.mailroom.delivery.control;

import java.util.List;

/**
 * A mail a worker holds (status sending), as read when it was claimed: addresses and subject only. Its content
 * ({@link Content}) is read a few mails ahead of its turn ({@link ContentReadAhead}), so a worker holds a few
 * megabytes of bodies and attachments at a time, never a whole batch's.
 */
public record ClaimedMail(
        String id,
        String category,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        long sizeBytes,
        int attachmentCount,
        int attempts) {

    /** The bodies and attachments of one mail. */
    public record Content(String text, String html, List<Attachment> attachments) {}

    /** One attachment, as stored: its content still base64. */
    public record Attachment(String filename, String contentType, String contentBase64) {}
}
