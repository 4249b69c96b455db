package com.mailroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What the integration tests do as an administrator over the REST API, written once: accounts of a test's own (the
 * rate limit counts per admin), saving the SMTP settings, queueing mail, and waiting for the background work that
 * follows (the settings check, deliveries).
 */
public final class Admins {

    /** The password of every account made here. */
    public static final String PASSWORD = "a-long-password-1";

    static final String SETTINGS = "api/v1/smtp/settings";
    static final String USERS = "api/v1/users";
    static final String MAIL = "api/v1/mail";
    static final Duration BACKGROUND = Duration.ofSeconds(40);

    private Admins() {}

    /** A user made for one test, signing in with {@link #PASSWORD}. */
    public record Account(String name, String email, String password) {
        /** The Authorization header of this account. */
        public String auth() {
            return Api.basic(name, password);
        }
    }

    /** A new administrator, made by the bootstrap admin. */
    public static Account newAdmin(Api api) {
        return create(api, "admin-", true);
    }

    /** A new user who is no administrator. */
    public static Account newUser(Api api) {
        return create(api, "user-", false);
    }

    private static Account create(Api api, String prefix, boolean admin) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        var created = api.postJson("api/v1/users", Api.admin(), userJson(name, admin));
        assertEquals(201, created.status(), created.toString());
        return new Account(name, name + "@example.com", PASSWORD);
    }

    /** The body that adds the user {@code name} with the address name@example.com and {@link #PASSWORD}. */
    public static String userJson(String name, boolean admin) {
        return """
                {"username": "%s", "email": "%s@example.com", "password": "%s", "admin": %s}
                """.formatted(name, name, PASSWORD, admin);
    }

    /** The id of the user {@code name}, from {@code GET api/v1/users}. */
    public static long idOf(Api api, String name) {
        return api.get(USERS, Api.admin()).array().stream()
                .map(JsonObject.class::cast)
                .filter(u -> u.getString("username").equals(name))
                .mapToLong(u -> u.getJsonNumber("id").longValue())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no user " + name));
    }

    /** The names of the admins now, as {@code auth} sees them. */
    public static List<String> adminNames(Api api, String auth) {
        var list = api.get(USERS, auth);
        assertEquals(200, list.status(), list.toString());
        return list.array().stream()
                .map(JsonObject.class::cast)
                .filter(u -> u.getBoolean("admin"))
                .map(u -> u.getString("username"))
                .toList();
    }

    /** Makes the user {@code id} an admin or not (PATCH) and insists on 200. */
    public static void setAdmin(Api api, String auth, long id, boolean admin) {
        var reply = api.patch(USERS + "/" + id, auth, "{\"admin\": " + admin + "}");
        assertEquals(200, reply.status(), reply.toString());
    }

    /**
     * Runs {@code test} while the {@code accounts} are the only admins: every other admin is demoted before and made
     * an admin again after, by whichever of the accounts is still an admin then. The tests of one class run one after
     * another, so none of the others sees this.
     */
    public static void withOnlyAdmins(Api api, List<Account> accounts, Runnable test) {
        List<String> names = accounts.stream().map(Account::name).toList();
        List<Long> others = api.get(USERS, Api.admin()).array().stream()
                .map(JsonObject.class::cast)
                .filter(u -> u.getBoolean("admin") && !names.contains(u.getString("username")))
                .map(u -> u.getJsonNumber("id").longValue())
                .toList();
        List<Long> demoted = new ArrayList<>();
        try {
            for (long id : others) {
                setAdmin(api, accounts.get(0).auth(), id, false);
                demoted.add(id);
            }
            test.run();
        } catch (RuntimeException | Error e) {
            restore(api, accounts, demoted).ifPresent(e::addSuppressed);
            throw e;
        }
        restore(api, accounts, demoted).ifPresent(e -> {
            throw e;
        });
    }

    /** Makes the demoted admins again, or answers why that was impossible. */
    private static Optional<AssertionError> restore(Api api, List<Account> accounts, List<Long> demoted) {
        Optional<String> auth = accounts.stream()
                .map(Account::auth)
                .filter(a -> api.get(USERS, a).status() == 200)
                .findFirst();
        if (auth.isEmpty()) {
            return Optional.of(new AssertionError("no admin is left to make the others admins again"));
        }
        demoted.forEach(id -> setAdmin(api, auth.get(), id, true));
        return Optional.empty();
    }

    /** Saves SMTP settings (PUT, no If-Match) and insists on 200. */
    public static Api.Reply saveSettings(Api api, String auth, String json) {
        var reply = api.put(SETTINGS, auth, json);
        assertEquals(200, reply.status(), reply.toString());
        return reply;
    }

    /** A mail body as applications send one: one recipient, a subject and a line of text. */
    public static String mail(String to, String subject) {
        return """
                {"to": ["%s"], "subject": "%s", "text": "Attached.", "category": "content_delivery"}
                """.formatted(to, subject);
    }

    /** Queues a mail, insists on 202 and status queued, and answers the mail's id. */
    public static String queue(Api api, String auth, String json) {
        var reply = api.postJson(MAIL, auth, json);
        assertEquals(202, reply.status(), reply.toString());
        assertEquals("queued", reply.json().getString("status"), reply.toString());
        return reply.json().getString("id");
    }

    /** Polls {@code GET api/v1/smtp/status} until the condition holds. */
    public static JsonObject awaitStatus(Api api, String auth, Predicate<JsonObject> condition) {
        return Await.until(
                BACKGROUND,
                () -> api.get("api/v1/smtp/status", auth).json(),
                condition,
                status -> "the status never got there: " + status);
    }

    /** Polls {@code GET api/v1/mail/{id}} until the condition holds. */
    public static JsonObject awaitMail(Api api, String auth, String id, Predicate<JsonObject> condition) {
        return Await.until(
                BACKGROUND,
                () -> api.get(MAIL + "/" + id, auth).json(),
                condition,
                mail -> "the mail never got there: " + mail);
    }
}
