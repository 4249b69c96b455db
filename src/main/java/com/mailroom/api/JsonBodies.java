package com.mailroom.api;

import com.mailroom.errors.MailroomException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** Reads a request body as one JSON object, bounded in size, with a 400 that says what is wrong. */
final class JsonBodies {

    static final int MAX_BYTES = 1024 * 1024;

    private JsonBodies() {
    }

    /** @param optional whether an empty body is allowed (then null is returned) */
    static JsonObject object(InputStream body, boolean optional) {
        return object(body, optional, MAX_BYTES);
    }

    /** @param maxBytes the largest body accepted, for the few paths with their own limit ({@link BodySizeLimit}) */
    static JsonObject object(InputStream body, boolean optional, int maxBytes) {
        byte[] bytes;
        try {
            bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (bytes.length > maxBytes) {
            throw new MailroomException(413, "The request body is larger than " + maxBytes / 1024 + " KiB.");
        }
        if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            if (optional) {
                return null;
            }
            throw new MailroomException(400, "The request body is empty: send a JSON object.");
        }
        JsonValue value;
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
            parser.next();
            value = parser.getValue();
            if (parser.hasNext()) {
                throw new MailroomException(400, "The request body has more after its JSON value.");
            }
        } catch (JsonException | IllegalStateException | NoSuchElementException e) {
            throw new MailroomException(400, "The request body is not valid JSON: " + firstLine(e.getMessage()));
        } catch (MailroomException e) {
            throw e;
        } catch (RuntimeException e) {
            // e.g. Parsson's refusal of nesting deeper than it allows, which is no JsonException
            throw new MailroomException(400, "The request body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MailroomException(400, "The request body must be a JSON object.");
        }
        return value.asJsonObject();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable.";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
