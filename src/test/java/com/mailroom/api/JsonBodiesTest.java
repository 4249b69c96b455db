package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.errors.BodyTooLarge;
import com.mailroom.errors.MailroomException;
import com.mailroom.errors.MalformedBody;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonBodiesTest {

    private static InputStream body(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static MailroomException refused(String text, boolean optional) {
        MailroomException e = assertThrows(MailroomException.class, () -> JsonBodies.object(body(text), optional));
        assertEquals(e.status() == 413 ? BodyTooLarge.class : MalformedBody.class, e.getClass(), "a named exception");
        return e;
    }

    @Test
    void objectIsRead() {
        var json = JsonBodies.object(body("{\"port\": 587, \"address\": \"smtp.example.com\"}"), false);
        assertEquals(587, json.getInt("port"));
        assertEquals("smtp.example.com", json.getString("address"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\r\n\t "})
    void emptyBodyIsNullWhenOptional(String text) {
        assertNull(JsonBodies.object(body(text), true));
    }

    @Test
    void missingStreamIsNullWhenOptional() {
        assertNull(JsonBodies.object(null, true));
        assertEquals(
                400,
                assertThrows(MalformedBody.class, () -> JsonBodies.object(null, false))
                        .status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n"})
    void emptyBodyIsA400WhenRequired(String text) {
        MailroomException e = refused(text, false);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("empty"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{}]", "\"text\"", "587", "true", "null"})
    void otherJsonValuesAreA400(String text) {
        MailroomException e = refused(text, true);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().contains("JSON object"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{",
                "{\"port\": }",
                "{'port': 587}",
                "{\"port\": 587,}",
                "port=587",
                "{\"a\": \"\n\"}",
                "{\"a\": 01}",
                "\u0000"
            })
    void malformedJsonIsA400(String text) {
        MailroomException e = refused(text, false);
        assertEquals(400, e.status());
        assertTrue(e.getMessage().startsWith("The request body is not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().length() <= 260, e.getMessage());
    }

    @Test
    void trailingContentAfterTheObjectIsA400() {
        for (String text : new String[] {"{} {}", "{\"a\":1} x", "{}]"}) {
            assertEquals(400, refused(text, false).status(), text);
        }
    }

    @Test
    void deeplyNestedJsonIsA400NotAServerError() {
        String deep = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        assertEquals(400, refused(deep, false).status());
    }

    @Test
    void bodyOfExactlyOneMebibyteIsRead() {
        String start = "{\"a\": \"";
        String end = "\"}";
        String text = start + "x".repeat(JsonBodies.MAX_BYTES - start.length() - end.length()) + end;
        assertEquals(JsonBodies.MAX_BYTES, text.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(1, JsonBodies.object(body(text), false).size());
    }

    @Test
    void bodyOverOneMebibyteIsA413() {
        String text = "{\"a\": \"" + "x".repeat(JsonBodies.MAX_BYTES) + "\"}";
        MailroomException e = refused(text, false);
        assertEquals(413, e.status());
        assertTrue(e.getMessage().contains("1024 KiB"), e.getMessage());
    }

    @Test
    void endlessBodyIsCutOffAt413() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return ' ';
            }
        };
        assertEquals(
                413,
                assertThrows(BodyTooLarge.class, () -> JsonBodies.object(endless, true))
                        .status());
    }

    @Test
    void errorBodiesCarryNoFieldErrors() {
        assertTrue(refused("[]", false).errors().isEmpty());
    }

    @Test
    void aPathWithItsOwnLimitReadsUpToItAndNoFurther() {
        String text = "{\"a\": \"" + "x".repeat(JsonBodies.MAX_BYTES) + "\"}";
        assertEquals(1, JsonBodies.object(body(text), false, text.length()).size());
        BodyTooLarge e =
                assertThrows(BodyTooLarge.class, () -> JsonBodies.object(body(text), false, text.length() - 1));
        assertEquals("The request body is larger than " + (text.length() - 1) / 1024 + " KiB.", e.getMessage());
    }
}
