package com.mailroom.api;

import com.mailroom.platform.WireEnum;
import com.mailroom.delivery.control.MailMessage;
import com.mailroom.delivery.entity.Category;
import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Reads the body of {@code POST /api/v1/mail} (SPEC §4) into a {@link MailMessage}. Only the shape is checked here
 * (types, unknown fields, base64); the rules (addresses, header injection, sizes) are the outbox's.
 */
final class MailJson {

    static final Set<String> FIELDS = Set.of("to", "cc", "bcc", "subject", "text", "html", "category", "attachments");
    static final Set<String> ATTACHMENT_FIELDS = Set.of("filename", "content_type", "content_base64");

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("[\\r\\n\\t ]+");

    private MailJson() {
    }

    /** @throws InvalidInput for unknown fields, values of the wrong type and content that is not base64 */
    static MailMessage message(JsonObject json) {
        var fields = new JsonFields(json, FIELDS);
        List<FieldError> errors = new ArrayList<>();
        var text = new String[3];
        var category = new Category[1];
        fields.string("subject", v -> text[0] = v);
        fields.string("text", v -> text[1] = v);
        fields.string("html", v -> text[2] = v);
        fields.choice("category", v -> WireEnum.parse(Category.class, v), WireEnum.allowed(Category.class), v -> category[0] = v);
        List<String> to = strings(json, "to", errors);
        List<String> cc = strings(json, "cc", errors);
        List<String> bcc = strings(json, "bcc", errors);
        List<MailMessage.Attachment> attachments = attachments(json, errors);
        errors.forEach(e -> fields.error(e.field(), e.message()));
        fields.throwIfInvalid();
        return new MailMessage(to, cc, bcc, text[0], text[1], text[2], category[0], attachments);
    }

    private static List<String> strings(JsonObject json, String name, List<FieldError> errors) {
        JsonValue value = json.get(name);
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (value instanceof JsonString single) {
            return List.of(single.getString());
        }
        if (!(value instanceof JsonArray array) || !array.stream().allMatch(JsonString.class::isInstance)) {
            errors.add(new FieldError(name, "Must be a list of e-mail addresses."));
            return List.of();
        }
        return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
    }

    private static List<MailMessage.Attachment> attachments(JsonObject json, List<FieldError> errors) {
        JsonValue value = json.get("attachments");
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return List.of();
        }
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError("attachments", "Must be a list of attachments."));
            return List.of();
        }
        List<MailMessage.Attachment> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "attachments[" + i + "]";
            if (!(array.get(i) instanceof JsonObject a)) {
                errors.add(new FieldError(at, "Must be an object with filename, content_type and content_base64."));
                continue;
            }
            a.keySet().stream().filter(k -> !ATTACHMENT_FIELDS.contains(k)).sorted().limit(5)
                    .forEach(k -> errors.add(new FieldError(at + "." + k.replaceAll("\\p{Cntrl}", "?"), "Unknown field.")));
            String filename = string(a, "filename", at, errors);
            String contentType = string(a, "content_type", at, errors);
            String base64 = string(a, "content_base64", at, errors);
            byte[] content = null;
            if (base64 != null) {
                try {
                    // line breaks are allowed (MIME style), anything else outside the alphabet is not
                    content = Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(at + ".content_base64", "Must be base64 (RFC 4648)."));
                }
            }
            result.add(new MailMessage.Attachment(filename, contentType == null ? "application/octet-stream" : contentType, content));
        }
        return result;
    }

    private static String string(JsonObject a, String name, String at, List<FieldError> errors) {
        JsonValue v = a.get(name);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (v instanceof JsonString s) {
            return s.getString();
        }
        errors.add(new FieldError(at + "." + name, "Must be a string."));
        return null;
    }
}
