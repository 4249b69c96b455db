package com.mailroom.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MailroomAuthenticationTest {

    private static String basic(String userColonPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userColonPassword.getBytes(StandardCharsets.UTF_8));
    }

    private static UsernamePasswordCredential userPassword(String header) {
        return assertInstanceOf(UsernamePasswordCredential.class, MailroomAuthentication.parse(header));
    }

    private static String token(String header) {
        return assertInstanceOf(ApiTokenCredential.class, MailroomAuthentication.parse(header))
                .token();
    }

    @Test
    void basicGivesUserAndPassword() {
        var credential = userPassword(basic("admin:s3cret"));
        assertEquals("admin", credential.getCaller());
        assertEquals("s3cret", credential.getPasswordAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "BASIC", "basic", "bAsIc"})
    void schemeIsCaseInsensitive(String scheme) {
        String header = basic("admin:pw").replace("Basic", scheme);
        assertEquals("admin", userPassword(header).getCaller());
    }

    @Test
    void passwordMayContainColonsAndBeNonAscii() {
        var credential = userPassword(basic("admin:pa:ss:wörd"));
        assertEquals("admin", credential.getCaller());
        assertEquals("pa:ss:wörd", credential.getPasswordAsString());
    }

    @Test
    void emptyPasswordIsPassedOnForTheIdentityStoreToRefuse() {
        assertEquals("", userPassword(basic("admin:")).getPasswordAsString());
    }

    @Test
    void spacesAroundTheEncodedValueAreIgnored() {
        assertEquals(
                "admin",
                userPassword("Basic   " + Base64.getEncoder().encodeToString("admin:pw".getBytes()) + "  ")
                        .getCaller());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Basic",
                "Basic ",
                "Basic !!!notbase64",
                "Basic YWRt aW46cHc=",
                "Basic YWRtaW4=",
                "Basic OnB3",
                "Basic Og==",
                "Basic\tYWRtaW46cHc=",
                "Basic_YWRtaW46cHc=",
                "YWRtaW46cHc="
            })
    void malformedBasicIsNoCredential(String header) {
        // YWRtaW4= is "admin" (no colon); OnB3 is ":pw" (no user); Og== is ":"
        assertNull(MailroomAuthentication.parse(header), header);
    }

    @Test
    void urlSafeBase64IsNotBasic() {
        String urlSafe = Base64.getUrlEncoder().encodeToString("admin:p?>?>".getBytes(StandardCharsets.UTF_8));
        String standard = Base64.getEncoder().encodeToString("admin:p?>?>".getBytes(StandardCharsets.UTF_8));
        assertFalse(urlSafe.equals(standard), "the sample must differ between the alphabets");
        assertNull(MailroomAuthentication.parse("Basic " + urlSafe));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer abc.DEF-123_x",
                "bearer abc.DEF-123_x",
                "BEARER abc.DEF-123_x",
                "token abc.DEF-123_x",
                "Token abc.DEF-123_x",
                "Bearer    abc.DEF-123_x   "
            })
    void bearerAndTokenGiveTheTokenStripped(String header) {
        assertEquals("abc.DEF-123_x", token(header));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Bearer",
                "Bearer ",
                "Bearer    ",
                "token ",
                "",
                " ",
                " Bearer abc",
                "Bearerabc",
                "Digest username=\"admin\"",
                "Negotiate abc",
                "NTLM abc",
                "Bearer\tabc"
            })
    void missingTokenOrOtherSchemeIsNoCredential(String header) {
        assertNull(MailroomAuthentication.parse(header), header);
    }

    @Test
    void tokenCredentialNeverPrintsTheToken() {
        Credential credential = MailroomAuthentication.parse("Bearer very-secret-token");
        assertFalse(credential.toString().contains("very-secret-token"), credential.toString());
    }
}
