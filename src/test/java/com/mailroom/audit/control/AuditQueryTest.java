package com.mailroom.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.audit.entity.AuditKind;
import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void absentParametersMeanEverythingNewestFirstFromTheStart() {
        var query = AuditQuery.parse(null, "", " ", null, null);
        assertNull(query.actor());
        assertNull(query.kind());
        assertNull(query.since());
        assertEquals(0, query.offset());
        assertEquals(AuditQuery.DEFAULT_PAGE, query.limit());
    }

    @Test
    void kindsAreReadByTheirWireNamesInAnyCaseAndTimesWithAnyOffset() {
        var query = AuditQuery.parse(" alice ", "Login_Failed", "2026-12-03T15:00:00+01:00", "50", "100");
        assertEquals("alice", query.actor());
        assertEquals(AuditKind.LOGIN_FAILED, query.kind());
        assertEquals(Instant.parse("2026-12-03T14:00:00Z"), query.since());
        assertEquals(50, query.offset());
        assertEquals(100, query.limit());
    }

    @Test
    void everyWrongParameterIsNamedAtOnce() {
        var e = assertThrows(
                InvalidInput.class, () -> AuditQuery.parse("a", "password_stolen", "yesterday", "-1", "101"));
        assertEquals(
                List.of("kind", "since", "offset", "limit"),
                e.errors().stream().map(FieldError::field).toList());
        assertTrue(
                e.errors().get(0).message().contains("login_failed"),
                e.errors().get(0).message());
    }

    @Test
    void aTimeWithoutOffsetAndPagesOfNothingOrNonNumbersAreRefused() {
        assertEquals("since", only(() -> AuditQuery.parse(null, null, "2026-12-03T14:00", null, null)));
        assertEquals("limit", only(() -> AuditQuery.parse(null, null, null, null, "0")));
        assertEquals("offset", only(() -> AuditQuery.parse(null, null, null, "x", null)));
        assertEquals("limit", only(() -> AuditQuery.parse(null, null, null, null, "99999999999")));
    }

    private static String only(Runnable parse) {
        var e = assertThrows(InvalidInput.class, parse::run);
        assertEquals(1, e.errors().size());
        return e.errors().get(0).field();
    }
}
