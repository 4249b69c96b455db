package com.mailroom.api;

import com.mailroom.api.JsonRecords.MustBe;
import com.mailroom.delivery.control.MailMessage;
import com.mailroom.delivery.entity.Category;
import java.util.List;

/**
 * The body of {@code POST /api/v1/mail} (docs/api.md "Mail"). Only its shape is checked here (types, unknown fields,
 * base64);
 * the rules (addresses, header injection, sizes) are the outbox's. Errors are named in the order of the components,
 * as they always were.
 */
public record MailBody(
        String subject,
        String text,
        String html,
        Category category,
        @MustBe(MailBody.ADDRESSES) List<String> to,
        @MustBe(MailBody.ADDRESSES) List<String> cc,
        @MustBe(MailBody.ADDRESSES) List<String> bcc,
        List<Attachment> attachments) {

    static final String ADDRESSES = "field.mustBe.addresses";

    public record Attachment(String filename, String contentType, byte[] contentBase64) {}

    MailMessage message() {
        var files = attachments == null
                ? null
                : attachments.stream()
                        .map(a -> new MailMessage.Attachment(
                                a.filename(),
                                a.contentType() == null ? "application/octet-stream" : a.contentType(),
                                a.contentBase64()))
                        .toList();
        return new MailMessage(to, cc, bcc, subject, text, html, category, files);
    }
}
