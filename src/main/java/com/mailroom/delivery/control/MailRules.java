package com.mailroom.delivery.control;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.platform.MailAddress;
import com.mailroom.platform.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the outbox accepts. Everything that becomes a header (addresses, subject, filenames, content types) is
 * refused with a line break or any other control character, so nothing can inject a header; every problem is named
 * by its JSON field and all are reported at once. Counts and sizes are bounded so one request cannot fill the disk.
 */
public final class MailRules {

    public static final int MAX_RECIPIENTS = 100;
    public static final int MAX_SUBJECT = 998;
    public static final int MAX_ATTACHMENTS = 50;
    public static final int MAX_FILENAME = 255;

    private static final Pattern CONTROL = MailAddress.CONTROL;
    /** type/subtype without parameters: parameters are what a header injection would smuggle in. */
    private static final Pattern CONTENT_TYPE =
            Pattern.compile("^[A-Za-z0-9!#$&^_.+\\-]{1,64}/[A-Za-z0-9!#$&^_.+\\-]{1,127}$");

    private MailRules() {}

    /**
     * @return the recipients in their canonical form, in the order to, cc, bcc
     * @throws InvalidInput naming every broken rule
     */
    public static Checked check(MailMessage m, long maxSizeBytes) {
        List<FieldError> errors = new ArrayList<>();
        var to = recipients("to", m.to(), errors);
        var cc = recipients("cc", m.cc(), errors);
        var bcc = recipients("bcc", m.bcc(), errors);
        int count = m.to().size() + m.cc().size() + m.bcc().size();
        if (count == 0) {
            errors.add(FieldError.of("to", "field.to.none"));
        } else if (count > MAX_RECIPIENTS) {
            errors.add(FieldError.of("to", "field.to.tooMany", MAX_RECIPIENTS));
        }
        if (m.subject() == null || m.subject().isBlank()) {
            errors.add(FieldError.of("subject", "field.subject.required"));
        } else if (CONTROL.matcher(m.subject()).find()) {
            errors.add(FieldError.of("subject", "field.subject.control"));
        } else if (m.subject().length() > MAX_SUBJECT) {
            errors.add(FieldError.of("subject", "field.subject.tooLong", MAX_SUBJECT));
        }
        if (empty(m.text()) && empty(m.html())) {
            errors.add(FieldError.of("text", "field.text.required"));
        }
        if (m.category() == null) {
            errors.add(FieldError.of("category", "field.category.required"));
        }
        long size = utf8(m.text()) + utf8(m.html()) + attachments(m.attachments(), errors);
        if (size > maxSizeBytes) {
            errors.add(FieldError.of("attachments", "field.attachments.tooLarge", size, maxSizeBytes));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Checked(to, cc, bcc, size);
    }

    /** The canonical recipients and the size of the mail's content in bytes. */
    public record Checked(List<String> to, List<String> cc, List<String> bcc, long sizeBytes) {}

    private static List<String> recipients(String field, List<String> addresses, List<FieldError> errors) {
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < addresses.size() && i < MAX_RECIPIENTS; i++) {
            String raw = addresses.get(i);
            var parsed = MailAddress.parse(raw);
            if (parsed.valid()) {
                canonical.add(parsed.value().formatted());
            } else {
                Text problem = raw != null && CONTROL.matcher(raw).find()
                        ? Text.of("field.recipient.control")
                        : parsed.problem();
                errors.add(FieldError.of(field, "field.recipient", i + 1, problem));
            }
        }
        return canonical;
    }

    private static long attachments(List<MailMessage.Attachment> attachments, List<FieldError> errors) {
        if (attachments.size() > MAX_ATTACHMENTS) {
            errors.add(FieldError.of("attachments", "field.attachments.tooMany", MAX_ATTACHMENTS));
        }
        long size = 0;
        for (int i = 0; i < attachments.size(); i++) {
            var a = attachments.get(i);
            String at = "attachments[" + i + "].";
            if (a.filename() == null || a.filename().isBlank()) {
                errors.add(FieldError.of(at + "filename", "field.filename.required"));
            } else if (CONTROL.matcher(a.filename()).find()
                    || a.filename().contains("/")
                    || a.filename().contains("\\")) {
                errors.add(FieldError.of(at + "filename", "field.filename.characters"));
            } else if (a.filename().length() > MAX_FILENAME) {
                errors.add(FieldError.of(at + "filename", "field.filename.tooLong", MAX_FILENAME));
            }
            if (a.contentType() == null
                    || !CONTENT_TYPE.matcher(a.contentType()).matches()) {
                errors.add(FieldError.of(at + "content_type", "field.content_type.format"));
            }
            if (a.content() == null) {
                errors.add(FieldError.of(at + "content_base64", "field.content_base64.required"));
            } else {
                size += a.content().length;
            }
        }
        return size;
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static long utf8(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }
}
