package com.mailroom.settings.control;

import com.mailroom.platform.Text;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for secrets at rest. Each value gets a fresh 96-bit nonce; the purpose (e.g. "smtp.password") is
 * bound as associated data, so a ciphertext copied into another column does not decrypt. Stored form:
 * {@code v1:base64(nonce || ciphertext+tag)}; the prefix leaves room for a key rotation later.
 */
public final class SecretCipher {

    /** The purposes of the stored secrets (the associated data). */
    public static final String SMTP_PASSWORD = "smtp.password";

    public static final String SMTP_CLIENT_SECRET = "smtp.client_secret";

    public static final String SMTP_CLIENT_CERTIFICATE = "smtp.client_certificate";

    public static final String SMTP_SERVICE_ACCOUNT_KEY = "smtp.service_account_key";

    private static final String PREFIX = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** A stored secret that this key cannot open; what the admin can do is in its text. */
    public static final class Undecryptable extends IllegalStateException {
        private final transient Text text;

        Undecryptable(Text text) {
            super(text.english());
            this.text = text;
        }

        public Text text() {
            return text;
        }
    }

    public SecretCipher(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException(
                    "The secret key must be 32 bytes (AES-256), base64-encoded; got " + key.length + " bytes.");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    public String encrypt(String plaintext, String purpose) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** @throws Undecryptable when the value was sealed with another key or for another purpose */
    public String decrypt(String stored, String purpose) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            throw new Undecryptable(Text.of("failure.notCiphertext", purpose));
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            if (all.length < NONCE_BYTES + TAG_BITS / 8) {
                throw new IllegalArgumentException("too short");
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // no cause: it could only tell which bytes failed
            throw new Undecryptable(Text.of("failure.undecryptable", purpose));
        }
    }
}
