package com.mailroom.api;

import com.mailroom.api.JsonRecords.MustBe;
import com.mailroom.delivery.control.MailMessage;
import com.mailroom.delivery.entity.Category;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /api/v1/mail} (docs/api.md "Mail"). Only its shape is checked here (types, unknown fields,
 * base64);
 * the rules (addresses, header injection, sizes) are the outbox's. Errors are named in the order of the components,
 * as they always were.
 */
@Schema(
        description = "A mail to queue. Addresses are `a@b.c` or `Name <a@b.c>`; 1 to 100 recipients in all (to, cc"
                + " and bcc together); at least one of `text` and `html`; bodies and decoded attachments together at"
                + " most `mailroom.mail.max-size-bytes` (25 MiB by default).")
public record MailBody(
        @Schema(required = true, maxLength = 998, description = "No line breaks or control characters.")
        String subject,

        @Schema(description = "The plain-text body; with `html` the mail is multipart/alternative.")
        String text,

        @Schema(description = "The HTML body.") String html,

        @Schema(required = true, description = "Why the application sends it.")
        Category category,

        @Schema(description = LIST) @MustBe(MailBody.ADDRESSES)
        List<String> to,

        @Schema(description = LIST) @MustBe(MailBody.ADDRESSES)
        List<String> cc,

        @Schema(description = LIST) @MustBe(MailBody.ADDRESSES)
        List<String> bcc,

        @Schema(maxItems = 50, description = "At most 50.") List<Attachment> attachments) {

    static final String ADDRESSES = "field.mustBe.addresses";

    private static final String LIST = "Addresses; a single string is a list of one.";

    @Schema(name = "MailAttachment", description = "A file attached to the mail.")
    public record Attachment(
            @Schema(required = true, maxLength = 255, description = "No control characters, `/` or `\\`.")
            String filename,

            @Schema(description = "`type/subtype` without parameters.", defaultValue = "application/octet-stream")
            String contentType,

            @Schema(required = true, description = "The content in base64; line breaks allowed.")
            byte[] contentBase64) {}

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
