package com.mailroom.api;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.platform.Text;
import com.mailroom.platform.WireEnum;
import com.mailroom.sending.entity.TlsVersion;
import jakarta.annotation.Nullable;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.JsonValue.ValueType;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Binds a request body to a record with JSON-B, after checking it against the record's components: JSON-B alone
 * stops at the first problem, with a message for programmers; the API names every wrong field at once and says what
 * it must be. The check hands JSON-B only values it binds as they are.
 * <ul>
 * <li>Fields are the components' names in snake_case, as {@link JsonbConfiguration} names them; others are unknown.
 * <li>Types: strings, whole numbers (in an int's or a long's range), booleans, enums, {@code byte[]} (base64, line
 *     breaks allowed), lists of strings (a single string is a list of one) and lists of records, whose fields are
 *     named like {@code attachments[0].filename}.
 * <li>Null means unset, except for booleans and enums (no value of theirs is unset) that are not {@link Nullable}.
 * <li>Enums are read as {@link WireEnum}s (the name, in any case) unless {@link #SPELLINGS} has them.
 * </ul>
 */
final class JsonRecords {

    /** The code of what a component must be, where its type does not tell ("a list of e-mail addresses"). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.RECORD_COMPONENT)
    @interface MustBe {
        String value();
    }

    /** An enum's parser (empty, or {@link TlsVersion.Refused} with the reason, for a refused value) and its values. */
    private record Choice(Function<String, Optional<? extends Enum<?>>> parse, String allowed) {}

    /** The enums spelt otherwise than WireEnums: TLS versions take dots too, and refuse old ones with a reason. */
    private static final Map<Class<?>, Choice> SPELLINGS = Map.of(
            TlsVersion.class,
            new Choice(TlsVersion::fromWire, TlsVersion.allowed()),
            LegacySettingsBody.SslVersion.class,
            new Choice(LegacySettingsBody.SslVersion::fromWire, LegacySettingsBody.SslVersion.ALLOWED));

    /** Unknown fields named per object at most: a thousand misspellings need no thousand errors. */
    private static final int MAX_UNKNOWN = 20;

    private static final Pattern WHITESPACE = Pattern.compile("[\\r\\n\\t ]+");

    private JsonRecords() {}

    /** @throws InvalidInput naming every field that is unknown or of the wrong type */
    static <T extends Record> T bind(JsonObject json, Class<T> type) {
        return JsonbConfiguration.JSONB.fromJson(check(json, type).toString(), type);
    }

    /**
     * @return the fields as JSON-B binds them to {@code type}: enums by constant name, whole numbers as such, a
     *         single string as a list of one, base64 without line breaks
     * @throws InvalidInput naming every field that is unknown or of the wrong type
     */
    static JsonObject check(JsonObject json, Class<? extends Record> type) {
        List<FieldError> errors = new ArrayList<>();
        JsonObject checked = object(json, type, "", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return checked;
    }

    /** A record's components by JSON name, in their order: errors are reported in it. */
    static Map<String, RecordComponent> fields(Class<?> type) {
        Map<String, RecordComponent> fields = new LinkedHashMap<>();
        for (RecordComponent c : type.getRecordComponents()) {
            fields.put(jsonName(c.getName()), c);
        }
        return fields;
    }

    /** A component's JSON name: {@code contentBase64} is {@code content_base64}, as JSON-B names it. */
    static String jsonName(String javaName) {
        return javaName.replaceAll("(\\p{Upper})", "_$1").toLowerCase(Locale.ROOT);
    }

    private static JsonObject object(JsonObject json, Class<?> type, String at, List<FieldError> errors) {
        Map<String, RecordComponent> fields = fields(type);
        json.keySet().stream()
                .filter(k -> !fields.containsKey(k))
                .sorted()
                .limit(MAX_UNKNOWN)
                .forEach(k -> errors.add(FieldError.of(at + printable(k), "field.unknown")));
        JsonObjectBuilder checked = Json.createObjectBuilder();
        fields.forEach((name, c) -> {
            JsonValue value = json.containsKey(name) ? value(json.get(name), c, name, at + name, errors) : null;
            if (value != null) {
                checked.add(name, value);
            }
        });
        return checked.build();
    }

    /** @return the value as JSON-B binds it, or null when it is wrong and an error says so */
    private static JsonValue value(JsonValue v, RecordComponent c, String name, String field, List<FieldError> errors) {
        Class<?> type = c.getType();
        boolean unsettable = type.isPrimitive() || type == Boolean.class || type.isEnum();
        if (v.getValueType() == ValueType.NULL && (!unsettable || c.isAnnotationPresent(Nullable.class))) {
            return v;
        }
        Text mustBe;
        if (type == String.class) {
            if (v instanceof JsonString) {
                return v;
            }
            mustBe = Text.of("field.mustBe.string");
        } else if (type == boolean.class || type == Boolean.class) {
            if (v.getValueType() == ValueType.TRUE || v.getValueType() == ValueType.FALSE) {
                return v;
            }
            mustBe = Text.of("field.mustBe.boolean");
        } else if (type.isEnum()) {
            Choice choice = choice(type);
            try {
                Optional<? extends Enum<?>> parsed =
                        v instanceof JsonString s ? choice.parse().apply(s.getString()) : Optional.empty();
                if (parsed.isPresent()) {
                    return Json.createValue(parsed.get().name());
                }
                mustBe = Text.of("field.mustBe.oneOf", choice.allowed());
            } catch (TlsVersion.Refused refused) {
                errors.add(new FieldError(field, refused.text()));
                return null;
            }
        } else if (type == byte[].class) {
            // line breaks are allowed (MIME style), anything else outside the alphabet is not
            String base64 = v instanceof JsonString s
                    ? WHITESPACE.matcher(s.getString()).replaceAll("")
                    : null;
            if (base64 != null && isBase64(base64)) {
                return Json.createValue(base64);
            }
            mustBe = Text.of(base64 == null ? "field.mustBe.string" : "field.mustBe.base64");
        } else if (type == List.class) {
            JsonValue list = list(v, c, field, errors);
            if (list != null) {
                return list;
            }
            mustBe = c.isAnnotationPresent(MustBe.class)
                    ? Text.of(c.getAnnotation(MustBe.class).value())
                    : Text.of("field.mustBe.list", name);
        } else {
            int bits = type == long.class || type == Long.class ? 64 : 32;
            if (v instanceof JsonNumber n
                    && n.isIntegral()
                    && n.bigIntegerValue().bitLength() < bits) {
                return Json.createValue(n.longValue()); // 5.87e2 is 587
            }
            mustBe = Text.of("field.mustBe.wholeNumber");
        }
        errors.add(new FieldError(field, mustBe));
        return null;
    }

    private static boolean isBase64(String text) {
        try {
            Base64.getDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** A list of strings, or of records each checked in turn; null when it is no such list. */
    private static JsonValue list(JsonValue v, RecordComponent c, String field, List<FieldError> errors) {
        Class<?> item = (Class<?>) ((ParameterizedType) c.getGenericType()).getActualTypeArguments()[0];
        if (!item.isRecord()) {
            if (v instanceof JsonString) {
                return Json.createArrayBuilder().add(v).build();
            }
            return v instanceof JsonArray a && a.stream().allMatch(JsonString.class::isInstance) ? v : null;
        }
        if (!(v instanceof JsonArray array)) {
            return null;
        }
        List<String> names = List.copyOf(fields(item).keySet());
        Text object = Text.of(
                "field.mustBe.object",
                String.join(", ", names.subList(0, names.size() - 1)),
                names.get(names.size() - 1));
        JsonArrayBuilder checked = Json.createArrayBuilder();
        for (int i = 0; i < array.size(); i++) {
            String at = field + "[" + i + "]";
            if (array.get(i) instanceof JsonObject o) {
                checked.add(object(o, item, at + ".", errors));
            } else {
                errors.add(new FieldError(at, object));
            }
        }
        return checked.build();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Choice choice(Class<?> type) {
        Class wire = type;
        return SPELLINGS.containsKey(type)
                ? SPELLINGS.get(type)
                : new Choice(value -> WireEnum.parse(wire, value), WireEnum.allowed(wire));
    }

    /** An unknown name is shown back: never with control characters (a header or a log line), never long. */
    private static String printable(String key) {
        String cut = key.length() > 64 ? key.substring(0, 64) : key;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
