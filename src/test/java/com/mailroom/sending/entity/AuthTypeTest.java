package com.mailroom.sending.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.platform.WireEnum;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthTypeTest {

    @ParameterizedTest
    @CsvSource({"none,NONE", "basic,BASIC", "BASIC,BASIC", "oauth,OAUTH", "OAUTH,OAUTH", "OAuth,OAUTH"})
    void wireNamesAreParsedInAnyCase(String wire, AuthType expected) {
        assertEquals(Optional.of(expected), WireEnum.parse(AuthType.class, wire));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "oauth2", "OAuth 2.0", "xoauth2", "plain", "basic\r\n", " basic"})
    void anythingElseIsEmpty(String wire) {
        assertEquals(Optional.empty(), WireEnum.parse(AuthType.class, wire));
    }

    @Test
    void wireNamesAndAllowedListAreLowerCase() {
        assertEquals("oauth", AuthType.OAUTH.wireName());
        assertEquals("none, basic, oauth", WireEnum.allowed(AuthType.class));
    }
}
