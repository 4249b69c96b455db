package com.mailroom.api;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Typed access to the fields of a JSON body. Only present fields are applied (absent ones keep their value); a
 * field of the wrong type or an unknown field becomes a {@link FieldError}, and all of them are reported at once.
 */
final class JsonFields {

    private final JsonObject json;
    private final List<FieldError> errors = new ArrayList<>();

    JsonFields(JsonObject json, Set<String> known) {
        this.json = json;
        json.keySet().stream().filter(k -> !known.contains(k)).sorted().limit(20)
                .forEach(k -> errors.add(new FieldError(printable(k), "Unknown field.")));
    }

    void string(String name, Consumer<String> setter) {
        if (!json.containsKey(name)) {
            return;
        }
        JsonValue value = json.get(name);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            setter.accept(null);
        } else if (value instanceof JsonString s) {
            setter.accept(s.getString());
        } else {
            errors.add(new FieldError(name, "Must be a string."));
        }
    }

    void integer(String name, Consumer<Integer> setter) {
        if (!json.containsKey(name)) {
            return;
        }
        JsonValue value = json.get(name);
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            setter.accept(null);
        } else if (value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().bitLength() < 32) {
            setter.accept(n.intValue());
        } else {
            errors.add(new FieldError(name, "Must be a whole number."));
        }
    }

    void longInteger(String name, Consumer<Long> setter) {
        if (!json.containsKey(name)) {
            return;
        }
        JsonValue value = json.get(name);
        if (value instanceof JsonNumber n && n.isIntegral() && n.bigIntegerValue().bitLength() < 64) {
            setter.accept(n.longValue());
        } else if (value.getValueType() != JsonValue.ValueType.NULL) {
            errors.add(new FieldError(name, "Must be a whole number."));
        }
    }

    void bool(String name, Consumer<Boolean> setter) {
        if (!json.containsKey(name)) {
            return;
        }
        JsonValue value = json.get(name);
        if (value == JsonValue.TRUE || value == JsonValue.FALSE
                || value.getValueType() == JsonValue.ValueType.TRUE || value.getValueType() == JsonValue.ValueType.FALSE) {
            setter.accept(value.getValueType() == JsonValue.ValueType.TRUE);
        } else {
            errors.add(new FieldError(name, "Must be true or false."));
        }
    }

    /** A string field with a fixed set of values; {@code parse} answers empty or throws for a refused value. */
    <T> void choice(String name, Function<String, Optional<T>> parse, String allowed, Consumer<T> setter) {
        if (!json.containsKey(name)) {
            return;
        }
        JsonValue value = json.get(name);
        if (!(value instanceof JsonString s)) {
            errors.add(new FieldError(name, "Must be one of " + allowed + "."));
            return;
        }
        try {
            parse.apply(s.getString()).ifPresentOrElse(setter,
                    () -> errors.add(new FieldError(name, "Must be one of " + allowed + ".")));
        } catch (IllegalArgumentException refused) {
            errors.add(new FieldError(name, refused.getMessage()));
        }
    }

    void error(String name, String message) {
        errors.add(new FieldError(name, message));
    }

    void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
    }

    private static String printable(String key) {
        String cut = key.length() > 64 ? key.substring(0, 64) : key;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
