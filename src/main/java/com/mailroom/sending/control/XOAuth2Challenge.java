package com.mailroom.sending.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The error a server sends as a SASL challenge when it refuses an XOAUTH2 (or OAUTHBEARER, RFC 7628) token:
 * {@code 334 } and base64 JSON such as {@code {"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}}.
 * Gmail and Google Workspace answer a revoked or expired token this way, before their final 535.
 */
public record XOAuth2Challenge(String status, String schemes, String scope, String raw) {

    private static final int MAX_RAW = 300;

    /** @param reply the server's {@code 334 …} line */
    static XOAuth2Challenge of(String reply) {
        String payload =
                reply == null ? "" : reply.strip().replaceFirst("^334[ -]?", "").strip();
        String decoded;
        try {
            decoded = new String(Base64.getMimeDecoder().decode(payload), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            decoded = payload;
        }
        String raw = decoded.length() > MAX_RAW ? decoded.substring(0, MAX_RAW) + "…" : decoded;
        try (var reader = Json.createReader(new StringReader(decoded))) {
            JsonObject json = reader.readObject();
            return new XOAuth2Challenge(text(json, "status"), text(json, "schemes"), text(json, "scope"), raw);
        } catch (JsonException | IllegalStateException | ClassCastException notJson) {
            return new XOAuth2Challenge(null, null, null, raw);
        }
    }

    private static String text(JsonObject json, String name) {
        var value = json.get(name);
        if (value == null) {
            return null;
        }
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** E.g. "status 401, schemes bearer, scope https://mail.google.com/", or the decoded text when it is no JSON. */
    public String describe() {
        String parts = Stream.of(label("status", status), label("schemes", schemes), label("scope", scope))
                .filter(Objects::nonNull)
                .collect(Collectors.joining(", "));
        return parts.isEmpty() ? raw : parts;
    }

    private static String label(String name, String value) {
        return value == null || value.isBlank() ? null : name + " " + value;
    }
}
