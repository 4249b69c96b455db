package com.mailroom.errors;

import com.mailroom.platform.Text;

/**
 * One input problem, named by the JSON field it concerns (snake_case, as the API spells it), and the broken rule as a
 * {@link Text}: a page says it in the admin's language, the API in English ({@link #message()}).
 */
public record FieldError(String field, Text text) {

    public static FieldError of(String field, String code, Object... arguments) {
        return new FieldError(field, Text.of(code, arguments));
    }

    /** The English sentence, as the API shows it. */
    public String message() {
        return text.english();
    }
}
