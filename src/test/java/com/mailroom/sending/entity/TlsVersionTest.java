package com.mailroom.sending.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TlsVersionTest {

    @ParameterizedTest
    @CsvSource({
        "TLSv1_2,TLSv1_2",
        "tlsv1_2,TLSv1_2",
        "TLSv1.2,TLSv1_2",
        "TLSv1_3,TLSv1_3",
        "TLSV1.3,TLSv1_3",
        "TLSv1_2_OR_NEWER,TLSv1_2_OR_NEWER",
        "tlsv1_2_or_newer,TLSv1_2_OR_NEWER"
    })
    void wireNamesAreParsedInAnyCaseWithDotOrUnderscore(String wire, TlsVersion expected) {
        assertEquals(Optional.of(expected), TlsVersion.fromWire(wire));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1_1", "tlsv1.1", "TLSv1", "TLSv1_0", "TLSv1.0", "SSLv3", "sslv2"})
    void legacyVersionsAreRefusedWithAnExplanation(String wire) {
        var e = assertThrows(IllegalArgumentException.class, () -> TlsVersion.fromWire(wire));
        assertTrue(e.getMessage().startsWith(wire + " is refused"), e.getMessage());
        assertTrue(e.getMessage().contains("TLS 1.1 and older"), e.getMessage());
        assertTrue(e.getMessage().contains("TLSv1_2 (recommended)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", " ", "TLSv2", "TLS", "SSLv23", "TLSv1_2_OR_OLDER", "TLSv1_2;TLSv1_3", "TLSv1__2", "1.2"})
    void unknownValuesAreEmpty(String wire) {
        assertEquals(Optional.empty(), TlsVersion.fromWire(wire));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1_2\r\n", "\nTLSv1_3", "TLSv1_2\t", "TLSv1_2_OR_NEWER\n"})
    void lineBreaksAroundTheVersionAreRefusedNotTrimmed(String wire) {
        assertEquals(Optional.empty(), TlsVersion.fromWire(wire));
    }

    @Test
    void protocolsAreTheJsseNames() {
        assertEquals(List.of("TLSv1.2"), TlsVersion.TLSv1_2.protocols());
        assertEquals(List.of("TLSv1.3"), TlsVersion.TLSv1_3.protocols());
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), TlsVersion.TLSv1_2_OR_NEWER.protocols());
    }

    @Test
    void noVersionOfferedIsOlderThanTls12() {
        for (TlsVersion v : TlsVersion.values()) {
            v.protocols().forEach(p -> assertTrue(p.equals("TLSv1.2") || p.equals("TLSv1.3"), p));
        }
    }
}
