package com.mailroom.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2 from Jakarta Security, with parameters stronger than its defaults (2048 iterations is far too few today).
 * The stored form names algorithm and iterations, so they can be raised later without breaking existing hashes.
 */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    /** PBKDF2 is CPU by design: beyond this many at once, logins queue instead of starving the pages and the API. */
    @Inject
    @ConfigProperty(name = "mailroom.login.max-concurrent-hashes", defaultValue = "0")
    int maxConcurrent;

    private Semaphore slots;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", "210000",
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        slots = new Semaphore(
                maxConcurrent > 0 ? maxConcurrent : Runtime.getRuntime().availableProcessors(), true);
    }

    public String hash(String password) {
        return bounded(() -> pbkdf2.generate(password.toCharArray()));
    }

    public boolean verify(String password, String hash) {
        return hash != null && bounded(() -> pbkdf2.verify(password.toCharArray(), hash));
    }

    private <T> T bounded(Supplier<T> work) {
        slots.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            slots.release();
        }
    }
}
