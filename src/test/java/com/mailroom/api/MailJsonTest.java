package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.delivery.entity.Category;
import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MailJsonTest {

    static jakarta.json.JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    @Test
    void readsTheSpecShape() {
        var m = MailJson.message(json("""
                {"to": ["a@example.com"], "cc": [], "bcc": ["b@example.com"], "subject": "S", "text": "T", "html": "<p>H</p>",
                 "category": "content_delivery",
                 "attachments": [{"filename": "r.csv", "content_type": "text/csv", "content_base64": "aGVs\\nbG8="}]}"""));
        assertEquals(Category.CONTENT_DELIVERY, m.category());
        assertEquals("b@example.com", m.bcc().get(0));
        assertArrayEquals("hello".getBytes(), m.attachments().get(0).content());
    }

    @Test
    void wrongTypesUnknownFieldsAndBadBase64AreNamed() {
        var e = assertThrows(InvalidInput.class, () -> MailJson.message(json("""
                {"to": [1], "subject": 2, "category": "spam", "extra": true,
                 "attachments": [{"filename": "a", "content_type": "text/plain", "content_base64": "!!!", "x": 1}]}""")));
        String fields = e.errors().stream().map(FieldError::field).sorted().collect(Collectors.joining(","));
        assertEquals("attachments[0].content_base64,attachments[0].x,category,extra,subject,to", fields);
    }

    @Test
    void theMailPathMayCarryItsAttachmentsInBase64() {
        int limit = BodySizeLimit.mailRequestLimit(25L * 1024 * 1024);
        assertTrue(limit >= 25L * 1024 * 1024 * 4 / 3 + JsonBodies.MAX_BYTES, "limit " + limit);
        assertTrue(BodySizeLimit.mailRequestLimit(0) >= JsonBodies.MAX_BYTES);
    }
}
