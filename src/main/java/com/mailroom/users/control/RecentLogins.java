package com.mailroom.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers for a few minutes that a name and password were verified, so an API client using HTTP Basic on every
 * call pays the deliberately slow PBKDF2 (about 0.3 s here) once, not per request. Only a keyed hash of name and
 * password is kept (the key is random per process), together with the stored hash it was verified against: a
 * changed password no longer matches, and nothing here can be turned back into a password.
 */
@ApplicationScoped
public class RecentLogins {

    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final Clock clock;

    private record Entry(String storedHash, Instant until) {}

    public RecentLogins() {
        this(Clock.systemUTC());
    }

    RecentLogins(Clock clock) {
        this.clock = clock;
        new SecureRandom().nextBytes(key);
    }

    /** Whether this name and password were verified recently against the hash that is stored now. */
    public boolean wasVerified(String username, String password, String storedHash) {
        Entry entry = verified.get(fingerprint(username, password));
        return entry != null
                && entry.storedHash().equals(storedHash)
                && clock.instant().isBefore(entry.until());
    }

    public void remember(String username, String password, String storedHash) {
        if (verified.size() >= MAX_ENTRIES) {
            verified.clear(); // crude but bounded: a flood of distinct logins cannot grow the map
        }
        verified.put(
                fingerprint(username, password),
                new Entry(storedHash, clock.instant().plus(LIFETIME)));
    }

    private String fingerprint(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
