package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.api.ErrorBody.Field;
import com.mailroom.errors.InvalidInput;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.function.Executable;

/** JSON test bodies written with single quotes, so they stay readable in Java strings. */
final class Bodies {

    private Bodies() {}

    static JsonObject json(String singleQuoted) {
        try (var reader = Json.createReader(new StringReader(singleQuoted.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    /** The 422's errors as the API shows them: the field and the English sentence. */
    static List<Field> invalid(Executable call) {
        InvalidInput e = assertThrows(InvalidInput.class, call);
        if (e.status() != 422) {
            throw new AssertionError("status " + e.status());
        }
        return e.errors().stream().map(Field::of).toList();
    }

    static List<String> fields(List<Field> errors) {
        return errors.stream().map(Field::field).toList();
    }

    /** Only {@code field} was refused, and its message says {@code words}. */
    static void assertOnlyRefused(List<Field> errors, String field, String words) {
        assertEquals(List.of(field), fields(errors));
        assertTrue(errors.get(0).message().contains(words), errors.get(0).message());
    }
}
