package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretCipherTest {

    private static final String PLAINTEXT = "Sup3r-Secret-Passw0rd";
    private static final String PURPOSE = "smtp.password";

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }

    private static final byte[] KEY = key(7);
    private final SecretCipher cipher = new SecretCipher(KEY);

    private static void assertLeaksNothing(IllegalStateException e) {
        String message = String.valueOf(e.getMessage());
        assertFalse(message.contains(PLAINTEXT), message);
        assertFalse(message.contains(Base64.getEncoder().encodeToString(KEY)), message);
        assertFalse(message.contains(Base64.getEncoder().encodeToString(key(9))), message);
        assertNull(e.getCause(), "the cause could tell which bytes failed");
        assertFalse(e.toString().contains(PLAINTEXT));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x", PLAINTEXT, "pässwörd €ü 日本 😀", "line\r\nbreak", "   "})
    void roundTripGivesThePlaintextBack(String plaintext) {
        assertEquals(plaintext, cipher.decrypt(cipher.encrypt(plaintext, PURPOSE), PURPOSE));
    }

    @Test
    void longSecretRoundTrips() {
        String secret = "s".repeat(100_000);
        assertEquals(secret, cipher.decrypt(cipher.encrypt(secret, PURPOSE), PURPOSE));
    }

    @Test
    void storedFormIsVersionedNonceCiphertextAndTag() {
        String stored = cipher.encrypt(PLAINTEXT, PURPOSE);
        assertTrue(stored.startsWith("v1:"), stored);
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        assertEquals(12 + PLAINTEXT.getBytes(StandardCharsets.UTF_8).length + 16, raw.length);
        assertFalse(stored.contains(PLAINTEXT));
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains(PLAINTEXT));
    }

    @Test
    void samePlaintextEncryptsDifferentlyEveryTime() {
        Set<String> seen = new HashSet<>();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String stored = cipher.encrypt(PLAINTEXT, PURPOSE);
            seen.add(stored);
            nonces.add(Base64.getEncoder()
                    .encodeToString(Arrays.copyOf(Base64.getDecoder().decode(stored.substring(3)), 12)));
        }
        assertEquals(50, seen.size());
        assertEquals(50, nonces.size());
    }

    @Test
    void wrongPurposeFailsWithoutLeakingThePlaintextOrKey() {
        String stored = cipher.encrypt(PLAINTEXT, PURPOSE);
        var e = assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, "smtp.client_secret"));
        assertLeaksNothing(e);
        assertTrue(e.getMessage().contains("Enter the secret again"), e.getMessage());
    }

    @Test
    void wrongKeyFailsWithoutLeakingThePlaintextOrKey() {
        String stored = cipher.encrypt(PLAINTEXT, PURPOSE);
        var other = new SecretCipher(key(9));
        var e = assertThrows(IllegalStateException.class, () -> other.decrypt(stored, PURPOSE));
        assertLeaksNothing(e);
        assertTrue(e.getMessage().contains("mailroom.secret-key"), e.getMessage());
    }

    @Test
    void everyTamperedByteIsDetected() {
        String stored = cipher.encrypt(PLAINTEXT, PURPOSE);
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String forged = "v1:" + Base64.getEncoder().encodeToString(tampered);
            assertLeaksNothing(
                    assertThrows(IllegalStateException.class, () -> cipher.decrypt(forged, PURPOSE), "byte " + i));
        }
    }

    @Test
    void truncatedOrExtendedCiphertextIsDetected() {
        byte[] raw =
                Base64.getDecoder().decode(cipher.encrypt(PLAINTEXT, PURPOSE).substring(3));
        for (int length : new int[] {0, 1, 11, 28, raw.length - 1}) {
            String cut = "v1:" + Base64.getEncoder().encodeToString(Arrays.copyOf(raw, length));
            assertThrows(IllegalStateException.class, () -> cipher.decrypt(cut, PURPOSE), "length " + length);
        }
        String longer = "v1:" + Base64.getEncoder().encodeToString(Arrays.copyOf(raw, raw.length + 1));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(longer, PURPOSE));
    }

    @ParameterizedTest
    @ValueSource(ints = {12, 13, 20, 27})
    void ciphertextShorterThanNoncePlusTagIsRefusedAsUndecryptable(int length) {
        String cut = "v1:" + Base64.getEncoder().encodeToString(new byte[length]);
        assertLeaksNothing(assertThrows(IllegalStateException.class, () -> cipher.decrypt(cut, PURPOSE)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain-text-password",
                "v2:AAAA",
                "v1:",
                "v1:not base64!",
                "V1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
            })
    void valuesThatAreNotMailroomCiphertextsAreRefused(String stored) {
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(stored, PURPOSE));
    }

    @Test
    void nullStoredValueIsRefused() {
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(null, PURPOSE));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 16, 24, 31, 33, 64})
    void keysThatAreNot32BytesAreRefused(int length) {
        var e = assertThrows(IllegalArgumentException.class, () -> new SecretCipher(new byte[length]));
        assertTrue(e.getMessage().contains("32 bytes"), e.getMessage());
    }

    @Test
    void changingTheKeyArrayAfterConstructionChangesNothing() {
        byte[] key = key(3);
        var c = new SecretCipher(key);
        String stored = c.encrypt(PLAINTEXT, PURPOSE);
        Arrays.fill(key, (byte) 0);
        assertEquals(PLAINTEXT, c.decrypt(stored, PURPOSE));
    }

    @Test
    void sameKeyInAnotherInstanceDecrypts() {
        String stored = cipher.encrypt(PLAINTEXT, PURPOSE);
        assertEquals(PLAINTEXT, new SecretCipher(key(7)).decrypt(stored, PURPOSE));
        assertNotEquals(stored, new SecretCipher(key(7)).encrypt(PLAINTEXT, PURPOSE));
    }
}
