package com.mailroom.users.boundary;

import com.mailroom.audit.boundary.AuditTrail;
import com.mailroom.audit.entity.AuditKind;
import com.mailroom.errors.Conflict;
import com.mailroom.errors.InvalidInput;
import com.mailroom.errors.NotFound;
import com.mailroom.platform.Text;
import com.mailroom.users.control.LoginThrottle;
import com.mailroom.users.control.PasswordHashing;
import com.mailroom.users.control.RecentLogins;
import com.mailroom.users.control.UserRules;
import com.mailroom.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The users who may sign in: listing, adding, changing and removing them, and what the security layer needs to know
 * about them. There is always an admin: the last one can be neither demoted nor removed, also when two admins act at
 * once (see {@link #lockAll}).
 */
@ApplicationScoped
@Transactional
public class Users {

    public static final String ADMIN = "admin";
    public static final String USER = "user";

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    RecentLogins recentLogins;

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditTrail audit;

    /**
     * A change of a user: null keeps a value. {@code username} is there to be refused (it cannot change), so that a
     * caller hears of it together with any other wrong field.
     */
    public record Change(String username, String email, String password, Boolean admin) {
        @Override
        public String toString() {
            return "Change[email=" + email + ", password=" + (password == null ? "keep" : "new") + ", admin=" + admin
                    + "]";
        }
    }

    public List<UserView> list() {
        return em.createNamedQuery(User.ALL, User.class).getResultList().stream()
                .map(UserView::of)
                .toList();
    }

    /** @throws InvalidInput for a bad field, {@link Conflict} when the name is taken */
    public UserView create(String username, String email, String password, boolean admin) {
        var errors = UserRules.validate(username, email, password);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (find(username).isPresent()) {
            throw new Conflict("username", Text.of("error.usernameTaken", username));
        }
        var user = new User(username, email, hashing.hash(password), admin);
        em.persist(user);
        em.flush();
        audit.recordWithChange(AuditKind.USER_CREATED, username + (admin ? " (admin)" : " (user)"));
        return UserView.of(user);
    }

    /** @throws NotFound for an unknown id */
    public UserView get(long id) {
        return UserView.of(byId(id));
    }

    /**
     * @throws NotFound for an unknown id, {@link InvalidInput} for a bad field, {@link Conflict} when this would
     *         demote the last admin
     */
    public UserView update(long id, Change change) {
        byId(id);
        var errors = UserRules.validateChange(change.username(), change.email(), change.password());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        String hash = change.password() == null ? null : hashing.hash(change.password()); // slow: before the locks
        User user = lockAll(id);
        if (Boolean.FALSE.equals(change.admin()) && isLastAdmin(user)) {
            throw new Conflict(Text.of("error.lastAdmin.demote", user.getUsername()));
        }
        if (change.email() != null) {
            user.setEmail(change.email());
        }
        if (hash != null) {
            user.setPasswordHash(hash); // a remembered Basic login was verified against the old hash: it ends too
        }
        if (change.admin() != null) {
            user.setAdmin(change.admin());
        }
        em.flush();
        audit.recordWithChange(AuditKind.USER_CHANGED, user.getUsername() + ": " + changedFields(change));
        return UserView.of(user);
    }

    /**
     * Removes the user with their API credentials and bearer tokens, which stop working at once (so does the page
     * session: each request re-reads its user).
     *
     * @throws NotFound for an unknown id, {@link Conflict} for the last admin
     */
    public UserView remove(long id) {
        byId(id);
        User user = lockAll(id);
        if (isLastAdmin(user)) {
            throw new Conflict(Text.of("error.lastAdmin.remove", user.getUsername()));
        }
        // explicitly rather than by the foreign keys' ON DELETE CASCADE: no persistence context keeps them
        em.createQuery("DELETE FROM ApiToken t WHERE t.user = :user")
                .setParameter("user", user)
                .executeUpdate();
        em.createQuery("DELETE FROM ApiCredential c WHERE c.user = :user")
                .setParameter("user", user)
                .executeUpdate();
        em.remove(user);
        em.flush();
        audit.recordWithChange(AuditKind.USER_REMOVED, user.getUsername());
        return UserView.of(user);
    }

    private User byId(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFound(Text.of("error.noUserId", Long.toString(id)));
        }
        return user;
    }

    /**
     * Locks every user's row, always in the order of their ids, and answers the user {@code id} as it is now. Two
     * admins demoting or removing each other at once thus take turns, and the second sees the first's change: the
     * rule "one admin remains" is checked on committed state, never on two snapshots that each still show two.
     */
    private User lockAll(long id) {
        List<User> all = em.createNamedQuery(User.ALL_BY_ID, User.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        User user = all.stream()
                .filter(u -> u.getId() == id)
                .findFirst()
                .orElseThrow(() -> new NotFound(Text.of("error.noUserId", Long.toString(id))));
        em.refresh(user);
        return user;
    }

    private boolean isLastAdmin(User user) {
        return user.isAdmin()
                && em.createNamedQuery(User.ADMIN_COUNT, Long.class).getSingleResult() <= 1;
    }

    /**
     * Lets a user locked out after failed logins in again at once, on every node (the client address's own wait, if
     * any, stays: it may belong to the attacker).
     *
     * @throws NotFound when there is no user {@code id}
     */
    public void unlock(long id) {
        String username = byId(id).getUsername();
        throttle.unlock(username);
        audit.recordWithChange(AuditKind.USER_UNLOCKED, username);
    }

    /** The fields a change sets, by name; the new role too, never the password. */
    static String changedFields(Change change) {
        List<String> names = new ArrayList<>();
        if (change.email() != null) {
            names.add("email");
        }
        if (change.password() != null) {
            names.add("password");
        }
        if (change.admin() != null) {
            names.add("admin=" + change.admin());
        }
        return names.isEmpty() ? "nothing" : String.join(", ", names);
    }

    /**
     * Whether this name and password were verified a few minutes ago against the password stored now
     * ({@link RecentLogins}): such a login costs no hashing and is not worth an audit entry per API call.
     */
    public boolean recentlyVerified(String username, String password) {
        return find(username)
                .filter(u -> recentLogins.wasVerified(username, password, u.getPasswordHash()))
                .isPresent();
    }

    public Optional<User> find(String username) {
        return em.createNamedQuery(User.BY_NAME, User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst();
    }

    /** The user when the password matches; the same empty answer for an unknown user and a wrong password. */
    public Optional<User> verify(String username, String password) {
        Optional<User> user = find(username);
        if (user.isEmpty()) {
            hashing.hash(password); // spend the same time, so timing does not reveal which names exist
            return Optional.empty();
        }
        return user.filter(u ->
                recentLogins.wasVerified(username, password, u.getPasswordHash()) || verifyAndRemember(u, password));
    }

    private boolean verifyAndRemember(User user, String password) {
        boolean valid = hashing.verify(password, user.getPasswordHash());
        if (valid) {
            recentLogins.remember(user.getUsername(), password, user.getPasswordHash());
        }
        return valid;
    }

    public static Set<String> groupsOf(User user) {
        return user.isAdmin() ? Set.of(ADMIN, USER) : Set.of(USER);
    }

    public boolean anyAdmin() {
        return em.createNamedQuery(User.ADMIN_COUNT, Long.class).getSingleResult() > 0;
    }
}
