package com.mailroom.users.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failed logins per account and per client address, in the database every node shares (V6__login_throttle.sql), with
 * a {@link Backoff} each. Before a password or client secret is checked, {@link #lockedUntil} says whether either
 * subject must wait; while it waits nothing is checked, so a correct guess is not even noticed. Unknown names are
 * counted like real ones: the answer never tells whether an account exists.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class LoginThrottle {

    @Inject
    @ConfigProperty(name = "mailroom.login.free-failures", defaultValue = "3")
    int freeFailures;

    @Inject
    @ConfigProperty(name = "mailroom.login.max-failures", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "mailroom.login.address-free-failures", defaultValue = "10")
    int addressFreeFailures;

    @Inject
    @ConfigProperty(name = "mailroom.login.address-max-failures", defaultValue = "50")
    int addressMaxFailures;

    @Inject
    @ConfigProperty(name = "mailroom.login.lockout-seconds", defaultValue = "900")
    long lockoutSeconds;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    private Backoff account;
    private Backoff address;

    @PostConstruct
    void policies() {
        Duration lockout = Duration.ofSeconds(Math.max(1, lockoutSeconds));
        account = new Backoff(freeFailures, maxFailures, lockout);
        address = new Backoff(addressFreeFailures, addressMaxFailures, lockout);
    }

    public static String account(String name) {
        return "account:" + (name == null ? "" : name.strip().toLowerCase(Locale.ROOT));
    }

    public static String address(String ip) {
        return "address:" + ip;
    }

    /** When the later of the two subjects' waits ends, if either is still waiting. */
    public Optional<Instant> lockedUntil(String accountSubject, String addressSubject) {
        long now = clock.millis();
        Object until = em.createNativeQuery("SELECT MAX(locked_until_ms) FROM login_failure"
                        + " WHERE subject IN (?, ?) AND locked_until_ms > ?")
                .setParameter(1, bounded(accountSubject))
                .setParameter(2, bounded(addressSubject))
                .setParameter(3, now)
                .getSingleResult();
        return until == null ? Optional.empty() : Optional.of(Instant.ofEpochMilli(((Number) until).longValue()));
    }

    /** Counts a failure against both subjects (a failure streak older than the lockout starts again at one). */
    public void failed(String accountSubject, String addressSubject) {
        long now = clock.millis();
        long forgottenBefore = now - account.lockout().toMillis();
        em.createNativeQuery("DELETE FROM login_failure WHERE last_failure_ms < ?")
                .setParameter(1, forgottenBefore)
                .executeUpdate();
        count(bounded(accountSubject), account, now);
        count(bounded(addressSubject), address, now);
    }

    /** A correct password ends the account's streak; the address's stays (it may be guessing other accounts). */
    public void succeeded(String accountSubject) {
        em.createNativeQuery("DELETE FROM login_failure WHERE subject = ?")
                .setParameter(1, bounded(accountSubject))
                .executeUpdate();
    }

    /** An admin's unlock: the account may log in again at once, on every node. */
    public void unlock(String username) {
        succeeded(account(username));
    }

    private void count(String subject, Backoff backoff, long now) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT failures FROM login_failure WHERE subject = ? FOR UPDATE")
                .setParameter(1, subject)
                .getResultList();
        int failures = rows.isEmpty() ? 1 : ((Number) rows.get(0)).intValue() + 1;
        long lockedUntil = now + backoff.after(failures).toMillis();
        String sql = rows.isEmpty()
                ? "INSERT INTO login_failure (failures, last_failure_ms, locked_until_ms, subject) VALUES (?, ?, ?, ?)"
                : "UPDATE login_failure SET failures = ?, last_failure_ms = ?, locked_until_ms = ? WHERE subject = ?";
        em.createNativeQuery(sql)
                .setParameter(1, failures)
                .setParameter(2, now)
                .setParameter(3, lockedUntil)
                .setParameter(4, subject)
                .executeUpdate();
    }

    /** A name of any length is counted under its first 300 characters (the column's width). */
    private static String bounded(String subject) {
        return subject.length() <= 300 ? subject : subject.substring(0, 300);
    }
}
