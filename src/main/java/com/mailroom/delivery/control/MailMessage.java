package com.mailroom.delivery.control;

import com.mailroom.delivery.entity.Category;
import java.util.List;

/**
 * A mail the application (or an integrator, over REST) hands to the outbox. Recipients are {@code a@b.c} or
 * {@code Name <a@b.c>}; at least one of text and html is given. Checked by {@link MailRules} before it is stored.
 */
public record MailMessage(
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String subject,
        String text,
        String html,
        Category category,
        List<Attachment> attachments) {

    public MailMessage {
        to = to == null ? List.of() : to;
        cc = cc == null ? List.of() : cc;
        bcc = bcc == null ? List.of() : bcc;
        attachments = attachments == null ? List.of() : attachments;
    }

    /** A plain-text mail to one recipient, for code inside the application. */
    public static MailMessage text(Category category, String to, String subject, String text) {
        return new MailMessage(List.of(to), List.of(), List.of(), subject, text, null, category, List.of());
    }

    public record Attachment(String filename, String contentType, byte[] content) {
        @Override
        public String toString() {
            return "Attachment[" + filename + ", " + contentType + ", " + (content == null ? 0 : content.length)
                    + " bytes]";
        }
    }
}
