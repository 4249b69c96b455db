package com.mailroom.delivery.control;

import java.util.List;

/** A mail a worker holds (status sending), as read when it was claimed; attachments are read one mail at a time. */
public record ClaimedMail(
        String id,
        String category,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        String text,
        String html,
        int attachmentCount,
        int attempts) {

    /** One attachment, as stored: its content still base64. */
    public record Attachment(String filename, String contentType, String contentBase64) {}
}
