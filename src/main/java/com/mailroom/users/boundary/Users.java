package com.mailroom.users.boundary;

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
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The users who may sign in: listing, adding, and what the security layer needs to know about them. */
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
        return UserView.of(user);
    }

    /**
     * Lets a user locked out after failed logins in again at once, on every node (the client address's own wait, if
     * any, stays: it may belong to the attacker).
     *
     * @throws NotFound when there is no user {@code id}
     */
    public void unlock(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFound(Text.of("error.noUser", id));
        }
        throttle.unlock(user.getUsername());
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
