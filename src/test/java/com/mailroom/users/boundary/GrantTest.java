package com.mailroom.users.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.users.entity.CredentialScope;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The roles a bearer token gets: its credential's scope, and never more than its user may do now. */
class GrantTest {

    @Test
    void anAdminScopedTokenOfAnAdminIsAnAdmin() {
        assertEquals(Set.of("admin", "user"), ApiAccess.Grant.groups(true, CredentialScope.ADMIN));
    }

    @Test
    void aSendMailTokenOnlySendsMail() {
        assertEquals(Set.of(ApiAccess.MAIL_SENDER, "user"), ApiAccess.Grant.groups(true, CredentialScope.SEND_MAIL));
    }

    @Test
    void aTokenOfAUserWhoIsNoAdminMayDoNothing() {
        for (CredentialScope scope : CredentialScope.values()) {
            assertEquals(Set.of("user"), ApiAccess.Grant.groups(false, scope));
        }
    }

    @Test
    void onlySendMailGrantsAreSendMailOnly() {
        assertTrue(new ApiAccess.Grant("a", "c", CredentialScope.SEND_MAIL, Set.of()).sendMailOnly());
        assertFalse(new ApiAccess.Grant("a", "c", CredentialScope.ADMIN, Set.of()).sendMailOnly());
    }
}
