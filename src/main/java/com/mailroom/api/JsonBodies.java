package com.mailroom.api;

import com.mailroom.errors.BodyTooLarge;
import com.mailroom.errors.MalformedBody;
import com.mailroom.platform.Text;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads a request body as one JSON object, bounded in size, with a 400 that says what is wrong. */
final class JsonBodies {

    static final int MAX_BYTES = 1024 * 1024;

    private JsonBodies() {}

    /** @param optional whether an empty body is allowed (then null is returned) */
    static JsonObject object(InputStream body, boolean optional) {
        return object(body, optional, MAX_BYTES);
    }

    /** @param maxBytes the largest body accepted, for the few paths with their own limit ({@link BodySizeLimit}) */
    static JsonObject object(InputStream body, boolean optional, int maxBytes) {
        byte[] bytes = read(body, maxBytes);
        if (new String(bytes, StandardCharsets.UTF_8).isBlank()) {
            if (optional) {
                return null;
            }
            throw new MalformedBody(Text.of("error.body.empty"));
        }
        JsonValue value = parse(bytes);
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new MalformedBody(Text.of("error.body.notAnObject"));
        }
        return value.asJsonObject();
    }

    /** Reads one byte more than allowed, so a body without a declared length is cut off there, not read to its end. */
    private static byte[] read(InputStream body, int maxBytes) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new BodyTooLarge(maxBytes);
            }
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With a parser, which tells whether more follows the value. */
    private static JsonValue parse(byte[] bytes) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(bytes))) {
            parser.next();
            JsonValue value = parser.getValue();
            if (!parser.hasNext()) {
                return value;
            }
        } catch (RuntimeException e) {
            // JsonException and the parser's state errors, and Parsson's refusal of nesting deeper than it allows
            throw new MalformedBody(Text.of("error.body.notJson", firstLine(e.getMessage())));
        }
        throw new MalformedBody(Text.of("error.body.trailing"));
    }

    /** The parser's words, which are not Mailroom's. */
    private static Text firstLine(String message) {
        if (message == null) {
            return Text.of("error.body.unreadable");
        }
        String line = message.lines().findFirst().orElse("");
        return Text.verbatim(line.length() > 200 ? line.substring(0, 200) : line);
    }
}
