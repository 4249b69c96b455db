package com.mailroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.testsupport.SubethaServer;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every SMTP host here is a loopback address or "localhost" with a closed port: saving makes the server check the
 * settings in the background, and tests send nothing beyond this machine.
 * <p>
 * The REST contract of docs/api.md against the real WAR on Payara Micro: authentication and roles, settings with ETag
 * and If-Match, the re-entry rule, users and API credentials, the 4.0 compatibility API, and secrets at rest.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RestApiIT {

    static final String SETTINGS = "api/v1/smtp/settings";
    static final String CREDENTIALS = "api/v1/users/me/api_credentials";

    @ArquillianResource
    URL deployed;

    Api api;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.mailroom(
                "mailroom.rate-limit.per-admin=100000",
                "mailroom.rate-limit.global=100000",
                // the tests play clients at many addresses through X-Forwarded-For from loopback
                "mailroom.http.trusted-proxies=127.0.0.1",
                "mailroom.login.max-failures=6",
                "mailroom.login.address-free-failures=10",
                "mailroom.login.address-max-failures=12");
    }

    @BeforeEach
    void client() {
        api = new Api(deployed);
    }

    // --- brute force (login throttling) ---

    /**
     * Wrong passwords as fast as a client can send them, each from another address (so only the account's count
     * applies): three are free, then each further failure must wait 1 s, 2 s, … — attempts during a wait are
     * refused unchecked — and the 6th failure (this deployment's max) locks the account. The right password is then
     * refused too; an unknown name gets the very same answers; an admin's unlock lets the user in at once.
     */
    @Test
    void guessingAPasswordIsSlowedThenLockedAndOnlyAnAdminsUnlockLetsTheRightOneIn() {
        String name = "victim" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.postJson("api/v1/users", Api.admin(), Admins.userJson(name, false));
        assertEquals(201, created.status(), created.toString());
        var real = lockOut(name);
        var unknown = lockOut("nobody" + UUID.randomUUID().toString().substring(0, 8));
        assertEquals(real.statuses(), unknown.statuses(), "an unknown name is treated alike");
        assertEquals(List.of(401, 401, 401, 401, 401, 401), real.statuses().subList(0, 6));

        var right = api.get(SETTINGS, Api.basic(name, Admins.PASSWORD), "X-Forwarded-For", "192.0.2.200");
        assertEquals(429, right.status(), "the right password does not get through a lockout: " + right);
        long retryAfter = Long.parseLong(right.header("Retry-After"));
        assertTrue(retryAfter > 800 && retryAfter <= 900, "locked for the lockout (900 s): " + retryAfter);
        assertTrue(right.json().getString("message").startsWith("Too many failed logins"), right.toString());
        var unknownRight = api.get(SETTINGS, Api.basic(unknown.name(), "x"), "X-Forwarded-For", "192.0.2.201");
        assertEquals(right.json().getString("message"), unknownRight.json().getString("message"));

        long id = created.json().getJsonNumber("id").longValue();
        String plain = "plain" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                201,
                api.postJson("api/v1/users", Api.admin(), Admins.userJson(plain, false))
                        .status());
        assertEquals(
                403,
                api.delete("api/v1/users/" + id + "/lockout", Api.basic(plain, Admins.PASSWORD))
                        .status());
        assertEquals(
                204, api.delete("api/v1/users/" + id + "/lockout", Api.admin()).status());
        assertEquals(404, api.delete("api/v1/users/999999/lockout", Api.admin()).status());
        assertEquals(
                403, // a plain user: logged in (200 would be an admin's), not refused as locked
                api.get(SETTINGS, Api.basic(name, Admins.PASSWORD), "X-Forwarded-For", "192.0.2.202")
                        .status());
    }

    /**
     * Many names guessed from one address: from its 11th failure the address waits whatever the name, from its 12th
     * (this deployment's max) it is locked — even for an admin's right password; other addresses are not.
     */
    @Test
    void oneAddressGuessingManyNamesIsLockedForEveryNameButOthersAreNot() {
        String attacker = strangerAddress();
        int[] name = {0};
        Await.until(
                Duration.ofSeconds(60),
                () -> api.get(SETTINGS, Api.basic("spray" + name[0]++, "Winter2026!"), "X-Forwarded-For", attacker),
                r -> r.status() == 429 && Long.parseLong(r.header("Retry-After")) > 60,
                r -> "the address was never locked: " + r);
        assertTrue(name[0] >= 13, "ten failures were free, and two more counted after waits: " + name[0]);
        assertEquals(
                429,
                api.get(SETTINGS, Api.admin(), "X-Forwarded-For", attacker).status(),
                "the admin's right password from the locked address is refused unchecked");
        assertEquals(
                200,
                api.get(SETTINGS, Api.admin(), "X-Forwarded-For", "192.0.2.99").status());
        assertEquals(
                200,
                api.get(SETTINGS, Api.admin(), "X-Forwarded-For", attacker + ", 10.9.9.9")
                        .status(),
                "X-Forwarded-For is believed only for the hop the trusted proxy added: 10.9.9.9 here");
    }

    /** The same for client ids at {@code /api/4.0/login}: at most six secrets are ever checked, then 429. */
    @Test
    void theApi40LoginIsThrottledByClientIdAlike() {
        String clientId = "no-such-client-" + UUID.randomUUID();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(api.post(
                            "api/4.0/login",
                            null,
                            "application/x-www-form-urlencoded",
                            "client_id=" + clientId + "&client_secret=guess" + i,
                            "X-Forwarded-For",
                            "192.0.2." + (100 + i))
                    .status());
        }
        assertEquals(List.of(401, 401, 401, 401), statuses.subList(0, 4), statuses.toString());
        assertTrue(statuses.stream().filter(s -> s == 401).count() <= 6, statuses.toString());
        assertEquals(List.of(429, 429), statuses.subList(6, 8), statuses.toString());
    }

    private record Guesses(String name, List<Integer> statuses, int refusedUnchecked) {}

    /** Guesses until the account is locked for good (a 429 with a long Retry-After), waiting out each back-off. */
    private Guesses lockOut(String name) {
        List<Integer> counted = new ArrayList<>();
        int[] refused = {0};
        int[] address = {1};
        Await.until(
                Duration.ofSeconds(60),
                () -> {
                    var reply = api.get(
                            SETTINGS,
                            Api.basic(name, "wrong-" + address[0]),
                            "X-Forwarded-For",
                            "203.0.113." + (address[0]++ % 250 + 1));
                    if (reply.status() == 401) {
                        counted.add(401);
                    } else {
                        assertEquals(429, reply.status(), reply.toString());
                        refused[0]++;
                    }
                    return reply;
                },
                r -> r.status() == 429 && Long.parseLong(r.header("Retry-After")) > 60,
                r -> "never locked: " + counted + " then " + r);
        return new Guesses(name, counted, refused[0]);
    }

    // --- what anonymous callers and browsers get ---

    @Test
    void anonymousCallersLearnNothingAboutTheInstanceAndTheSessionCookieIsSameSite() throws Exception {
        Api root = new Api(new URL("http://127.0.0.1:" + deployed.getPort() + "/"));
        assertEquals(403, root.get("metrics", null).status(), "metrics are closed (post-boot-commands.asadmin)");
        var page = api.get("login.xhtml", null);
        for (var reply : List.of(page, api.get(SETTINGS, null), api.get(SETTINGS, Api.admin()))) {
            assertEquals("DENY", reply.header("X-Frame-Options"), "security headers, on a 401 too: " + reply);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), reply.toString());
        }
        String cookie = sessionCookie(page);
        assertTrue(cookie.contains("; SameSite=Lax"), cookie);
        assertFalse(cookie.toLowerCase(Locale.ROOT).contains("secure"), "plain HTTP: not Secure, " + cookie);
        String behindTls = sessionCookie(api.get("login.xhtml", null, "X-Forwarded-Proto", "https"));
        assertTrue(behindTls.endsWith("; SameSite=Lax; Secure"), "HTTPS at the trusted proxy: " + behindTls);
        assertNull(api.get(SETTINGS, Api.admin()).header("Set-Cookie"), "the API opens no session");
    }

    /**
     * A page on another site can make a browser post a form (with Basic credentials the browser holds) but cannot
     * send JSON or a custom header without asking first: changes need one of the two. Browsers are not asked for
     * Basic credentials at all.
     */
    @Test
    void changesNeedJsonOrACustomHeaderAndBrowsersGetNoBasicChallenge() {
        String name = "target" + UUID.randomUUID().toString().substring(0, 8);
        var created = api.postJson("api/v1/users", Api.admin(), Admins.userJson(name, false));
        long id = created.json().getJsonNumber("id").longValue();
        var form = api.post(
                "api/v1/users/" + id + "/lockout",
                Api.admin(),
                "application/x-www-form-urlencoded",
                "x=1",
                "X-Requested-With",
                "");
        assertEquals(403, form.status(), form.toString());
        assertTrue(form.json().getString("message").contains("X-Requested-With"), form.toString());
        assertEquals(
                204, api.delete("api/v1/users/" + id + "/lockout", Api.admin()).status(), "with the header");
        assertEquals(
                401,
                api.post(
                                "api/4.0/login",
                                null,
                                "application/x-www-form-urlencoded",
                                "client_id=a&client_secret=b",
                                "X-Requested-With",
                                "")
                        .status(),
                "the peer's form login stays a form");

        var browser = api.get(SETTINGS, null, "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(401, browser.status());
        assertNull(browser.header("WWW-Authenticate"), "no Basic dialog in a browser");
        assertEquals("no-store", browser.header("Cache-Control"));
        assertNotNull(api.get(SETTINGS, null).header("WWW-Authenticate"), "API clients are told how to authenticate");
        assertEquals("no-store", api.get(SETTINGS, Api.admin()).header("Cache-Control"), "answers carrying settings");
    }

    private static String sessionCookie(Api.Reply reply) {
        return reply.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no session cookie: " + reply.response().headers()));
    }

    // --- authentication and roles ---

    @Test
    void anonymousCallsAreRefusedWith401InTheErrorShape() {
        for (String path : new String[] {SETTINGS, "api/v1/users", "api/v1/smtp/test", "api/4.0/smtp_status"}) {
            var reply = api.get(path, null);
            assertEquals(401, reply.status(), path + ": " + reply);
            assertTrue(reply.header("WWW-Authenticate").contains("Basic"), path);
            assertTrue(reply.json().getString("message").contains("Authentication required"), path);
        }
        assertEquals(401, api.put(SETTINGS, null, "{}").status());
        assertEquals(401, api.postJson("api/4.0/smtp_settings", null, "{}").status());
    }

    @Test
    void wrongCredentialsAreRefusedWith401() {
        assertEquals(
                401, api.get(SETTINGS, Api.basic(Api.ADMIN, "not-the-password")).status());
        assertEquals(
                401, api.get(SETTINGS, Api.basic("nobody", "whatever-password")).status());
        assertEquals(401, api.get(SETTINGS, "Bearer not-a-token").status());
        assertEquals(401, api.get(SETTINGS, "Basic !!!notbase64").status());
        assertEquals(401, api.get(SETTINGS, "Digest abc").status());
    }

    @Test
    void nonAdminsAreRefusedWith403OnEveryAdminEndpoint() {
        String user = Admins.newUser(api).auth();
        for (String path :
                new String[] {SETTINGS, "api/v1/users", "api/4.0/smtp_status", "api/v1/smtp/status", "api/v1/audit"}) {
            var reply = api.get(path, user);
            assertEquals(403, reply.status(), path + ": " + reply);
            assertEquals("Only admins may do this.", reply.json().getString("message"));
        }
        assertEquals(403, api.put(SETTINGS, user, "{\"default_smtp\": true}").status());
        assertEquals(
                403,
                api.post("api/v1/users/me/api_credentials", user, null, null).status());
        assertEquals(403, api.postJson("api/4.0/smtp_settings", user, "{}").status());
    }

    // --- settings ---

    @Test
    void getShowsTheSettingsWithAnEtagAndNoSecretValues() {
        var reply = api.get(SETTINGS, Api.admin());
        assertEquals(200, reply.status());
        JsonObject body = reply.json();
        assertEquals("\"" + body.getJsonNumber("version").longValue() + "\"", reply.header("ETag"));
        for (String field : new String[] {
            "default_smtp",
            "address",
            "port",
            "from",
            "user_name",
            "password_set",
            "tls_mode",
            "tls_version",
            "trusted_ca_pem",
            "auth_type",
            "auth_mechanism",
            "client_id",
            "client_secret_set",
            "token_endpoint",
            "scopes",
            "max_mails_per_minute",
            "version",
            "updated_at",
            "updated_by"
        }) {
            assertTrue(body.containsKey(field), field);
        }
        assertFalse(body.containsKey("password"));
        assertFalse(body.containsKey("client_secret"));
    }

    @Test
    void putStoresTheSettingsAndNeverReturnsThePassword() {
        String password = "pw-" + suffix();
        var reply = api.put(SETTINGS, Api.admin(), """
                {"default_smtp": false, "address": "127.0.0.1", "port": 1,
                 "from": "Reports <reports@example.com>", "tls_mode": "starttls", "tls_version": "TLSv1_2",
                 "auth_type": "basic", "auth_mechanism": "login", "user_name": "reports@example.com",
                 "password": "%s"}""".formatted(password));
        assertEquals(200, reply.status(), reply.toString());
        assertFalse(reply.body().contains(password));
        JsonObject saved = api.get(SETTINGS, Api.admin()).json();
        assertFalse(saved.getBoolean("default_smtp"));
        assertEquals("127.0.0.1", saved.getString("address"));
        assertEquals("Reports <reports@example.com>", saved.getString("from"));
        assertEquals("login", saved.getString("auth_mechanism"));
        assertTrue(saved.getBoolean("password_set"));
        assertEquals("admin", saved.getString("updated_by"));
        assertNotNull(saved.getString("updated_at"));
        assertEquals(reply.json(), saved);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndStoresNothing() {
        JsonObject before = api.get(SETTINGS, Api.admin()).json();
        long version = before.getJsonNumber("version").longValue();
        var stale = api.put(SETTINGS, Api.admin(), "{\"default_smtp\": true}", "If-Match", "\"" + (version - 1) + "\"");
        assertEquals(412, stale.status(), stale.toString());
        assertTrue(stale.json().getString("message").contains("changed by someone else"));
        assertEquals(before, api.get(SETTINGS, Api.admin()).json());

        var current = api.put(SETTINGS, Api.admin(), "{\"scopes\": null}", "If-Match", "\"" + version + "\"");
        assertEquals(200, current.status(), current.toString());
        assertEquals("\"" + (version + 1) + "\"", current.header("ETag"));
        assertEquals(
                412,
                api.put(SETTINGS, Api.admin(), "{}", "If-Match", "\"" + version + "\"")
                        .status());
    }

    @Test
    void aVersionInTheBodyIsReadOnlyNotAPrecondition() {
        JsonObject before = api.get(SETTINGS, Api.admin()).json();
        long version = before.getJsonNumber("version").longValue();
        var reply = api.put(SETTINGS, Api.admin(), "{\"scopes\": null, \"version\": " + (version - 1) + "}");
        assertEquals(200, reply.status(), reply.toString());
        assertEquals(version + 1, reply.json().getJsonNumber("version").longValue());
    }

    @Test
    void concurrentUnconditionalSavesAllSucceedAndTheLastWriterWins() throws Exception {
        long start =
                api.get(SETTINGS, Api.admin()).json().getJsonNumber("version").longValue();
        int saves = 60;
        List<JsonObject> bodies = new ArrayList<>();
        for (int i = 0; i < saves; i++) {
            bodies.add(Api.Reply.parse("""
                    {"default_smtp": false, "address": "127.0.0.%d", "port": %d, "from": "Racer %d <r%d@example.com>",
                     "tls_mode": "none", "tls_version": "TLSv1_2", "auth_type": "none", "auth_mechanism": "auto",
                     "trusted_ca_pem": null, "user_name": null, "client_id": null, "token_endpoint": null,
                     "scopes": null}""".formatted(i % 200 + 2, 20000 + i, i, i)));
        }
        var pool = Executors.newFixedThreadPool(saves);
        try {
            var go = new CountDownLatch(1);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < saves; i++) {
                JsonObject body = bodies.get(i);
                replies.add(pool.submit(() -> {
                    go.await();
                    return api.put(SETTINGS, Api.admin(), body.toString());
                }));
            }
            go.countDown();
            Set<Long> versions = new HashSet<>();
            for (var reply : replies) {
                var r = reply.get(120, TimeUnit.SECONDS);
                assertEquals(200, r.status(), r.toString());
                versions.add(r.json().getJsonNumber("version").longValue());
            }
            Set<Long> expected =
                    LongStream.rangeClosed(start + 1, start + saves).boxed().collect(Collectors.toSet());
            assertEquals(expected, versions, "every save its own version, one step each");
        } finally {
            pool.shutdownNow();
        }
        JsonObject stored = api.get(SETTINGS, Api.admin()).json();
        assertEquals(start + saves, stored.getJsonNumber("version").longValue());
        assertTrue(
                bodies.stream()
                        .anyMatch(body -> body.keySet().stream()
                                .allMatch(field -> body.get(field).equals(stored.get(field)))),
                "the stored settings are exactly one of the bodies sent: " + stored);

        // the peer's API 4.0 has no preconditions at all: its saves take turns the same way
        var legacy = new ArrayList<Future<Api.Reply>>();
        var legacyPool = Executors.newFixedThreadPool(20);
        try {
            for (int i = 0; i < 20; i++) {
                int n = i;
                legacy.add(legacyPool.submit(() -> api.postJson(
                        "api/4.0/smtp_settings",
                        Api.admin(),
                        "{\"address\": \"127.0.1.%d\", \"port\": %d, \"from\": \"legacy%d@example.com\"}"
                                .formatted(n + 2, 21000 + n, n))));
            }
            for (var reply : legacy) {
                var r = reply.get(120, TimeUnit.SECONDS);
                assertEquals(204, r.status(), r.toString());
            }
        } finally {
            legacyPool.shutdownNow();
        }
        assertEquals(
                start + saves + 20,
                api.get(SETTINGS, Api.admin()).json().getJsonNumber("version").longValue());
    }

    @Test
    void invalidInputIsRefusedWith422NamingTheFieldAndStoresNothing() {
        customBasicSettings();
        JsonObject before = api.get(SETTINGS, Api.admin()).json();
        String huge = "a".repeat(300);
        String[][] cases = {
            {"{\"port\": \"587\"}", "port"},
            {"{\"port\": 587.5}", "port"},
            {"{\"port\": 1e20}", "port"},
            {"{\"port\": 0}", "port"},
            {"{\"port\": 65536}", "port"},
            {"{\"default_smtp\": \"yes\"}", "default_smtp"},
            {"{\"default_smtp\": null}", "default_smtp"},
            {"{\"address\": 42}", "address"},
            {"{\"address\": \"\"}", "address"},
            {"{\"address\": \"smtp://mail.example.com\"}", "address"},
            {"{\"address\": \"mail.example.com:25\"}", "address"},
            {"{\"address\": \"mail.example.com\\r\\nRCPT TO:<x@y.z>\"}", "address"},
            {"{\"address\": \"" + huge + ".com\"}", "address"},
            {"{\"from\": \"Reports <reports@example.com>\\r\\nBcc: x@y.z\"}", "from"},
            {"{\"from\": \"Report$ <reports@example.com>\"}", "from"},
            {"{\"from\": \"not an address\"}", "from"},
            {"{\"from\": \"\"}", "from"},
            {"{\"user_name\": \"a\\nb\"}", "user_name"},
            {"{\"user_name\": \"" + "u".repeat(400) + "\"}", "user_name"},
            {"{\"password\": \"ab\\r\\ncd\"}", "password"},
            {"{\"password\": \"********\"}", "password"},
            {"{\"tls_mode\": \"ssl\"}", "tls_mode"},
            {"{\"tls_mode\": null}", "tls_mode"},
            {"{\"tls_version\": \"TLSv1_1\"}", "tls_version"},
            {"{\"tls_version\": \"TLSv9\"}", "tls_version"},
            {"{\"auth_type\": \"kerberos\"}", "auth_type"},
            {"{\"auth_mechanism\": \"cram-md5\"}", "auth_mechanism"},
            {"{\"trusted_ca_pem\": \"not a certificate\"}", "trusted_ca_pem"},
            {"{\"trusted_ca_pem\": \"-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----\"}", "trusted_ca_pem"
            },
            {
                "{\"auth_type\": \"oauth\", \"oauth_client_auth\": \"client_secret\","
                        + " \"client_id\": null, \"client_secret\": \"s\", \"token_endpoint\":"
                        + " \"https://login.example.com/t\", \"scopes\": \"x\"}",
                "client_id"
            },
            {
                "{\"auth_type\": \"oauth\", \"oauth_client_auth\": \"client_secret\","
                        + " \"client_id\": \"c\", \"client_secret\": \"s\", \"token_endpoint\":"
                        + " \"ftp://login.example.com/t\", \"scopes\": \"x\"}",
                "token_endpoint"
            },
            {
                "{\"auth_type\": \"oauth\", \"oauth_client_auth\": \"client_secret\","
                        + " \"client_id\": \"c\", \"client_secret\": \"s\", \"token_endpoint\":"
                        + " \"https://login.example.com/t\", \"scopes\": \"a\\\"b\"}",
                "scopes"
            },
            {"{\"passwrd\": \"typo\"}", "passwrd"},
            {"{\"max_mails_per_minute\": 0}", "max_mails_per_minute"},
            {"{\"max_mails_per_minute\": -30}", "max_mails_per_minute"},
            {"{\"max_mails_per_minute\": 100001}", "max_mails_per_minute"},
            {"{\"max_mails_per_minute\": 1e12}", "max_mails_per_minute"},
            {"{\"max_mails_per_minute\": \"30\"}", "max_mails_per_minute"},
            {"{\"max_mails_per_minute\": 2.5}", "max_mails_per_minute"},
        };
        for (String[] c : cases) {
            var reply = api.put(SETTINGS, Api.admin(), c[0]);
            assertEquals(422, reply.status(), c[0] + " → " + reply);
            assertNotNull(reply.fieldError(c[1]), c[0] + " should name " + c[1] + ": " + reply);
            reply.json()
                    .getJsonArray("errors")
                    .forEach(e -> assertEquals(
                            Set.of("field", "message"),
                            e.asJsonObject().keySet(),
                            "the error shape of docs/api.md, nothing more"));
        }
        assertEquals(before, api.get(SETTINGS, Api.admin()).json(), "nothing may be stored by a refused save");
    }

    @Test
    void malformedOrOversizedBodiesAreRefusedWith4xx() {
        JsonObject before = api.get(SETTINGS, Api.admin()).json();
        assertEquals(400, api.put(SETTINGS, Api.admin(), "{\"port\":").status());
        assertEquals(400, api.put(SETTINGS, Api.admin(), "[1, 2]").status());
        assertEquals(400, api.put(SETTINGS, Api.admin(), "").status());
        var huge = api.put(
                SETTINGS, Api.admin(), "{\"scopes\": \"" + "x".repeat(1_100_000) + "\"}", "Expect", "100-continue");
        assertEquals(413, huge.status());
        var wrongType = api.post("api/4.0/smtp_settings", Api.admin(), "text/plain", "address=x");
        assertEquals(415, wrongType.status());
        assertEquals(before, api.get(SETTINGS, Api.admin()).json());
    }

    /**
     * A 30 MB chunked body (no Content-Length) to the open 4.0 login: refused with 413 after about the path's limit
     * (1 MiB), not read whole before the 401. A chunked body within the limit is served as usual.
     */
    @Test
    void chunkedBodiesAreCappedWhateverTheirEncoding() throws Exception {
        byte[] a = "a".repeat(65536).getBytes(StandardCharsets.US_ASCII);
        var huge = chunked("api/4.0/login", null, "application/x-www-form-urlencoded", a, 30 * 1024 * 1024);
        assertTrue(huge.statusLine().startsWith("HTTP/1.1 413"), huge.toString());
        assertTrue(huge.response().contains("\"message\""), "the error shape: " + huge);
        assertTrue(huge.response().contains("X-Frame-Options: DENY"), "security headers: " + huge);
        assertTrue(huge.sentBeforeAnswer() < 12 * 1024 * 1024, "the server answered early: " + huge);

        byte[] form = "client_id=nobody&client_secret=x".getBytes(StandardCharsets.US_ASCII);
        var small = chunked("api/4.0/login", null, "application/x-www-form-urlencoded", form, form.length);
        assertTrue(small.statusLine().startsWith("HTTP/1.1 401"), "read and judged as usual: " + small);
        byte[] mail = """
                {"to": ["chunked@example.com"], "subject": "Chunked", "text": "Hi", "category": "admin_notification"}""".getBytes(StandardCharsets.UTF_8);
        var queued = chunked("api/v1/mail", Api.admin(), "application/json", mail, mail.length);
        assertTrue(queued.statusLine().startsWith("HTTP/1.1 202"), "a whole JSON body, replayed: " + queued);
    }

    /** @param sentBeforeAnswer how many body bytes the client had sent when the answer's first byte came */
    private record Chunked(String statusLine, String response, long sentBeforeAnswer) {}

    /**
     * Sends {@code size} bytes, {@code chunk} over and over, one chunk at a time over a raw socket, while reading the
     * answer; notes how much was sent when the answer began (a server may drain the rest of a refused body without
     * keeping it, so what counts is that it answered early).
     */
    private Chunked chunked(String path, String authorization, String contentType, byte[] chunk, int size)
            throws Exception {
        var reader = Executors.newSingleThreadExecutor();
        try (var socket = new Socket("127.0.0.1", deployed.getPort())) {
            socket.setSoTimeout(60_000);
            var out = socket.getOutputStream();
            String head = "POST " + URI.create(api.base()).getPath() + path
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n"
                    + "Content-Type: " + contentType + "\r\nConnection: close\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            var sent = new AtomicLong();
            var sentBeforeAnswer = new AtomicLong(-1);
            var answer = reader.submit(() -> {
                var in = socket.getInputStream();
                int first = in.read();
                sentBeforeAnswer.set(sent.get());
                return first < 0 ? "" : (char) first + new String(in.readAllBytes(), StandardCharsets.UTF_8);
            });
            try {
                while (sent.get() < size && !answer.isDone()) {
                    int n = (int) Math.min(chunk.length, size - sent.get());
                    out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk, 0, n);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent.addAndGet(n);
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException closedByServer) {
                // the server answered and closed the connection while we were still sending
            }
            String response = answer.get(60, TimeUnit.SECONDS);
            return new Chunked(response.lines().findFirst().orElse(""), response, sentBeforeAnswer.get());
        } finally {
            reader.shutdownNow();
        }
    }

    @Test
    void changingServerOrPortRequiresThePasswordAgain() {
        customBasicSettings();
        var noPassword = api.put(SETTINGS, Api.admin(), "{\"address\": \"127.0.0.2\"}");
        assertEquals(422, noPassword.status());
        assertTrue(noPassword.fieldError("password").contains("enter the password again"), noPassword.toString());
        assertEquals(422, api.put(SETTINGS, Api.admin(), "{\"port\": 2}").status());
        assertEquals(
                422,
                api.put(SETTINGS, Api.admin(), "{\"tls_mode\": \"implicit\"}").status());
        assertEquals(
                422,
                api.put(SETTINGS, Api.admin(), "{\"user_name\": \"other@example.com\"}")
                        .status());
        // the same destination spelled differently is not a change
        assertEquals(
                200,
                api.put(SETTINGS, Api.admin(), "{\"address\": \"LocalHost\", \"port\": 1}")
                        .status());
        var withPassword =
                api.put(SETTINGS, Api.admin(), "{\"address\": \"127.0.0.2\", \"password\": \"new-secret-1\"}");
        assertEquals(200, withPassword.status(), withPassword.toString());
        assertTrue(withPassword.json().getBoolean("password_set"));
    }

    @Test
    void changingTokenUrlOrClientIdRequiresTheClientSecretAgain() {
        var oauth = api.put(SETTINGS, Api.admin(), """
                {"default_smtp": false, "address": "127.0.0.1", "port": 1, "tls_mode": "starttls",
                 "from": "reports@example.com", "auth_type": "oauth",
                 "oauth_client_auth": "client_secret", "user_name": "reports@example.com",
                 "client_id": "client-1", "client_secret": "secret-1",
                 "token_endpoint": "https://127.0.0.1:1/tenant/oauth2/v2.0/token",
                 "scopes": "https://outlook.office365.com/.default"}""");
        assertEquals(200, oauth.status(), oauth.toString());
        assertTrue(oauth.json().getBoolean("client_secret_set"));
        var newClient = api.put(SETTINGS, Api.admin(), "{\"client_id\": \"client-2\"}");
        assertEquals(422, newClient.status());
        assertNotNull(newClient.fieldError("client_secret"));
        var newUrl = api.put(SETTINGS, Api.admin(), "{\"token_endpoint\": \"https://127.0.0.2:1/token\"}");
        assertEquals(422, newUrl.status());
        assertEquals(
                200,
                api.put(
                                SETTINGS,
                                Api.admin(),
                                "{\"scopes\": \"https://outlook.office365.com/.default offline_access\"}")
                        .status());
    }

    // --- users and API credentials ---

    @Test
    void adminsListAndAddUsersWithoutSeeingPasswords() {
        String name = "carol" + suffix();
        var created = api.postJson("api/v1/users", Api.admin(), Admins.userJson(name, true));
        assertEquals(201, created.status(), created.toString());
        assertTrue(created.header("Location")
                .endsWith("/api/v1/users/" + created.json().getJsonNumber("id")));
        assertFalse(created.body().contains("password"));
        var list = api.get("api/v1/users", Api.admin());
        assertTrue(list.body().contains(name));
        assertFalse(list.body().contains("password"));
        assertEquals(200, api.get(SETTINGS, Api.basic(name, Admins.PASSWORD)).status(), "a new admin can sign in");

        var duplicate = api.postJson("api/v1/users", Api.admin(), Admins.userJson(name, false));
        assertEquals(409, duplicate.status());
        assertNotNull(duplicate.fieldError("username"));
        var invalid = api.postJson(
                "api/v1/users",
                Api.admin(),
                "{\"username\": \"bad name\", \"email\": \"x\\r\\n@y\", \"password\": \"short\", \"admin\": \"yes\"}");
        assertEquals(422, invalid.status());
        assertNotNull(invalid.fieldError("admin"));
        var invalidValues = api.postJson(
                "api/v1/users",
                Api.admin(),
                "{\"username\": \"bad name\", \"email\": \"x\\r\\n@y\", \"password\": \"short\"}");
        assertEquals(422, invalidValues.status());
        assertNotNull(invalidValues.fieldError("username"));
        assertNotNull(invalidValues.fieldError("email"));
        assertNotNull(invalidValues.fieldError("password"));
        assertFalse(api.get("api/v1/users", Api.admin()).body().contains("bad name"));
    }

    @Test
    void adminsShowChangeAndRemoveUsersAndARemovedUsersCredentialsStopWorkingAtOnce() {
        Admins.Account user = Admins.newUser(api);
        long id = Admins.idOf(api, user.name());
        String path = "api/v1/users/" + id;

        var shown = api.get(path, Api.admin());
        assertEquals(200, shown.status(), shown.toString());
        assertEquals(user.name(), shown.json().getString("username"));
        assertEquals(user.email(), shown.json().getString("email"));
        assertFalse(shown.json().getBoolean("admin"));
        assertEquals(Set.of("id", "username", "email", "admin"), shown.json().keySet());

        var changed = api.patch(path, Api.admin(), "{\"email\": \"new-" + user.email() + "\"}");
        assertEquals(200, changed.status(), changed.toString());
        assertEquals("new-" + user.email(), changed.json().getString("email"));
        assertEquals("new-" + user.email(), api.get(path, Api.admin()).json().getString("email"));
        assertFalse(changed.json().getBoolean("admin"), "what is not given stays");

        assertEquals(403, api.get(SETTINGS, user.auth()).status());
        Admins.setAdmin(api, Api.admin(), id, true);
        assertEquals(200, api.get(SETTINGS, user.auth()).status(), "an admin at once");
        Admins.setAdmin(api, Api.admin(), id, false);
        assertEquals(403, api.get(SETTINGS, user.auth()).status(), "no longer an admin at once");
        Admins.setAdmin(api, Api.admin(), id, true);

        String newPassword = "a-new-password-2";
        var reset = api.patch(path, Api.admin(), "{\"password\": \"" + newPassword + "\"}");
        assertEquals(200, reset.status(), reset.toString());
        assertFalse(reset.body().contains(newPassword));
        assertEquals(401, api.get(SETTINGS, user.auth()).status(), "the old password, though verified a moment ago");
        String auth = Api.basic(user.name(), newPassword);
        assertEquals(200, api.get(SETTINGS, auth).status());

        var issued = api.postJson(CREDENTIALS, auth, "{\"scope\": \"admin\"}");
        assertEquals(201, issued.status(), issued.toString());
        String form = "client_id=" + issued.json().getString("client_id") + "&client_secret="
                + issued.json().getString("client_secret");
        var login = api.post("api/4.0/login", null, "application/x-www-form-urlencoded", form);
        assertEquals(200, login.status(), login.toString());
        String bearer = "Bearer " + login.json().getString("access_token");
        assertEquals(200, api.get(SETTINGS, bearer).status());

        var removed = api.delete(path, Api.admin());
        assertEquals(204, removed.status(), removed.toString());
        assertEquals("", removed.body());
        assertEquals(401, api.get(SETTINGS, auth).status(), "the password");
        assertEquals(401, api.get(SETTINGS, bearer).status(), "the bearer token");
        assertEquals(
                401,
                api.post("api/4.0/login", null, "application/x-www-form-urlencoded", form)
                        .status(),
                "the API credentials");
        assertFalse(api.get("api/v1/users", Api.admin()).body().contains(user.name()));
        for (var gone : List.of(
                api.get(path, Api.admin()),
                api.patch(path, Api.admin(), "{\"admin\": true}"),
                api.delete(path, Api.admin()))) {
            assertEquals(404, gone.status(), gone.toString());
            assertTrue(gone.json().getString("message").contains("No user with the id " + id), gone.toString());
        }
    }

    @Test
    void wrongChangesAreRefusedNamingTheFieldAndChangeNothing() {
        Admins.Account user = Admins.newUser(api);
        long id = Admins.idOf(api, user.name());
        String path = "api/v1/users/" + id;
        JsonObject before = api.get(path, Api.admin()).json();

        var rename = api.patch(path, Api.admin(), "{\"username\": \"renamed\", \"email\": \"x@example.com\"}");
        assertEquals(422, rename.status(), rename.toString());
        assertTrue(rename.fieldError("username").contains("cannot be changed"), rename.toString());

        var wrong = api.patch(
                path,
                Api.admin(),
                "{\"email\": \"x\\r\\n@y\", \"password\": \"short\", \"admin\": \"yes\", \"role\": \"admin\"}");
        assertEquals(422, wrong.status(), wrong.toString());
        assertEquals("Must be true or false.", wrong.fieldError("admin"));
        assertEquals("Unknown field.", wrong.fieldError("role"));
        var values = api.patch(path, Api.admin(), "{\"email\": \"x\\r\\n@y\", \"password\": \"short\"}");
        assertEquals(422, values.status(), values.toString());
        assertNotNull(values.fieldError("email"));
        assertTrue(values.fieldError("password").contains("at least 10"), values.toString());

        String huge = "a".repeat(100_000);
        for (String body : List.of(
                "{\"admin\": null}",
                "{\"admin\": 1}",
                "{\"email\": \"\"}",
                "{\"email\": 42}",
                "{\"email\": \"" + huge + "@example.com\"}",
                "{\"email\": \"Bob <bob@example.com>\"}",
                "{\"password\": \"" + huge + "\"}",
                "{\"password\": \"long-enough\\npassword\"}")) {
            var refused = api.patch(path, Api.admin(), body);
            assertEquals(422, refused.status(), refused.toString());
            assertEquals(1, refused.json().getJsonArray("errors").size(), refused.toString());
            assertFalse(refused.body().contains(huge), "a huge value is not echoed");
        }
        for (String body : List.of("", "not json", "[]", "{\"email\": ")) {
            assertEquals(400, api.patch(path, Api.admin(), body).status(), body);
        }
        assertEquals(
                415,
                api.patch(path, Api.admin(), "text/plain", "{\"admin\": true}").status());
        for (String unknown : List.of("999999999", "abc", "-1", "1.5", "99999999999999999999999")) {
            var missing = api.patch("api/v1/users/" + unknown, Api.admin(), "{\"admin\": true}");
            assertEquals(404, missing.status(), unknown + ": " + missing);
            assertEquals(404, api.get("api/v1/users/" + unknown, Api.admin()).status(), unknown);
            assertEquals(404, api.delete("api/v1/users/" + unknown, Api.admin()).status(), unknown);
        }
        assertEquals(403, api.patch(path, user.auth(), "{\"admin\": true}").status(), "a user makes no admin");
        assertEquals(403, api.delete(path, user.auth()).status());
        assertEquals(403, api.get(path, user.auth()).status());
        assertEquals(401, api.delete(path, null).status());

        assertEquals(before, api.get(path, Api.admin()).json(), "nothing changed");
        assertEquals(403, api.get(SETTINGS, user.auth()).status(), "the password is the old one, no admin");
        assertEquals(200, api.patch(path, Api.admin(), "{}").status(), "an empty change changes nothing");
        assertEquals(before, api.get(path, Api.admin()).json());
    }

    @Test
    void theLastAdminCanBeNeitherDemotedNorRemovedAlsoWhenTwoAdminsActOnEachOtherAtOnce() throws Exception {
        Admins.Account a = Admins.newAdmin(api);
        Admins.Account b = Admins.newAdmin(api);
        long idA = Admins.idOf(api, a.name());
        long idB = Admins.idOf(api, b.name());
        Admins.withOnlyAdmins(api, List.of(a, b), () -> {
            for (int round = 0; round < 10; round++) {
                api.get(SETTINGS, a.auth()); // both logins verified and remembered: the two requests start together
                api.get(SETTINGS, b.auth());
                List<Api.Reply> replies = atOnce(
                        () -> api.patch("api/v1/users/" + idB, a.auth(), "{\"admin\": false}"),
                        () -> api.patch("api/v1/users/" + idA, b.auth(), "{\"admin\": false}"));
                // the one that comes second is refused: 409 when it got past sign-in while the first was still at
                // work (it then waits for the first's locks and sees its change), 403 when it signed in afterwards
                List<Integer> statuses =
                        replies.stream().map(Api.Reply::status).sorted().toList();
                assertTrue(
                        statuses.equals(List.of(200, 409)) || statuses.equals(List.of(200, 403)),
                        "round " + round + ": " + replies);
                List<String> admins = Admins.adminNames(api, replies.get(0).status() == 200 ? a.auth() : b.auth());
                assertEquals(1, admins.size(), "exactly one admin is left: " + admins);
                replies.stream()
                        .filter(r -> r.status() == 409)
                        .forEach(refused -> assertTrue(
                                refused.json().getString("message").contains("is the last administrator"),
                                refused.toString()));

                Admins.Account last = admins.get(0).equals(a.name()) ? a : b;
                long lastId = last == a ? idA : idB;
                var demoteSelf = api.patch("api/v1/users/" + lastId, last.auth(), "{\"admin\": false}");
                assertEquals(409, demoteSelf.status(), demoteSelf.toString());
                assertEquals(
                        last.name() + " is the last administrator and must stay one: make another user an"
                                + " administrator first.",
                        demoteSelf.json().getString("message"));
                var removeSelf = api.delete("api/v1/users/" + lastId, last.auth());
                assertEquals(409, removeSelf.status(), removeSelf.toString());
                assertTrue(removeSelf.json().getString("message").contains("cannot be removed"), removeSelf.toString());
                assertEquals(List.of(last.name()), Admins.adminNames(api, last.auth()));

                Admins.setAdmin(api, last.auth(), last == a ? idB : idA, true);
            }

            api.get(SETTINGS, a.auth());
            api.get(SETTINGS, b.auth());
            List<Api.Reply> removals = atOnce(
                    () -> api.delete("api/v1/users/" + idB, a.auth()),
                    () -> api.delete("api/v1/users/" + idA, b.auth()));
            assertEquals(1, removals.stream().filter(r -> r.status() == 204).count(), removals.toString());
            assertTrue(
                    removals.stream().allMatch(r -> List.of(204, 401, 403, 409).contains(r.status())),
                    removals.toString());
            Admins.Account survivor = removals.get(0).status() == 204 ? a : b;
            assertEquals(List.of(survivor.name()), Admins.adminNames(api, survivor.auth()), removals.toString());
        });
    }

    /** Sends both requests at the same moment, each from a thread of its own, credentials verified beforehand. */
    @SafeVarargs
    private List<Api.Reply> atOnce(Callable<Api.Reply>... requests) {
        var pool = Executors.newFixedThreadPool(requests.length);
        try {
            var go = new CountDownLatch(1);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (var request : requests) {
                replies.add(pool.submit(() -> {
                    go.await();
                    return request.call();
                }));
            }
            go.countDown();
            List<Api.Reply> result = new ArrayList<>();
            for (var reply : replies) {
                result.add(reply.get(60, TimeUnit.SECONDS));
            }
            return result;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void apiCredentialsAreExchangedForABearerTokenAtTheLegacyLogin() {
        var issued = api.postJson(CREDENTIALS, Api.admin(), "{\"scope\": \"admin\"}");
        assertEquals(201, issued.status(), issued.toString());
        String clientId = issued.json().getString("client_id");
        String secret = issued.json().getString("client_secret");

        var login = api.post(
                "api/4.0/login",
                null,
                "application/x-www-form-urlencoded",
                "client_id=" + clientId + "&client_secret=" + secret);
        assertEquals(200, login.status(), login.toString());
        assertEquals("Bearer", login.json().getString("token_type"));
        assertTrue(login.json().getJsonNumber("expires_in").longValue() > 0);
        String token = login.json().getString("access_token");
        assertEquals(200, api.get(SETTINGS, "Bearer " + token).status());
        assertEquals(200, api.get(SETTINGS, "token " + token).status());

        var wrong = api.post(
                "api/4.0/login",
                null,
                "application/x-www-form-urlencoded",
                "client_id=" + clientId + "&client_secret=wrong");
        assertEquals(401, wrong.status());
        assertFalse(wrong.body().contains(secret));
        assertEquals(
                415,
                api.postJson("api/4.0/login", null, "{\"client_id\": \"" + clientId + "\"}")
                        .status());
    }

    // --- scoped, expiring and revocable API credentials (issue 14 item 2) ---

    @Test
    void credentialsSendMailByDefaultTakeAScopeExpiryAndDescriptionAndAreListedWithoutSecrets() {
        Admins.Account admin = Admins.newAdmin(api);
        var plain = api.post(CREDENTIALS, admin.auth(), null, null);
        assertEquals(201, plain.status(), plain.toString());
        assertEquals("no-store", plain.header("Cache-Control"));
        String expiry = Instant.now()
                .plus(Duration.ofDays(30))
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        var scoped = api.postJson(CREDENTIALS, admin.auth(), """
                {"scope": "admin", "expires_at": "%s", "description": "nightly reports"}""".formatted(expiry));
        assertEquals(201, scoped.status(), scoped.toString());
        assertEquals(Set.of("client_id", "client_secret"), scoped.json().keySet());

        var listed = api.get(CREDENTIALS, admin.auth());
        assertEquals(200, listed.status(), listed.toString());
        assertFalse(listed.body().contains(plain.json().getString("client_secret")), listed.body());
        assertFalse(listed.body().contains(scoped.json().getString("client_secret")), listed.body());
        assertFalse(listed.body().contains("secret"), listed.body());
        List<JsonObject> all = listed.array().getValuesAs(JsonObject.class);
        assertEquals(2, all.size(), listed.body());
        JsonObject first = all.get(0);
        assertEquals(plain.json().getString("client_id"), first.getString("client_id"));
        assertEquals("send_mail", first.getString("scope"), "the default scope");
        assertTrue(first.isNull("expires_at"));
        assertTrue(first.isNull("last_used_at"));
        assertTrue(first.isNull("description"));
        assertFalse(first.getString("created_at").isEmpty());
        JsonObject second = all.get(1);
        assertEquals("admin", second.getString("scope"));
        assertEquals(
                Instant.parse(expiry),
                OffsetDateTime.parse(second.getString("expires_at")).toInstant());
        assertEquals("nightly reports", second.getString("description"));
        assertEquals(
                Set.of("client_id", "scope", "created_at", "expires_at", "last_used_at", "description"),
                second.keySet());

        tokenOf(scoped.json());
        var used = api.get(CREDENTIALS, admin.auth()).array().getJsonObject(1);
        assertFalse(used.isNull("last_used_at"), "the login is noted: " + used);
        var byId = api.get("api/v1/users/" + Admins.idOf(api, admin.name()) + "/api_credentials", Api.admin());
        assertEquals(200, byId.status(), byId.toString());
        assertEquals(listed.array().size(), byId.array().size());
    }

    @Test
    void wrongCredentialRequestsAreRefusedWith422NamingTheFieldAndStoreNothing() {
        Admins.Account admin = Admins.newAdmin(api);
        String past = Instant.now().minus(Duration.ofMinutes(1)).toString();
        var cases = new String[][] {
            {"{\"scope\": \"root\"}", "scope"},
            {"{\"scope\": 7}", "scope"},
            {"{\"expires_at\": \"" + past + "\"}", "expires_at"},
            {"{\"expires_at\": \"tomorrow\"}", "expires_at"},
            {"{\"expires_at\": \"2099-01-01\"}", "expires_at"},
            {"{\"description\": \"" + "x".repeat(201) + "\"}", "description"},
            {"{\"description\": \"one\\r\\nX-Injected: two\"}", "description"},
            {"{\"scopes\": \"admin\"}", "scopes"},
        };
        for (String[] c : cases) {
            var reply = api.postJson(CREDENTIALS, admin.auth(), c[0]);
            assertEquals(422, reply.status(), c[0] + ": " + reply);
            assertNotNull(reply.fieldError(c[1]), c[0] + ": " + reply);
            assertFalse(reply.body().contains("client_secret"), reply.toString());
        }
        var both = api.postJson(CREDENTIALS, admin.auth(), "{\"scope\": \"root\", \"expires_at\": \"" + past + "\"}");
        assertEquals(422, both.status(), both.toString());
        assertEquals("Must be one of send_mail, admin.", both.fieldError("scope"));
        assertEquals("Expiry must be in the future.", both.fieldError("expires_at"));
        assertEquals("[]", api.get(CREDENTIALS, admin.auth()).body(), "nothing stored");
    }

    @Test
    void aSendMailTokenMayOnlyQueueMailAndReadTheMailsItQueued() {
        Admins.Account admin = Admins.newAdmin(api);
        var sender = api.post(CREDENTIALS, admin.auth(), null, null).json();
        String token = tokenOf(sender);

        String own = Admins.queue(api, token, Admins.mail("reader@example.com", "Report " + suffix()));
        var read = api.get(Admins.MAIL + "/" + own, token);
        assertEquals(200, read.status(), read.toString());
        assertEquals(own, read.json().getString("id"));
        String others = Admins.queue(api, Api.admin(), Admins.mail("reader@example.com", "Other " + suffix()));
        var foreign = api.get(Admins.MAIL + "/" + others, token);
        assertEquals(404, foreign.status(), "a mail it did not queue is not there for it: " + foreign);
        assertEquals(200, api.get(Admins.MAIL + "/" + own, Api.admin()).status(), "admins read every mail");

        long id = Admins.idOf(api, admin.name());
        var refused = List.of(
                api.get(SETTINGS, token),
                api.put(SETTINGS, token, "{\"default_smtp\": true}"),
                api.postJson("api/v1/smtp/test", token, "{}"),
                api.get("api/v1/smtp/status", token),
                api.get("api/v1/users", token),
                api.postJson("api/v1/users", token, Admins.userJson("sneaky-" + suffix(), true)),
                api.patch("api/v1/users/" + id, token, "{\"admin\": true}"),
                api.delete("api/v1/users/" + id + "/lockout", token),
                api.post(CREDENTIALS, token, null, null),
                api.postJson(CREDENTIALS, token, "{\"scope\": \"admin\"}"),
                api.get(CREDENTIALS, token),
                api.delete(CREDENTIALS + "/" + sender.getString("client_id"), token),
                api.get(Admins.MAIL, token),
                api.get(Admins.MAIL + "/counts", token),
                api.get(BATCH, token),
                api.post(Admins.MAIL + "/" + own + "/resend", token, null, null),
                api.delete(Admins.MAIL + "/" + own, token),
                api.get("api/v1/audit", token),
                api.get("api/4.0/smtp_status", token),
                api.postJson("api/4.0/smtp_settings", token, "{}"));
        for (var reply : refused) {
            assertEquals(403, reply.status(), reply.toString());
            assertTrue(
                    reply.json().getString("message").startsWith("This credential has the scope send_mail"),
                    reply.toString());
        }
        assertFalse(api.get("api/v1/users", Api.admin()).body().contains("sneaky-"), "no user was added");
        assertEquals(1, api.get(CREDENTIALS, admin.auth()).array().size(), "no credential was added");

        String adminToken = tokenOf(api.postJson(CREDENTIALS, admin.auth(), "{\"scope\": \"admin\"}")
                .json());
        assertEquals(200, api.get(SETTINGS, adminToken).status());
        Admins.queue(api, adminToken, Admins.mail("reader@example.com", "By an admin token"));
        assertEquals(200, api.get(Admins.MAIL + "/" + others, adminToken).status(), "an admin token reads every mail");
        var minted = api.postJson(CREDENTIALS, adminToken, "{\"scope\": \"admin\"}");
        assertEquals(201, minted.status(), "an admin token of an admin issues admin credentials: " + minted);

        Admins.setAdmin(api, Api.admin(), id, false);
        assertEquals(403, api.get(SETTINGS, adminToken).status(), "a demoted user's admin token is an admin no more");
        assertEquals(
                403,
                api.postJson(Admins.MAIL, token, Admins.mail("reader@example.com", "x"))
                        .status());
        assertEquals(403, api.postJson(CREDENTIALS, adminToken, "{}").status());
        Admins.setAdmin(api, Api.admin(), id, true);
        assertEquals(200, api.get(SETTINGS, adminToken).status());
    }

    @Test
    void revokingACredentialEndsItAndEveryTokenFromItAtOnce() {
        Admins.Account admin = Admins.newAdmin(api);
        var first = api.postJson(CREDENTIALS, admin.auth(), "{\"scope\": \"admin\"}")
                .json();
        var second = api.postJson(CREDENTIALS, admin.auth(), "{\"scope\": \"admin\"}")
                .json();
        String token1 = tokenOf(first);
        String token1b = tokenOf(first);
        String token2 = tokenOf(second);
        assertEquals(200, api.get(SETTINGS, token1).status());

        var revoked = api.delete(CREDENTIALS + "/" + first.getString("client_id"), admin.auth());
        assertEquals(204, revoked.status(), revoked.toString());
        assertEquals(401, api.get(SETTINGS, token1).status(), "the token that worked a moment ago");
        assertEquals(401, api.get(SETTINGS, token1b).status(), "every token of the credential");
        assertEquals(401, login(first).status(), "the credential itself");
        assertEquals(200, api.get(SETTINGS, token2).status(), "another credential's token stays");
        assertFalse(api.get(CREDENTIALS, admin.auth()).body().contains(first.getString("client_id")));
        assertEquals(
                404,
                api.delete(CREDENTIALS + "/" + first.getString("client_id"), admin.auth())
                        .status());

        // an admin revokes another user's credential; nobody revokes it through their own /me
        long id = Admins.idOf(api, admin.name());
        String path = "api/v1/users/" + id + "/api_credentials/" + second.getString("client_id");
        var notMine = api.delete(CREDENTIALS + "/" + second.getString("client_id"), Api.admin());
        assertEquals(404, notMine.status(), notMine.toString());
        assertEquals(200, api.get(SETTINGS, token2).status());
        var listed = api.get("api/v1/users/" + id + "/api_credentials", Api.admin());
        assertTrue(listed.body().contains(second.getString("client_id")), listed.toString());
        assertEquals(204, api.delete(path, Api.admin()).status());
        assertEquals(401, api.get(SETTINGS, token2).status());
        assertEquals(
                "[]",
                api.get("api/v1/users/" + id + "/api_credentials", Api.admin()).body());
        assertEquals(404, api.delete(path, Api.admin()).status());
        assertEquals(
                404,
                api.get("api/v1/users/999999999/api_credentials", Api.admin()).status());
    }

    @Test
    void anExpiredCredentialCannotLogInAndItsTokensEndWithIt() {
        String wrongSecret = api.post(
                        "api/4.0/login",
                        null,
                        "application/x-www-form-urlencoded",
                        "client_id=unknown-" + suffix() + "&client_secret=wrong",
                        "X-Forwarded-For",
                        "198.51.100.255")
                .json()
                .getString("message");
        Instant expiry = Instant.now().plusSeconds(4);
        var issued = api.postJson(CREDENTIALS, Api.admin(), """
                {"scope": "admin", "expires_at": "%s"}""".formatted(expiry));
        assertEquals(201, issued.status(), issued.toString());
        var login = login(issued.json());
        assertEquals(200, login.status(), login.toString());
        assertTrue(login.json().getJsonNumber("expires_in").longValue() <= 4, "capped by the expiry: " + login);
        String token = "Bearer " + login.json().getString("access_token");
        assertEquals(200, api.get(SETTINGS, token).status());

        var refused = Await.until(
                Duration.ofSeconds(20), () -> login(issued.json()), r -> r.status() != 200, r -> "still " + r);
        assertEquals(401, refused.status(), refused.toString());
        assertEquals(wrongSecret, refused.json().getString("message"), "as for a wrong secret");
        assertEquals(401, api.get(SETTINGS, token).status(), "its token ends with it");
    }

    /**
     * The 4.0 login with issued credentials, from an address of its own (a documentation range through the trusted
     * proxy): the refusals these tests expect must not count against loopback, from which every other test logs in.
     */
    private Api.Reply login(JsonObject issued) {
        return api.post(
                "api/4.0/login",
                null,
                "application/x-www-form-urlencoded",
                "client_id=" + issued.getString("client_id") + "&client_secret=" + issued.getString("client_secret"),
                "X-Forwarded-For",
                strangerAddress());
    }

    /**
     * An address of the documentation range that no other test draws (2^48 of them): an address locked by one test
     * (for 15 minutes, in the database the test classes share) must not be drawn again by another.
     */
    private static String strangerAddress() {
        Random random = new Random();
        return "2001:db8:%x:%x:%x::1"
                .formatted(random.nextInt(0x10000), random.nextInt(0x10000), random.nextInt(0x10000));
    }

    /** Exchanges issued credentials for a bearer token: the Authorization header. */
    private String tokenOf(JsonObject issued) {
        var login = login(issued);
        assertEquals(200, login.status(), login.toString());
        return "Bearer " + login.json().getString("access_token");
    }

    // --- mail batches ---

    /** Settings that send through {@code server}, a relay on loopback made with {@link #RELAY_USER}. */
    private void relayTo(SubethaServer server) {
        Admins.saveSettings(api, Api.admin(), """
                {"default_smtp": false, "address": "127.0.0.1", "port": %d, "tls_mode": "none",
                 "from": "Mailroom IT <it@example.com>", "auth_type": "basic", "auth_mechanism": "auto",
                 "user_name": "%s", "password": "%s", "trusted_ca_pem": null,
                 "client_id": null, "token_endpoint": null, "scopes": null}""".formatted(server.port(), RELAY_USER, RELAY_PASSWORD));
    }

    /** Waits until {@code n} mails whose subjects start with {@code run + " #"} have reached {@code server}. */
    private static List<SubethaServer.Delivery> arrivals(SubethaServer server, String run, int n) {
        return Await.until(
                Duration.ofSeconds(60),
                () -> server.deliveries.stream()
                        .filter(d -> DeliveryIT.subject(d).startsWith(run + " #"))
                        .toList(),
                found -> found.size() >= n,
                found -> "only " + found.size() + " of " + n + " mails arrived");
    }

    static final String RELAY_USER = "relay@example.com";
    static final String RELAY_PASSWORD = "relay-password-1";

    static final String BATCH = "api/v1/mail/batch";

    /**
     * A send_mail token queues three mails in one request: 202 with their ids in the order sent, each readable by
     * that token (the credential is kept as their sender) and by no other credential's, and all of them arrive at a
     * real SMTP server on loopback. An admin's name and password may send a batch too.
     */
    @Test
    void aBatchIsQueuedInOneRequestWithItsIdsInOrderAndEveryMailArrives() throws Exception {
        Admins.Account admin = Admins.newAdmin(api);
        String token = tokenOf(api.post(CREDENTIALS, admin.auth(), null, null).json());
        String other = tokenOf(api.post(CREDENTIALS, admin.auth(), null, null).json());
        String run = "batch " + suffix();
        try (var server = SubethaServer.plain(0, RELAY_USER, RELAY_PASSWORD)) {
            relayTo(server);
            String body = """
                    {"messages": [
                      {"to": "first@example.com", "subject": "%1$s #0", "text": "One", "category": "new_user"},
                      {"to": ["Second <second@example.com>"], "cc": ["cc@example.com"], "subject": "%1$s #1",
                       "text": "Two", "html": "<p>Two</p>", "category": "admin_notification"},
                      {"to": "third@example.com", "subject": "%1$s #2", "text": "Three", "category": "content_delivery",
                       "attachments": [{"filename": "a.txt", "content_type": "text/plain", "content_base64": "aGk="}]}
                    ]}""".formatted(run);
            var reply = api.postJson(BATCH, token, body);
            assertEquals(202, reply.status(), reply.toString());
            assertEquals("queued", reply.json().getString("status"));
            List<String> ids = reply.json().getJsonArray("ids").getValuesAs(JsonString::getString);
            assertEquals(3, ids.size(), reply.toString());
            assertEquals(3, new HashSet<>(ids).size(), "three mails");
            for (int i = 0; i < 3; i++) {
                var mail = api.get(Admins.MAIL + "/" + ids.get(i), token);
                assertEquals(200, mail.status(), "the token that queued it reads it: " + mail);
                assertEquals(run + " #" + i, mail.json().getString("subject"), "the ids in the order sent");
                assertEquals(404, api.get(Admins.MAIL + "/" + ids.get(i), other).status(), "not another's");
            }
            var byAdmin = api.postJson(
                    BATCH, Api.admin(), "{\"messages\": [" + Admins.mail("fourth@example.com", run + " #3") + "]}");
            assertEquals(202, byAdmin.status(), byAdmin.toString());

            var arrived = arrivals(server, run, 4);
            assertEquals(
                    Set.of(run + " #0", run + " #1", run + " #2", run + " #3"),
                    arrived.stream().map(DeliveryIT::subject).collect(Collectors.toSet()));
            var second = arrived.stream()
                    .filter(d -> DeliveryIT.subject(d).equals(run + " #1"))
                    .findFirst()
                    .orElseThrow();
            String data = new String(second.data(), StandardCharsets.UTF_8);
            assertTrue(data.contains("Cc: cc@example.com"), data);
            assertTrue(data.contains("multipart/alternative"), data);
            for (String id : ids) {
                Admins.awaitMail(api, token, id, m -> "sent".equals(m.getString("status")));
            }
        }
    }

    /**
     * Every wrong mail of a batch is named by its index and field, all of them in one answer, and nothing of the
     * batch is stored — not the good mails before or after a wrong one either; the outbox holds as many mails after
     * all these requests as before.
     */
    @Test
    void wrongBatchesAreRefusedNamingEachMailsFieldAndStoreNothing() {
        long before = total();
        String good = Admins.mail("good@example.com", "Good " + suffix());

        var injected = api.postJson(BATCH, Api.admin(), """
                {"messages": [%1$s,
                  {"to": ["a@example.com\\r\\nBcc: victim@example.com"], "subject": "x", "text": "y",
                   "category": "new_user"},
                  %1$s,
                  {"to": "a@example.com", "subject": "Hello\\r\\nBcc: victim@example.com", "text": "y",
                   "category": "new_user",
                   "attachments": [{"filename": "a.txt\\nContent-Type: text/html", "content_base64": "aGk="}]},
                  {"to": [], "subject": "no one", "text": "y", "category": "new_user"}
                ]}""".formatted(good));
        assertEquals(422, injected.status(), injected.toString());
        assertEquals(
                List.of(
                        "messages[1].to",
                        "messages[3].subject",
                        "messages[3].attachments[0].filename",
                        "messages[4].to"),
                errorFields(injected));
        assertEquals("The input has 4 errors.", injected.json().getString("message"));

        var shapes = api.postJson(BATCH, Api.admin(), """
                {"messages": [%1$s,
                  {"to": 5, "subject": "x", "text": "y", "category": "spam", "colour": "red"},
                  "a mail", null,
                  {"to": "a@example.com", "subject": "x", "text": "y", "category": "new_user",
                   "attachments": [{"filename": "a", "content_base64": "not base64!"}]}
                ]}""".formatted(good));
        assertEquals(422, shapes.status(), shapes.toString());
        assertEquals(
                List.of(
                        "messages[1].colour",
                        "messages[1].category",
                        "messages[1].to",
                        "messages[2]",
                        "messages[3]",
                        "messages[4].attachments[0].content_base64"),
                errorFields(shapes));
        assertEquals("Unknown field.", shapes.fieldError("messages[1].colour"));

        String tooMany = "{\"messages\": [" + String.join(", ", Collections.nCopies(1001, good)) + "]}";
        for (var wrong :
                List.of("{}", "{\"messages\": []}", "{\"messages\": null}", "{\"messages\": " + good + "}", tooMany)) {
            var reply = api.postJson(BATCH, Api.admin(), wrong);
            assertEquals(422, reply.status(), reply.toString());
            assertEquals(List.of("messages"), errorFields(reply), reply.toString());
        }
        assertTrue(
                api.postJson(BATCH, Api.admin(), tooMany)
                        .fieldError("messages")
                        .startsWith("At most 1000 mails per request"),
                "the documented maximum");
        var unknown = api.postJson(BATCH, Api.admin(), "{\"messages\": [" + good + "], \"mesages\": []}");
        assertEquals(List.of("mesages"), errorFields(unknown), unknown.toString());

        assertEquals(400, api.postJson(BATCH, Api.admin(), "[" + good + "]").status(), "an array is not the body");
        assertEquals(400, api.postJson(BATCH, Api.admin(), "{\"messages\": [").status());
        assertEquals(400, api.postJson(BATCH, Api.admin(), "").status());
        assertEquals(
                415,
                api.post(BATCH, Api.admin(), "text/plain", "{\"messages\": [" + good + "]}")
                        .status());
        assertEquals(
                401, api.postJson(BATCH, null, "{\"messages\": [" + good + "]}").status());
        assertEquals(
                403,
                api.postJson(BATCH, Admins.newUser(api).auth(), "{\"messages\": [" + good + "]}")
                        .status(),
                "not an admin");
        assertEquals(before, total(), "nothing was stored");
    }

    /**
     * A batch has the single mail's body limit (about 34.3 MiB), not the 1 MiB of other bodies: 2 MB of mails are
     * queued, with a length and chunked, and all 40 arrive whole; a declared length above the limit is refused before
     * the body is sent. (Waiting for them also leaves no mail behind for the next test class on this database.)
     */
    @Test
    void aBatchMayBeAsLargeAsTheLargestMailAndNoLarger() throws Exception {
        String text = "x".repeat(100_000);
        String run = "Big " + suffix();
        String mails = IntStream.range(0, 20)
                .mapToObj(i -> "{\"to\": \"big@example.com\", \"subject\": \"" + run + " #" + i + "\", \"text\": \""
                        + text + "\", \"category\": \"content_delivery\"}")
                .collect(Collectors.joining(", "));
        String body = "{\"messages\": [" + mails + "]}";
        try (var server = SubethaServer.plain(0, RELAY_USER, RELAY_PASSWORD)) {
            relayTo(server);
            var sized = api.postJson(BATCH, Api.admin(), body);
            assertEquals(
                    202,
                    sized.status(),
                    sized.toString().substring(0, Math.min(300, sized.toString().length())));
            assertEquals(20, sized.json().getJsonArray("ids").size());
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            var chunkedBatch = chunked(BATCH, Api.admin(), "application/json", bytes, bytes.length);
            assertTrue(chunkedBatch.statusLine().startsWith("HTTP/1.1 202"), chunkedBatch.statusLine());

            var arrived = arrivals(server, run, 40);
            assertTrue(
                    arrived.stream().allMatch(d -> d.data().length > text.length()),
                    "each with its 100,000 characters");
        }

        long before = total();
        var huge = api.post(
                BATCH,
                Api.admin(),
                "application/json",
                "{\"messages\": [{\"text\": \"" + "x".repeat(36_001_117) + "\"}]}",
                "Expect",
                "100-continue");
        assertEquals(413, huge.status(), huge.toString());
        assertTrue(huge.json().getString("message").contains("35157 KiB"), huge.toString());
        assertEquals(before, total());
    }

    private long total() {
        return api.get(Admins.MAIL + "/counts", Api.admin()).json().values().stream()
                .mapToLong(v -> ((JsonNumber) v).longValue())
                .sum();
    }

    private static List<String> errorFields(Api.Reply reply) {
        return reply.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
    }

    // --- API 4.0 ---

    @Test
    void legacySmtpSettingsMapOntoTheSameSettings() {
        var saved = api.postJson("api/4.0/smtp_settings", Api.admin(), """
                {"default_smtp": false, "address": "127.0.0.3", "port": 465, "from": "legacy@example.com",
                 "user_name": "legacy@example.com", "password": "legacy-password", "enable_starttls_auto": false,
                 "ssl_version": "SSLv23"}""");
        assertEquals(204, saved.status(), saved.toString());
        JsonObject settings = api.get(SETTINGS, Api.admin()).json();
        assertEquals("implicit", settings.getString("tls_mode"));
        assertEquals("TLSv1_2_OR_NEWER", settings.getString("tls_version"));
        assertEquals("basic", settings.getString("auth_type"));
        assertTrue(settings.getBoolean("password_set"));

        var old = api.postJson("api/4.0/smtp_settings", Api.admin(), "{\"ssl_version\": \"TLSv1_1\"}");
        assertEquals(422, old.status());
        assertTrue(old.fieldError("ssl_version").contains("TLS 1.1"), old.toString());
        var moved = api.postJson("api/4.0/smtp_settings", Api.admin(), "{\"address\": \"127.0.0.4\"}");
        assertEquals(422, moved.status());
        assertNotNull(moved.fieldError("password"));
        assertEquals(settings, api.get(SETTINGS, Api.admin()).json());
    }

    // --- the machine-readable description ---

    @Test
    void openApiDescribesTheMailBodyItsAnswerAndTheErrorShape() throws Exception {
        // the document is the server's, at its root
        var reply = new Api(new URL(deployed, "/")).get("openapi", null, "Accept", "application/json");
        assertEquals(200, reply.status(), reply.toString());
        JsonObject doc = reply.json();
        assertEquals("Mailroom", doc.getJsonObject("info").getString("title"));
        assertEquals("1", doc.getJsonObject("info").getString("version"));
        JsonObject schemes = doc.getJsonObject("components").getJsonObject("securitySchemes");
        assertEquals("basic", schemes.getJsonObject("basic").getString("scheme"));
        assertEquals("bearer", schemes.getJsonObject("bearer").getString("scheme"));

        JsonObject queue =
                doc.getJsonObject("paths").getJsonObject("/api/v1/mail").getJsonObject("post");
        JsonObject mail = schema(doc, queue.getJsonObject("requestBody"));
        JsonObject fields = mail.getJsonObject("properties");
        assertEquals(Set.of("to", "cc", "bcc", "subject", "text", "html", "category", "attachments"), fields.keySet());
        for (String addresses : List.of("to", "cc", "bcc")) {
            assertEquals("array", fields.getJsonObject(addresses).getString("type"), addresses);
            assertEquals("string", items(fields.getJsonObject(addresses)).getString("type"), addresses);
        }
        for (String text : List.of("subject", "text", "html")) {
            assertEquals("string", fields.getJsonObject(text).getString("type"), text);
        }
        assertEquals(Set.of("subject", "category"), names(mail.getJsonArray("required")));
        assertEquals(
                List.of("new_user", "password_reset", "admin_notification", "content_delivery"),
                strings(resolve(doc, fields.getJsonObject("category")).getJsonArray("enum")));
        JsonObject attachment = resolve(doc, items(fields.getJsonObject("attachments")));
        assertEquals(
                Set.of("filename", "content_type", "content_base64"),
                attachment.getJsonObject("properties").keySet());
        assertEquals(Set.of("filename", "content_base64"), names(attachment.getJsonArray("required")));
        JsonObject content = attachment.getJsonObject("properties").getJsonObject("content_base64");
        assertEquals("string", content.getString("type"));
        assertEquals("byte", content.getString("format"));

        JsonObject responses = queue.getJsonObject("responses");
        JsonObject queued = schema(doc, responses.getJsonObject("202"));
        assertEquals(Set.of("id", "status"), queued.getJsonObject("properties").keySet());
        assertTrue(strings(resolve(doc, queued.getJsonObject("properties").getJsonObject("status"))
                        .getJsonArray("enum"))
                .contains("queued"));
        for (String refused : List.of("422", "4XX")) {
            JsonObject error = schema(doc, responses.getJsonObject(refused));
            assertEquals(
                    Set.of("message", "errors"),
                    error.getJsonObject("properties").keySet(),
                    refused);
            JsonObject field =
                    resolve(doc, items(error.getJsonObject("properties").getJsonObject("errors")));
            assertEquals(
                    Set.of("field", "message"),
                    field.getJsonObject("properties").keySet(),
                    refused);
        }

        JsonObject batch =
                doc.getJsonObject("paths").getJsonObject("/api/v1/mail/batch").getJsonObject("post");
        JsonObject messages = schema(doc, batch.getJsonObject("requestBody"));
        assertEquals(Set.of("messages"), messages.getJsonObject("properties").keySet());
        assertEquals(Set.of("messages"), names(messages.getJsonArray("required")));
        assertEquals(
                fields.keySet(),
                resolve(doc, items(messages.getJsonObject("properties").getJsonObject("messages")))
                        .getJsonObject("properties")
                        .keySet(),
                "each message is the single mail's body");
        JsonObject batchQueued = schema(doc, batch.getJsonObject("responses").getJsonObject("202"));
        assertEquals(
                Set.of("ids", "status"), batchQueued.getJsonObject("properties").keySet());
        assertEquals(
                "string",
                items(batchQueued.getJsonObject("properties").getJsonObject("ids"))
                        .getString("type"));
        assertNotNull(batch.getJsonObject("responses").getJsonObject("422"));
        assertNotNull(batch.getJsonObject("responses").getJsonObject("413"));
    }

    /** The schema of a request body or an answer as JSON. */
    private static JsonObject schema(JsonObject doc, JsonObject bodyOrAnswer) {
        var json = bodyOrAnswer.getJsonObject("content").getJsonObject("application/json");
        assertNotNull(json, "no JSON content in " + bodyOrAnswer);
        return resolve(doc, json.getJsonObject("schema"));
    }

    private static JsonObject items(JsonObject array) {
        assertEquals("array", array.getString("type"), array.toString());
        return array.getJsonObject("items");
    }

    private static JsonObject resolve(JsonObject doc, JsonObject schema) {
        if (!schema.containsKey("$ref")) {
            return schema;
        }
        String name = schema.getString("$ref").substring("#/components/schemas/".length());
        JsonObject named =
                doc.getJsonObject("components").getJsonObject("schemas").getJsonObject(name);
        assertNotNull(named, "no schema " + name);
        return named;
    }

    private static List<String> strings(JsonArray array) {
        assertNotNull(array);
        return array.getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static Set<String> names(JsonArray array) {
        return Set.copyOf(strings(array));
    }

    // --- audit trail ---

    /**
     * An admin of its own saves settings with a password, tests them, adds a user, issues API credentials and logs in
     * with them at 4.0, each from an address of its own (X-Forwarded-For through the trusted loopback proxy); someone
     * guesses the new user's password, and a name is locked out. The trail lists each with actor, kind, client and
     * node, names the changed fields — and none of the secrets appears anywhere in it.
     */
    @Test
    void theAuditTrailSaysWhoDidWhatFromWhereAndHoldsNoSecret() {
        var admin = Admins.newAdmin(api);
        String auth = admin.auth();
        String smtpPassword = "Audit-Pw-" + UUID.randomUUID();
        String sender = "audit-" + suffix() + "@example.com";
        var saved =
                api.put(SETTINGS, auth, """
                {"default_smtp": false, "address": "127.0.0.1", "port": 1, "from": "%s",
                 "tls_mode": "starttls", "auth_type": "basic", "user_name": "%s", "password": "%s"}
                """.formatted(sender, sender, smtpPassword), "X-Forwarded-For", "198.18.0.1");
        assertEquals(200, saved.status(), saved.toString());
        var refused = api.put(SETTINGS, auth, "{\"port\": 0}", "X-Forwarded-For", "198.18.0.1");
        assertEquals(422, refused.status(), "a refused save leaves no entry: " + refused);
        var tested = api.post("api/v1/smtp/test", auth, null, null, "X-Forwarded-For", "198.18.0.2");
        assertEquals(200, tested.status(), tested.toString());
        String user = "audited-" + suffix();
        String userPassword = "Audit-User-Pw-" + UUID.randomUUID();
        var created = api.post(
                "api/v1/users",
                auth,
                "application/json",
                "{\"username\": \"%s\", \"email\": \"%s@example.com\", \"password\": \"%s\"}"
                        .formatted(user, user, userPassword),
                "X-Forwarded-For",
                "198.18.0.3");
        assertEquals(201, created.status(), created.toString());
        var issued = api.post(
                "api/v1/users/me/api_credentials",
                auth,
                "application/json",
                "{\"scope\": \"admin\"}",
                "X-Forwarded-For",
                "198.18.0.4");
        String clientId = issued.json().getString("client_id");
        String clientSecret = issued.json().getString("client_secret");
        var login = api.post(
                "api/4.0/login",
                null,
                "application/x-www-form-urlencoded",
                "client_id=" + clientId + "&client_secret=" + clientSecret,
                "X-Forwarded-For",
                "198.18.0.5");
        String token = login.json().getString("access_token");
        assertEquals(200, api.get(SETTINGS, "Bearer " + token).status());
        String wrongPassword = "Wrong-Guess-" + UUID.randomUUID();
        assertEquals(
                401,
                api.get(SETTINGS, Api.basic(user, wrongPassword), "X-Forwarded-For", "198.18.0.6")
                        .status());
        String locked = "locked-" + suffix();
        lockOut(locked);

        List<JsonObject> mine = audit("actor=" + admin.name());
        assertEquals(
                List.of(
                        "login_succeeded",
                        "credential_created",
                        "user_created",
                        "settings_tested",
                        "settings_saved",
                        "login_succeeded"),
                kinds(mine),
                "newest first; one Basic login though the admin called five times, none for the bearer token: " + mine);
        JsonObject basic = mine.get(5);
        assertEquals("basic", basic.getString("detail"));
        assertEquals("198.18.0.1", basic.getString("client"), "the first call logged in");
        JsonObject save = only(mine, "settings_saved");
        assertEquals("198.18.0.1", save.getString("client"));
        assertFalse(save.getString("node").isBlank(), save.toString());
        assertTrue(
                save.getString("detail").matches("version \\d+, changed: (.*, )?from, user_name, (.*, )?password"),
                "the changed fields by name: " + save);
        assertTrue(only(mine, "settings_tested").getString("detail").contains("127.0.0.1:1"), mine.toString());
        assertEquals("198.18.0.2", only(mine, "settings_tested").getString("client"));
        assertEquals(user + " (user)", only(mine, "user_created").getString("detail"));
        assertEquals("198.18.0.3", only(mine, "user_created").getString("client"));
        assertTrue(only(mine, "credential_created").getString("detail").contains(clientId), mine.toString());
        assertEquals("198.18.0.4", only(mine, "credential_created").getString("client"));
        JsonObject legacy = mine.get(0);
        assertTrue(legacy.getString("detail").contains("api 4.0 login, client_id " + clientId), legacy.toString());
        assertEquals("198.18.0.5", legacy.getString("client"));
        JsonObject failed = only(audit("actor=" + user), "login_failed");
        assertEquals("basic", failed.getString("detail"));
        assertEquals("198.18.0.6", failed.getString("client"));
        List<JsonObject> lock = audit("actor=" + locked + "&kind=login_locked");
        assertFalse(lock.isEmpty(), "the lockout refusals are recorded");
        assertTrue(lock.get(0).getString("client").startsWith("203.0.113."), lock.toString());

        StringBuilder everything = new StringBuilder();
        for (int offset = 0; ; offset += 100) {
            var page = api.get("api/v1/audit?limit=100&offset=" + offset, Api.admin());
            assertEquals(200, page.status(), page.toString());
            everything.append(page.body());
            if (page.array().size() < 100) {
                break;
            }
        }
        for (String secret : List.of(smtpPassword, userPassword, clientSecret, token, wrongPassword)) {
            assertFalse(everything.toString().contains(secret), "a secret in the audit trail");
        }
        assertFalse(everything.toString().contains(Api.ADMIN_PASSWORD));
    }

    @Test
    void wrongAuditQueriesAreRefusedNamingTheParameter() {
        for (String[] wrong : new String[][] {
            {"kind=password_stolen", "kind"},
            {"since=yesterday", "since"},
            {"since=2026-12-03T14:00", "since"},
            {"offset=-1", "offset"},
            {"limit=101", "limit"},
            {"limit=0", "limit"},
            {"limit=ten", "limit"}
        }) {
            var reply = api.get("api/v1/audit?" + wrong[0], Api.admin());
            assertEquals(422, reply.status(), wrong[0] + ": " + reply);
            assertNotNull(reply.fieldError(wrong[1]), reply.toString());
        }
        assertEquals(
                200,
                api.get("api/v1/audit?kind=LOGIN_FAILED&since=2026-01-01T00:00:00%2B01:00&limit=100", Api.admin())
                        .status());
    }

    private List<JsonObject> audit(String query) {
        var reply = api.get("api/v1/audit?limit=100&" + query, Api.admin());
        assertEquals(200, reply.status(), reply.toString());
        return reply.array().stream().map(JsonObject.class::cast).toList();
    }

    private static List<String> kinds(List<JsonObject> entries) {
        return entries.stream().map(e -> e.getString("kind")).toList();
    }

    private static JsonObject only(List<JsonObject> entries, String kind) {
        var found =
                entries.stream().filter(e -> e.getString("kind").equals(kind)).toList();
        assertEquals(1, found.size(), kind + " in " + entries);
        return found.get(0);
    }

    // --- secrets at rest ---

    @Test
    void secretsAreNeitherInTheDatabaseFileNorInTheServerLog() throws Exception {
        String marker = "marker-" + suffix();
        String password = "Pw-" + UUID.randomUUID();
        String clientSecret = "Cs-" + UUID.randomUUID();
        var reply = api.put(SETTINGS, Api.admin(), """
                {"default_smtp": false, "address": "127.0.0.1", "port": 1, "from": "a@example.com",
                 "auth_type": "oauth",
                 "oauth_client_auth": "client_secret", "user_name": "a@example.com", "password": "%s",
                 "client_id": "%s",
                 "client_secret": "%s", "token_endpoint": "https://127.0.0.1:1/token", "scopes": "s"}
                 """.formatted(password, marker, clientSecret));
        assertEquals(200, reply.status(), reply.toString());

        String content = DatabaseFile.awaitWritten(marker);
        assertFalse(content.contains(password), "password in clear text in the database file");
        assertFalse(content.contains(clientSecret), "client secret in clear text in the database file");
        String log = ServerLog.text();
        assertTrue(log.contains("Payara Micro"), "the server log is captured");
        assertFalse(log.contains(password), "password in the server log");
        assertFalse(log.contains(clientSecret), "client secret in the server log");
        assertFalse(log.contains(Api.ADMIN_PASSWORD), "configured admin password in the server log");
        // the runtime's bundled trust store holds expired CAs; server-config/post-boot-commands.asadmin quiets them
        assertFalse(log.contains("has expired"), "an expired-certificate dump in the server log");
    }

    private void customBasicSettings() {
        Admins.saveSettings(api, Api.admin(), """
                {"default_smtp": false, "address": "localhost", "port": 1, "tls_mode": "starttls",
                 "from": "Reports <reports@example.com>", "auth_type": "basic", "auth_mechanism": "auto",
                 "user_name": "reports@example.com", "password": "secret-1", "client_id": null,
                 "token_endpoint": null, "scopes": null, "trusted_ca_pem": null}""");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
