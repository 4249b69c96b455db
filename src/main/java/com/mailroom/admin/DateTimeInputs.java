package com.mailroom.admin;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** The pages' {@code datetime-local} inputs (the Users page's expiry, the Audit page's "since"). */
final class DateTimeInputs {

    private DateTimeInputs() {}

    /**
     * The browser's value, a time without an offset, read as UTC (the labels say so); anything else — an ISO 8601 time
     * with an offset, or nonsense — goes to the boundary's rules as it is, which name the field when it is wrong.
     */
    static String asUtc(String input) {
        if (input == null || input.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(input.strip()).atOffset(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return input;
        }
    }
}
