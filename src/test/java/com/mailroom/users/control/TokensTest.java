package com.mailroom.users.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void randomValuesAreUrlSafeUnpaddedAndCarryTheRequestedBytes() {
        String value = Tokens.random(32);
        assertEquals(43, value.length());
        assertTrue(value.matches("[A-Za-z0-9_-]+"), value);
        assertEquals(32, Base64.getUrlDecoder().decode(value).length);
        assertEquals("", Tokens.random(0));
    }

    @Test
    void randomValuesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(Tokens.random(32)));
        }
    }

    @Test
    void sha256IsLowerCaseHexOfTheUtf8Bytes() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Tokens.sha256("abc"));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Tokens.sha256(""));
        assertNotEquals(Tokens.sha256("ü"), Tokens.sha256("u"));
        assertEquals(64, Tokens.sha256("ü").length());
    }

    @Test
    void sameHashComparesExactly() {
        String hash = Tokens.sha256("token");
        assertTrue(Tokens.sameHash(hash, Tokens.sha256("token")));
        assertFalse(Tokens.sameHash(hash, Tokens.sha256("token ")));
        assertFalse(Tokens.sameHash(hash, hash.substring(1)));
        assertFalse(Tokens.sameHash(hash, hash.toUpperCase()));
        assertFalse(Tokens.sameHash(hash, ""));
    }

    @Test
    void sameHashIsFalseForMissingValues() {
        assertFalse(Tokens.sameHash(null, Tokens.sha256("x")));
        assertFalse(Tokens.sameHash(Tokens.sha256("x"), null));
        assertFalse(Tokens.sameHash(null, null));
    }
}
