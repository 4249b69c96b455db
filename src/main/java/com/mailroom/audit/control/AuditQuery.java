package com.mailroom.audit.control;

import com.mailroom.audit.entity.AuditKind;
import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.platform.WireEnum;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an admin asks of the audit trail: entries of one actor, of one kind, since a time (each optional), and which
 * page ({@code offset}, {@code limit} up to {@value #MAX_PAGE}). Parsed from the query's text, every wrong parameter
 * named at once.
 */
public record AuditQuery(String actor, AuditKind kind, Instant since, int offset, int limit) {

    public static final int MAX_PAGE = 100;
    public static final int DEFAULT_PAGE = 50;

    /**
     * @param since ISO 8601 with an offset ({@code 2026-12-03T14:00:00Z}, {@code 2026-12-03T15:00:00+01:00})
     * @throws InvalidInput naming {@code kind}, {@code since}, {@code offset} or {@code limit}
     */
    public static AuditQuery parse(String actor, String kind, String since, String offset, String limit) {
        List<FieldError> errors = new ArrayList<>();
        AuditKind wanted = null;
        if (present(kind)) {
            wanted = WireEnum.parse(AuditKind.class, kind.strip()).orElse(null);
            if (wanted == null) {
                errors.add(FieldError.of("kind", "field.mustBe.oneOf", WireEnum.allowed(AuditKind.class)));
            }
        }
        Instant from = null;
        if (present(since)) {
            try {
                from = OffsetDateTime.parse(since.strip()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("since", "field.mustBe.instant"));
            }
        }
        int skip = number(offset, 0, 0, Integer.MAX_VALUE, errors, FieldError.of("offset", "field.mustBe.notNegative"));
        int size = number(
                limit, DEFAULT_PAGE, 1, MAX_PAGE, errors, FieldError.of("limit", "field.mustBe.pageSize", MAX_PAGE));
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new AuditQuery(present(actor) ? actor.strip() : null, wanted, from, skip, size);
    }

    private static int number(String text, int absent, int min, int max, List<FieldError> errors, FieldError wrong) {
        if (!present(text)) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        errors.add(wrong);
        return absent;
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }
}
