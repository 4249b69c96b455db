package com.mailroom.settings.control;

import com.mailroom.platform.DataDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key for secrets at rest: {@code mailroom.secret-key} when set (required when several nodes share a
 * database), otherwise a key generated once into {@code <data-dir>/secret.key}, readable by the owner only.
 */
@ApplicationScoped
public class SecretKeys {

    private static final Logger LOG = Logger.getLogger(SecretKeys.class.getName());

    @Inject
    @ConfigProperty(name = "mailroom.secret-key")
    Optional<String> configuredKey;

    private SecretCipher cipher;

    /** Dependent scope (SecretCipher is immutable and not proxyable); the key is read once and kept here. */
    @Produces
    synchronized SecretCipher cipher() {
        if (cipher == null) {
            cipher = load();
        }
        return cipher;
    }

    private SecretCipher load() {
        String encoded = configuredKey
                .filter(k -> !k.isBlank())
                .orElseGet(() -> fromKeyFile(DataDirectory.resolve().resolve("secret.key")));
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "mailroom.secret-key is not valid base64 (expected 32 random bytes, base64-encoded).");
        }
        return new SecretCipher(key);
    }

    static String fromKeyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    create(file, Base64.getEncoder().encodeToString(key));
                    LOG.info(() -> "Generated the key for secrets at rest: " + file
                            + " (keep it with the database; back it up).");
                } catch (FileAlreadyExistsException raced) {
                    // another node or thread created it first: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + file, e);
        }
    }

    private static void create(Path file, String content) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, content, StandardCharsets.US_ASCII);
    }
}
