package com.mailroom.sending.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.platform.WireEnum;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthMechanismTest {

    @ParameterizedTest
    @CsvSource({"auto,AUTO", "PLAIN,PLAIN", "Login,LOGIN"})
    void wireNamesAreParsedInAnyCase(String wire, AuthMechanism expected) {
        assertEquals(Optional.of(expected), WireEnum.parse(AuthMechanism.class, wire));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "cram-md5", "xoauth2", "ntlm", "plain\n"})
    void anythingElseIsEmpty(String wire) {
        assertEquals(Optional.empty(), WireEnum.parse(AuthMechanism.class, wire));
    }

    @Test
    void wireNamesAndAllowedListAreLowerCase() {
        assertEquals("login", AuthMechanism.LOGIN.wireName());
        assertEquals("auto, plain, login", WireEnum.allowed(AuthMechanism.class));
    }
}
