package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.delivery.entity.Category;
import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MailRulesTest {

    static MailMessage mail(List<String> to, String subject, List<MailMessage.Attachment> attachments) {
        return new MailMessage(to, List.of(), List.of(), subject, "Body", null, Category.NEW_USER, attachments);
    }

    static String fields(MailMessage m) {
        var e = assertThrows(InvalidInput.class, () -> MailRules.check(m, 1000));
        return e.errors().stream().map(FieldError::field).collect(Collectors.joining(","));
    }

    @Test
    void aGoodMailIsAcceptedWithCanonicalRecipients() {
        var checked = MailRules.check(
                new MailMessage(
                        List.of(" Ann Example  <ann@example.com>"),
                        List.of("b@example.com"),
                        List.of("c@example.com"),
                        "Hello",
                        "Body",
                        "<p>Body</p>",
                        Category.PASSWORD_RESET,
                        List.of(new MailMessage.Attachment("a.pdf", "application/pdf", new byte[10]))),
                1000);
        assertEquals(List.of("Ann Example <ann@example.com>"), checked.to());
        assertEquals(4 + 11 + 10, checked.sizeBytes());
    }

    @Test
    void lineBreaksAndControlCharactersInHeadersAreRefusedByField() {
        assertEquals("subject", fields(mail(List.of("a@example.com"), "Hi\r\nBcc: x@example.com", List.of())));
        assertEquals("subject", fields(mail(List.of("a@example.com"), "Hi\u0000", List.of())));
        assertEquals("subject", fields(mail(List.of("a@example.com"), "Hi\u2028there", List.of())));
        assertEquals("to", fields(mail(List.of("a@example.com\nBcc: x@example.com"), "Hi", List.of())));
        assertEquals("to", fields(mail(List.of("Evil\r\n <a@example.com>"), "Hi", List.of())));
        assertEquals(
                "attachments[0].filename,attachments[0].content_type",
                fields(mail(
                        List.of("a@example.com"),
                        "Hi",
                        List.of(new MailMessage.Attachment("a\r\n.txt", "text/plain\r\nX-Evil: 1", new byte[1])))));
        assertEquals(
                "attachments[0].filename",
                fields(mail(
                        List.of("a@example.com"),
                        "Hi",
                        List.of(new MailMessage.Attachment("../etc/passwd", "text/plain", new byte[1])))));
    }

    @Test
    void recipientsBodiesCategoryAndSizesAreBounded() {
        assertEquals("to", fields(mail(List.of(), "Hi", List.of())));
        assertEquals("to", fields(mail(Collections.nCopies(101, "a@example.com"), "Hi", List.of())));
        assertEquals("to", fields(mail(List.of("not an address"), "Hi", List.of())));
        assertEquals(
                "text",
                fields(new MailMessage(List.of("a@example.com"), null, null, "Hi", null, "", Category.NEW_USER, null)));
        assertEquals(
                "category", fields(new MailMessage(List.of("a@example.com"), null, null, "Hi", "x", null, null, null)));
        assertEquals(
                "attachments",
                fields(mail(
                        List.of("a@example.com"),
                        "Hi",
                        List.of(new MailMessage.Attachment("big.bin", "application/octet-stream", new byte[1000])))));
        var all = fields(new MailMessage(List.of("bad"), List.of(), List.of(), " ", null, null, null, null));
        assertTrue(
                all.contains("to") && all.contains("subject") && all.contains("text") && all.contains("category"), all);
    }
}
