package com.mailroom.sending.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.platform.WireEnum;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsModeTest {

    @ParameterizedTest
    @CsvSource({"none,NONE", "STARTTLS,STARTTLS", "StartTls,STARTTLS", "implicit,IMPLICIT"})
    void wireNamesAreParsedInAnyCase(String wire, TlsMode expected) {
        assertEquals(Optional.of(expected), WireEnum.parse(TlsMode.class, wire));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " starttls", "starttls\r\n", "ssl", "tls", "smtps", "start_tls", "true", "0"})
    void anythingElseIsEmpty(String wire) {
        assertEquals(Optional.empty(), WireEnum.parse(TlsMode.class, wire));
    }

    @Test
    void defaultPortsAreTheIanaOnes() {
        assertEquals(25, TlsMode.NONE.defaultPort());
        assertEquals(587, TlsMode.STARTTLS.defaultPort());
        assertEquals(465, TlsMode.IMPLICIT.defaultPort());
    }

    @Test
    void wireNamesAndAllowedListAreLowerCase() {
        assertEquals("starttls", TlsMode.STARTTLS.wireName());
        assertEquals("none, starttls, implicit", WireEnum.allowed(TlsMode.class));
    }
}
