package com.mailroom.errors;

/** One input problem, named by the JSON field it concerns (snake_case, as the API spells it). */
public record FieldError(String field, String message) {
}
