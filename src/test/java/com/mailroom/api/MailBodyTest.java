package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.api.ErrorBody.Field;
import com.mailroom.delivery.control.MailMessage;
import com.mailroom.delivery.entity.Category;
import com.mailroom.errors.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MailBodyTest {

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static MailMessage message(String text) {
        return JsonRecords.bind(json(text), MailBody.class).message();
    }

    private static List<Field> refused(String text) {
        return assertThrows(InvalidInput.class, () -> message(text)).errors().stream()
                .map(Field::of)
                .toList();
    }

    @Test
    void readsTheSpecShape() {
        var m = message("""
                {"to": ["a@example.com"], "cc": [], "bcc": ["b@example.com"], "subject": "S", "text": "T", "html":
                "<p>H</p>",
                 "category": "content_delivery",
                 "attachments": [{"filename": "r.csv", "content_type": "text/csv",
                                  "content_base64": "aGVs\\nbG8="}]}""");
        assertEquals(Category.CONTENT_DELIVERY, m.category());
        assertEquals("b@example.com", m.bcc().get(0));
        assertEquals("S", m.subject());
        assertEquals("<p>H</p>", m.html());
        assertEquals("text/csv", m.attachments().get(0).contentType());
        assertArrayEquals("hello".getBytes(), m.attachments().get(0).content());
    }

    @Test
    void aSingleAddressIsAListOfOneAndAbsentListsAreEmpty() {
        var m = message("{\"to\": \"Ada <ada@example.com>\", \"cc\": null, \"category\": \"NEW_USER\"}");
        assertEquals(List.of("Ada <ada@example.com>"), m.to());
        assertEquals(List.of(), m.cc());
        assertEquals(List.of(), m.bcc());
        assertEquals(List.of(), m.attachments());
        assertEquals(Category.NEW_USER, m.category());
    }

    @Test
    void anAttachmentWithoutContentTypeIsOctetStream() {
        var m = message("{\"attachments\": [{\"filename\": \"a.bin\", \"content_base64\": \"AAE=\"},"
                + " {\"filename\": \"b.bin\", \"content_type\": null, \"content_base64\": \"AAE=\"}]}");
        m.attachments().forEach(a -> assertEquals("application/octet-stream", a.contentType()));
        assertArrayEquals(new byte[] {0, 1}, m.attachments().get(1).content());
    }

    @Test
    void wrongTypesUnknownFieldsAndBadBase64AreNamed() {
        var errors = refused("""
                {"to": [1], "subject": 2, "category": "spam", "extra": true,
                 "attachments": [{"filename": "a", "content_type": "text/plain", "content_base64": "!!!", "x": 1}]}""");
        String fields = errors.stream().map(Field::field).sorted().collect(Collectors.joining(","));
        assertEquals("attachments[0].content_base64,attachments[0].x,category,extra,subject,to", fields);
    }

    @Test
    void theMessagesSayWhatEachFieldMustBeInTheOrderTheyAlwaysCameIn() {
        var errors = refused("""
                {"bcc": {}, "attachments": "report.pdf", "category": null, "html": 1, "zz": 0}""");
        assertEquals(
                List.of(
                        new Field("zz", "Unknown field."),
                        new Field("html", "Must be a string."),
                        new Field(
                                "category",
                                "Must be one of new_user, password_reset, admin_notification, content_delivery."),
                        new Field("bcc", "Must be a list of e-mail addresses."),
                        new Field("attachments", "Must be a list of attachments.")),
                errors);
        assertEquals(
                List.of(
                        new Field(
                                "attachments[1]", "Must be an object with filename, content_type and content_base64."),
                        new Field("attachments[2].content_base64", "Must be a string.")),
                refused("{\"attachments\": [{}, \"x\", {\"content_base64\": 1}]}"));
    }

    @Test
    void theMailPathMayCarryItsAttachmentsInBase64() {
        int limit = BodySizeLimit.mailRequestLimit(25L * 1024 * 1024);
        assertTrue(limit >= 25L * 1024 * 1024 * 4 / 3 + JsonBodies.MAX_BYTES, "limit " + limit);
        assertTrue(BodySizeLimit.mailRequestLimit(0) >= JsonBodies.MAX_BYTES);
    }
}
