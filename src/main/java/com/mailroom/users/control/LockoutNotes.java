package com.mailroom.users.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps the audit trail from flooding while a login waits: a client refused during a lockout may retry at full speed
 * (nothing is hashed), so only the first refusal of an account from an address in each {@link #QUIET} period is
 * written, per node. Bounded like {@link RecentLogins}.
 */
@ApplicationScoped
public class LockoutNotes {

    static final Duration QUIET = Duration.ofMinutes(1);
    static final int MAX_ENTRIES = 10_000;

    private final Map<String, Instant> noted = new ConcurrentHashMap<>();

    /** Whether this refusal is the first of its account and address in the quiet period (and so worth writing). */
    public boolean first(String account, String address, Instant now) {
        if (noted.size() >= MAX_ENTRIES) {
            noted.clear();
        }
        String key = account + "\n" + address;
        boolean[] first = {false};
        noted.compute(key, (k, last) -> {
            if (last != null && now.isBefore(last.plus(QUIET))) {
                return last;
            }
            first[0] = true;
            return now;
        });
        return first[0];
    }
}
