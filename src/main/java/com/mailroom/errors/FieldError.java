package com.mailroom.errors;

import jakarta.json.bind.annotation.JsonbTransient;

/**
 * One input problem, named by the JSON field it concerns (snake_case, as the API spells it). {@code code}, when set,
 * names the rule that was broken, so a page can say it in the admin's language; the API shows the English message.
 */
public record FieldError(String field, String message, @JsonbTransient String code) {

    public FieldError(String field, String message) {
        this(field, message, null);
    }
}
