package com.mailroom.users.control;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.platform.WireEnum;
import com.mailroom.users.entity.CredentialScope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a new API credential must look like (docs/api.md "POST /api/v1/users/me/api_credentials"). Pure, so it is
 * tested without a server.
 */
public final class CredentialRules {

    public static final int MAX_DESCRIPTION = 200;
    /** Without a scope a credential may only send mail: the least that is useful. */
    public static final CredentialScope DEFAULT_SCOPE = CredentialScope.SEND_MAIL;

    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private CredentialRules() {}

    /** A credential's wishes, checked: the scope, the expiry (null: none) and a description (null: none). */
    public record Checked(CredentialScope scope, OffsetDateTime expiresAt, String description) {}

    /**
     * @param scope {@code send_mail} or {@code admin} in any case; null or empty for the default
     * @param expiresAt ISO-8601 with an offset ({@code 2027-01-31T12:00:00Z}), later than {@code now}; null or empty
     *         for none
     * @param description anything on one line, up to {@value #MAX_DESCRIPTION} characters; blank for none
     * @throws InvalidInput naming every wrong field
     */
    public static Checked check(String scope, String expiresAt, String description, OffsetDateTime now) {
        var errors = new ArrayList<FieldError>();
        CredentialScope chosen = DEFAULT_SCOPE;
        if (scope != null && !scope.isEmpty()) {
            chosen = WireEnum.parse(CredentialScope.class, scope).orElse(null);
            if (chosen == null) {
                errors.add(FieldError.of("scope", "field.mustBe.oneOf", WireEnum.allowed(CredentialScope.class)));
            }
        }
        OffsetDateTime expiry = null;
        if (expiresAt != null && !expiresAt.isBlank()) {
            try {
                expiry = OffsetDateTime.parse(expiresAt.strip()).withOffsetSameInstant(ZoneOffset.UTC);
                if (!expiry.isAfter(now)) {
                    errors.add(FieldError.of("expires_at", "field.expiresAt.past"));
                }
            } catch (DateTimeParseException e) {
                errors.add(FieldError.of("expires_at", "field.expiresAt.format"));
            }
        }
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > MAX_DESCRIPTION) {
            errors.add(FieldError.of("description", "field.description.tooLong", MAX_DESCRIPTION));
        } else if (text != null && CONTROL.matcher(text).find()) {
            errors.add(FieldError.of("description", "field.description.control"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        return new Checked(chosen, expiry, text);
    }

    /** The lifetime of a token: an hour, and never beyond its credential's expiry. */
    public static OffsetDateTime tokenExpiry(OffsetDateTime now, Duration lifetime, OffsetDateTime limit) {
        OffsetDateTime end = now.plus(lifetime);
        return limit != null && limit.isBefore(end) ? limit : end;
    }

    /** Every error of a check, for tests. */
    static List<FieldError> errorsOf(String scope, String expiresAt, String description, OffsetDateTime now) {
        try {
            check(scope, expiresAt, description, now);
            return List.of();
        } catch (InvalidInput e) {
            return e.errors();
        }
    }
}
