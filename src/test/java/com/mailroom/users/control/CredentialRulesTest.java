package com.mailroom.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.errors.FieldError;
import com.mailroom.users.entity.CredentialScope;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CredentialRulesTest {

    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 12, 3, 14, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void nothingGivenIsASendMailCredentialForever() {
        var checked = CredentialRules.check(null, null, null, NOW);
        assertEquals(CredentialScope.SEND_MAIL, checked.scope());
        assertNull(checked.expiresAt());
        assertNull(checked.description());
        assertEquals(
                CredentialScope.SEND_MAIL,
                CredentialRules.check("", " ", "  ", NOW).scope());
    }

    @Test
    void scopesAreReadInAnyCaseAndExpiriesInAnyOffset() {
        var checked = CredentialRules.check("ADMIN", "2026-12-04T10:00:00+02:00", "  nightly reports ", NOW);
        assertEquals(CredentialScope.ADMIN, checked.scope());
        assertEquals(OffsetDateTime.of(2026, 12, 4, 8, 0, 0, 0, ZoneOffset.UTC), checked.expiresAt());
        assertEquals("nightly reports", checked.description());
        assertEquals(
                CredentialScope.SEND_MAIL,
                CredentialRules.check("send_mail", null, null, NOW).scope());
    }

    @Test
    void eachWrongFieldIsNamed() {
        assertEquals(List.of("scope"), fields(CredentialRules.errorsOf("root", null, null, NOW)));
        assertEquals(
                "Must be one of send_mail, admin.",
                CredentialRules.errorsOf("root", null, null, NOW).get(0).message());
        assertEquals(List.of("expires_at"), fields(CredentialRules.errorsOf(null, "tomorrow", null, NOW)));
        assertEquals(List.of("expires_at"), fields(CredentialRules.errorsOf(null, "2027-01-01", null, NOW)));
        assertEquals(List.of("expires_at"), fields(CredentialRules.errorsOf(null, "2027-01-01T00:00:00", null, NOW)));
        assertEquals(List.of("expires_at"), fields(CredentialRules.errorsOf(null, NOW.toString(), null, NOW)));
        assertEquals(
                "Expiry must be in the future.",
                CredentialRules.errorsOf(null, NOW.minusSeconds(1).toString(), null, NOW)
                        .get(0)
                        .message());
        assertEquals(List.of("description"), fields(CredentialRules.errorsOf(null, null, "x".repeat(201), NOW)));
        assertEquals(List.of(), fields(CredentialRules.errorsOf(null, null, "x".repeat(200), NOW)));
        assertEquals(List.of("description"), fields(CredentialRules.errorsOf(null, null, "a\r\nb", NOW)));
        assertEquals(
                List.of("scope", "expires_at", "description"), fields(CredentialRules.errorsOf("x", "y", "a\tb", NOW)));
    }

    @Test
    void aTokenLivesAnHourButNeverBeyondItsCredential() {
        Duration hour = Duration.ofHours(1);
        assertEquals(NOW.plus(hour), CredentialRules.tokenExpiry(NOW, hour, null));
        assertEquals(NOW.plusMinutes(5), CredentialRules.tokenExpiry(NOW, hour, NOW.plusMinutes(5)));
        assertEquals(NOW.plus(hour), CredentialRules.tokenExpiry(NOW, hour, NOW.plusDays(1)));
        assertTrue(CredentialRules.tokenExpiry(NOW, hour, NOW.plusSeconds(4)).isBefore(NOW.plusSeconds(5)));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
