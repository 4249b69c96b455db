package com.mailroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.mailroom.it.Admins.Account;
import com.mailroom.testsupport.AssertionTokenServer;
import com.mailroom.testsupport.GoogleKeyFile;
import com.mailroom.testsupport.Loopback;
import com.mailroom.testsupport.ScriptedSmtpServer;
import com.mailroom.testsupport.SubethaServer;
import com.mailroom.testsupport.TestKeys;
import com.mailroom.testsupport.TestPki;
import com.mailroom.testsupport.TokenServer;
import com.mailroom.testsupport.XOAuth2SmtpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Send test email, TLS modes, diagnosis, rate limit and SMTP status (docs/product.md R1–R14) through the real WAR,
 * against real
 * SMTP servers in this JVM on loopback. Each test signs in as an admin of its own, since the rate limit (5 per admin,
 * as shipped) counts every save and test.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SendingIT {

    static final String SETTINGS = "api/v1/smtp/settings";
    static final String TEST = "api/v1/smtp/test";
    static final String USER = "sender@example.com";
    static final String PASSWORD = "Smtp-Pässword-1";

    @ArquillianResource
    URL deployed;

    Api api;
    GreenMail greenMail;

    /** The operator's default relay: a GreenMail started by the test that needs it, on a port fixed now. */
    static final int RELAY_PORT = Loopback.freePort();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.mailroom(
                "mailroom.rate-limit.per-admin=5",
                "mailroom.rate-limit.global=100000",
                "mailroom.default-smtp.host=127.0.0.1",
                "mailroom.default-smtp.port=" + RELAY_PORT,
                "mailroom.default-smtp.tls-mode=none",
                "mailroom.default-smtp.from=Relay <relay@example.com>");
    }

    @BeforeEach
    void start() {
        api = new Api(deployed);
        greenMail = Loopback.greenMail(0, USER, PASSWORD);
    }

    @AfterEach
    void stop() {
        greenMail.stop();
    }

    @Test
    void theTestMailArrivesWithTheRightSenderSubjectAndBody() throws Exception {
        Account admin = Admins.newAdmin(api);
        save(admin, basic(greenMailPort(), "none", PASSWORD));
        var reply = api.post(TEST, admin.auth(), null, null);
        assertEquals(200, reply.status(), reply.toString());
        JsonObject report = reply.json();
        assertTrue(report.getBoolean("success"), reply.toString());
        assertEquals("done", report.getString("stage"));
        assertEquals(admin.email(), report.getString("recipient"));
        assertTrue(report.getJsonNumber("duration_ms").longValue() >= 0);
        assertTrue(report.getJsonArray("transcript").toString().contains("C: AUTH"), reply.toString());
        assertFalse(reply.body().contains(PASSWORD), "the transcript never shows the password");

        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        MimeMessage mail = greenMail.getReceivedMessages()[0];
        assertEquals("Mailroom Mail Test", mail.getSubject());
        assertEquals("Mailroom mail is working!", mail.getContent().toString().strip());
        InternetAddress from = (InternetAddress) mail.getFrom()[0];
        assertEquals("Bücher Team", from.getPersonal());
        assertEquals(USER, from.getAddress());
        assertEquals(admin.email(), mail.getAllRecipients()[0].toString());
    }

    @Test
    void defaultEmailSettingsSendThroughTheOperatorsRelay() {
        Account admin = Admins.newAdmin(api);
        var relay = Loopback.greenMail(RELAY_PORT, "relay-user@example.com", "unused-password");
        try {
            save(admin, "{\"default_smtp\": true}");
            var report = api.post(TEST, admin.auth(), null, null).json();
            assertTrue(report.getBoolean("success"), report.toString());
            assertTrue(relay.waitForIncomingEmail(5000, 1));
            assertEquals(
                    "relay@example.com",
                    ((InternetAddress) relay.getReceivedMessages()[0].getFrom()[0]).getAddress());
            assertEquals(0, greenMail.getReceivedMessages().length, "the custom server is not used");
        } catch (MessagingException e) {
            throw new AssertionError(e);
        } finally {
            relay.stop();
        }
    }

    @Test
    void unsavedValuesAreTestedWithoutBeingSavedAndTheReentryRuleApplies() {
        Account admin = Admins.newAdmin(api);
        save(admin, basic(1, "none", PASSWORD));
        JsonObject before = api.get(SETTINGS, admin.auth()).json();
        String elsewhere = "{\"port\": " + greenMailPort() + "}";
        var withoutPassword = api.postJson(TEST, admin.auth(), elsewhere);
        assertEquals(422, withoutPassword.status(), withoutPassword.toString());
        assertTrue(withoutPassword.fieldError("password").contains("enter the password again"));

        var withPassword = api.postJson(
                TEST, admin.auth(), "{\"port\": " + greenMailPort() + ", \"password\": \"" + PASSWORD + "\"}");
        assertTrue(withPassword.json().getBoolean("success"), withPassword.toString());
        assertEquals(1, greenMail.getReceivedMessages().length);
        assertEquals(before, api.get(SETTINGS, admin.auth()).json(), "a test saves nothing");
    }

    /**
     * This deployment allows only 127.0.0.1, localhost and ::1 (as the tests need): another loopback address, the
     * clouds' metadata address and a token URL on this machine are refused before any connection, with a clear
     * message and the setting that would allow them.
     */
    @Test
    void theMachineItselfTheLinkAndMetadataAreRefusedUnlessTheOperatorAllowsThem() throws Exception {
        Account admin = Admins.newAdmin(api);
        for (String host : List.of("127.0.0.2", "169.254.169.254")) {
            var reply = api.postJson(
                    TEST,
                    admin.auth(),
                    basic(greenMailPort(), "none", PASSWORD)
                            .replace("\"address\": \"127.0.0.1\"", "\"address\": \"" + host + "\""));
            JsonObject report = reply.json();
            assertFalse(report.getBoolean("success"), reply.toString());
            assertEquals("connect", report.getString("stage"), reply.toString());
            assertTrue(
                    report.getString("message").startsWith("Mailroom does not connect to " + host), reply.toString());
            assertTrue(report.getString("hint").contains("mailroom.smtp.allowed-hosts"), reply.toString());
            assertTrue(report.getJsonArray("transcript").isEmpty(), "nothing was said to " + host);
        }
        try (var tokens = new TokenServer("any-secret")) {
            String local = tokens.uri().toString().replace("127.0.0.1", "127.0.0.3");
            var reply = api.postJson(
                    TEST,
                    admin.auth(),
                    oauth(greenMailPort(), tokens, "any-secret")
                            .replace(tokens.uri().toString(), local));
            JsonObject report = reply.json();
            assertEquals("token", report.getString("stage"), reply.toString());
            assertTrue(report.getString("message").contains("does not connect to 127.0.0.3"), reply.toString());
            assertEquals(0, tokens.requests.get(), "the token URL was not called");
        }
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void starttlsIsRequiredAndNeverSilentlyDowngraded() {
        Account admin = Admins.newAdmin(api);
        var reply = api.postJson(TEST, admin.auth(), basic(greenMailPort(), "starttls", PASSWORD));
        JsonObject report = reply.json();
        assertFalse(report.getBoolean("success"), reply.toString());
        assertEquals("tls", report.getString("stage"));
        assertTrue(report.getString("hint").contains("STARTTLS"), reply.toString());
        assertFalse(report.getJsonArray("transcript").toString().contains("C: AUTH"), "no credentials in clear text");
        assertEquals(0, greenMail.getReceivedMessages().length);
    }

    @Test
    void aServerWithAPrivateCaIsRefusedUntilTheCaIsPasted() throws Exception {
        Account admin = Admins.newAdmin(api);
        TestPki pki = TestPki.create("Internal CA " + UUID.randomUUID());
        try (var server = SubethaServer.starttls(pki.issue("127.0.0.1").sslContext(), USER, PASSWORD)) {
            String settings = basic(server.port(), "starttls", PASSWORD);
            var untrusted = api.postJson(TEST, admin.auth(), settings).json();
            assertFalse(untrusted.getBoolean("success"));
            assertEquals("tls", untrusted.getString("stage"));
            assertTrue(untrusted.getString("hint").toLowerCase().contains("ca"), untrusted.toString());

            JsonObject withCa = Json.createObjectBuilder(Api.Reply.parse(settings))
                    .add("trusted_ca_pem", pki.caPem())
                    .build();
            var trusted = api.postJson(TEST, admin.auth(), withCa.toString()).json();
            assertTrue(trusted.getBoolean("success"), trusted.toString());
            assertEquals(1, server.deliveries.size());
        }
    }

    @Test
    void implicitTlsWorksAgainstAnSmtpsServer() throws Exception {
        Account admin = Admins.newAdmin(api);
        TestPki pki = TestPki.create("SMTPS CA " + UUID.randomUUID());
        try (var server = SubethaServer.implicit(pki.issue("127.0.0.1").sslContext(), USER, PASSWORD)) {
            JsonObject settings = Json.createObjectBuilder(Api.Reply.parse(basic(server.port(), "implicit", PASSWORD)))
                    .add("trusted_ca_pem", pki.caPem())
                    .build();
            var report = api.postJson(TEST, admin.auth(), settings.toString()).json();
            assertTrue(report.getBoolean("success"), report.toString());
            assertEquals(1, server.deliveries.size());
        }
    }

    @Test
    void aWrongPasswordFailsAtAuthWithTheServersReply() {
        Account admin = Admins.newAdmin(api);
        var report = api.postJson(TEST, admin.auth(), basic(greenMailPort(), "none", "wrong-password"))
                .json();
        assertFalse(report.getBoolean("success"));
        assertEquals("auth", report.getString("stage"));
        assertEquals(535, report.getInt("smtp_code"), report.toString());
        assertFalse(report.getString("hint").isBlank());
        assertFalse(report.toString().contains("wrong-password"));
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheConfiguredTimeout() throws Exception {
        Account admin = Admins.newAdmin(api);
        try (var silent = ScriptedSmtpServer.silent()) {
            long start = System.nanoTime();
            var report = api.postJson(TEST, admin.auth(), basic(silent.port(), "none", PASSWORD))
                    .json();
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertEquals("timeout", report.getString("stage"), report.toString());
            // arquillian.xml sets the read timeout to 1500 ms
            assertTrue(report.getJsonNumber("duration_ms").longValue() >= 1400, report.toString());
            assertTrue(elapsedMs < 8000, "the request thread was held " + elapsedMs + " ms");
        }
    }

    @Test
    void theSixthSaveOrTestInTheWindowIsRefusedWith429() {
        Account admin = Admins.newAdmin(api);
        save(admin, basic(1, "none", PASSWORD));
        for (int i = 0; i < 4; i++) {
            assertEquals(200, api.post(TEST, admin.auth(), null, null).status());
        }
        var refused = api.post(TEST, admin.auth(), null, null);
        assertEquals(429, refused.status(), refused.toString());
        assertTrue(Long.parseLong(refused.header("Retry-After")) > 0);
        assertTrue(refused.json().getString("message").contains("try again in"));
        assertEquals(429, api.put(SETTINGS, admin.auth(), "{\"scopes\": null}").status(), "saves count too");
        assertEquals(
                200,
                api.post(TEST, Admins.newAdmin(api).auth(), null, null).status(),
                "another admin has a budget of their own");
    }

    @Test
    void racingRequestsDoNotExceedTheLimit() throws Exception {
        Account admin = Admins.newAdmin(api);
        var pool = Executors.newFixedThreadPool(10);
        var go = new CountDownLatch(1);
        var replies = new ArrayList<Future<Integer>>();
        String body = basic(1, "none", PASSWORD);
        for (int i = 0; i < 10; i++) {
            replies.add(pool.submit(() -> {
                go.await();
                return api.postJson(TEST, admin.auth(), body).status();
            }));
        }
        go.countDown();
        int ok = 0;
        int limited = 0;
        for (var reply : replies) {
            int status = reply.get();
            ok += status == 200 ? 1 : 0;
            limited += status == 429 ? 1 : 0;
        }
        pool.shutdown();
        assertEquals(5, ok);
        assertEquals(5, limited);
    }

    @Test
    void theStatusTurnsInvalidAfterAFailingSaveAndValidAfterAFixForEveryAdmin() throws Exception {
        Account first = Admins.newAdmin(api);
        Account second = Admins.newAdmin(api);
        var savedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        save(first, basic(1, "none", PASSWORD));
        JsonObject invalid = awaitStatus(
                second,
                s -> !s.getBoolean("is_valid")
                        && s.getJsonArray("node_status")
                                .getJsonObject(0)
                                .getString("message")
                                .contains("connect")
                        && !Instant.parse(s.getJsonArray("node_status")
                                        .getJsonObject(0)
                                        .getString("checked_at"))
                                .isBefore(savedAt));
        assertEquals("custom", invalid.getString("mode"));
        assertEquals(1, invalid.getInt("node_count"));
        JsonObject node = invalid.getJsonArray("node_status").getJsonObject(0);
        assertFalse(node.getString("hostname").isBlank());
        assertFalse(node.getString("checked_at").isBlank());
        var legacy = api.get("api/4.0/smtp_status", second.auth()).json();
        assertFalse(legacy.getBoolean("is_valid"));
        assertEquals(
                node.getString("message"),
                legacy.getJsonArray("node_status").getJsonObject(0).getString("message"));
        // MicroProfile Health is served at the server's root, not under the application's context
        Api server = new Api(new URL("http://127.0.0.1:" + deployed.getPort() + "/"));
        var health = server.get("health/ready", null);
        assertEquals(503, health.status(), health.toString());
        assertTrue(health.body().contains("smtp"));
        for (String detail : List.of(node.getString("hostname"), node.getString("message"), "127.0.0.1", "port")) {
            assertFalse(health.body().contains(detail), "anyone may ask for health: no details, " + health);
        }

        save(first, "{\"port\": " + greenMailPort() + ", \"password\": \"" + PASSWORD + "\"}");
        awaitStatus(second, s -> s.getBoolean("is_valid"));
        assertEquals(200, server.get("health/ready", null).status());
        assertEquals(0, greenMail.getReceivedMessages().length, "the background check sends no mail");
    }

    // --- OAuth 2.0 (XOAUTH2) through the server's own MicroProfile REST Client ---

    @Test
    void oauthTestMailsGoThroughWithOneTokenRequestAndARevokedTokenIsReplacedOnce() throws Exception {
        Account admin = Admins.newAdmin(api);
        String secret = "client-secret-" + UUID.randomUUID();
        try (var tokens = new TokenServer(secret);
                var smtp = new XOAuth2SmtpServer(token -> false)) {
            smtp.acceptTokensWhen(token -> token.equals(tokens.current()));
            save(admin, oauth(smtp.port(), tokens, secret));
            for (int i = 0; i < 3; i++) {
                var report = api.post(TEST, admin.auth(), null, null).json();
                assertTrue(report.getBoolean("success"), report.toString());
                assertFalse(report.toString().contains(tokens.current()), "no token in the answer");
            }
            assertEquals(3, smtp.deliveries.size());
            assertEquals(1, tokens.requests.get(), "the background check and three mails share one token");

            revokeCurrent(smtp, tokens);
            var afterRevocation = api.post(TEST, admin.auth(), null, null).json();
            assertTrue(afterRevocation.getBoolean("success"), afterRevocation.toString());
            assertEquals(2, tokens.requests.get(), "one new token after the 535");
            assertEquals(4, smtp.deliveries.size());

            queueAndAwaitDelivery(admin, "Report", smtp, 5);
            assertEquals(5, smtp.deliveries.size(), "the outbox delivers with the cached token too");
            assertEquals(2, tokens.requests.get());

            String log = ServerLog.text();
            assertFalse(log.contains(secret), "client secret in the server log");
            tokens.issued.forEach(token -> assertFalse(log.contains(token), "access token in the server log"));
        }
    }

    @Test
    void aTokenRefusedTheWayGmailRefusesIsReplacedOnceInTheCheckTheTestMailAndADelivery() throws Exception {
        Account admin = Admins.newAdmin(api);
        String secret = "client-secret-" + UUID.randomUUID();
        try (var tokens = new TokenServer(secret);
                var smtp = new XOAuth2SmtpServer(token -> false)) {
            smtp.refuseLikeGmail();
            // the background check after the save gets the first token, which the server refuses (revoked)
            smtp.acceptTokensWhen(token -> tokens.issued.indexOf(token) >= 1 && token.equals(tokens.current()));
            save(admin, oauth(smtp.port(), tokens, secret));
            awaitStatus(admin, s -> s.getBoolean("is_valid") && smtp.accepted.size() == 1);
            assertEquals(2, tokens.requests.get(), "the check replaced the refused token once");
            assertEquals(1, smtp.emptyResponses.get(), "and answered the error challenge as the server expects");

            revokeCurrent(smtp, tokens);
            var report = api.post(TEST, admin.auth(), null, null).json();
            assertTrue(report.getBoolean("success"), report.toString());
            assertEquals(3, tokens.requests.get());
            assertEquals(2, smtp.emptyResponses.get());

            revokeCurrent(smtp, tokens);
            queueAndAwaitDelivery(admin, "Gmail report", smtp, 2);
            assertEquals(2, smtp.deliveries.size(), "the delivery batch went out on the replaced token");
            assertEquals(4, tokens.requests.get());
            assertEquals(3, smtp.emptyResponses.get());

            String log = ServerLog.text();
            tokens.issued.forEach(token -> assertFalse(log.contains(token), "access token in the server log"));
        }
    }

    /** From now on the server refuses the token it accepted last (revoked, or expired earlier than announced). */
    private static void revokeCurrent(XOAuth2SmtpServer smtp, TokenServer tokens) {
        String revoked = tokens.current();
        smtp.acceptTokensWhen(token -> token.equals(tokens.current()) && !token.equals(revoked));
    }

    @Test
    void aWrongClientSecretFailsAtStageTokenWithTheProvidersError() throws Exception {
        Account admin = Admins.newAdmin(api);
        try (var tokens = new TokenServer("the-right-secret");
                var smtp = new XOAuth2SmtpServer(token -> true)) {
            var reply = api.postJson(TEST, admin.auth(), oauth(smtp.port(), tokens, "a-wrong-secret"));
            JsonObject report = reply.json();
            assertFalse(report.getBoolean("success"), reply.toString());
            assertEquals("token", report.getString("stage"));
            assertTrue(report.getString("message").contains("AADSTS7000215"), reply.toString());
            assertTrue(report.getString("hint").contains("client secret"), reply.toString());
            assertFalse(reply.body().contains("a-wrong-secret"));
            assertEquals(0, smtp.authAttempts.get(), "no SMTP login without a token");
        }
    }

    // --- OAuth 2.0 without a client secret (issue 15): a token endpoint that verifies every assertion ---

    @Test
    void aCertificateSendsTheTestMailAndDeliversWithoutAnySecretLeaving() throws Exception {
        Account admin = Admins.newAdmin(api);
        TestKeys app = TestKeys.rsa();
        try {
            try (var tokens = new AssertionTokenServer("cert-app-" + UUID.randomUUID());
                    var smtp = new XOAuth2SmtpServer(token -> false)) {
                tokens.register(app.certificate());
                smtp.acceptLoginsWhen(tokens.validLogins());
                String settings = withCertificate(smtp.port(), tokens, app.certificatePem(), app.pkcs1Pem());
                var saved = api.put(SETTINGS, admin.auth(), settings);
                assertEquals(200, saved.status(), saved.toString());
                JsonObject view = saved.json();
                assertEquals("certificate", view.getString("oauth_client_auth"));
                assertTrue(view.getBoolean("client_certificate_set"));
                assertFalse(view.getBoolean("client_secret_set"));
                assertEquals(app.sha1Hex().toUpperCase(), view.getString("certificate_thumbprint"));
                assertEquals("CN=Mailroom test app", view.getString("certificate_subject"));
                assertEquals(
                        app.certificate()
                                .getNotAfter()
                                .toInstant()
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString(),
                        view.getString("certificate_expires_at"));

                var report = api.post(TEST, admin.auth(), null, null).json();
                assertTrue(report.getBoolean("success"), report.toString());
                queueAndAwaitDelivery(admin, "Certificate report", smtp, 2);
                assertTrue(tokens.received.stream().allMatch(r -> r.accepted()), tokens.received.toString());
                assertEquals(
                        app.x5tS256(),
                        tokens.received.get(0).header().get("x5t#S256"),
                        "the assertion names the certificate");

                String keyBody = app.pkcs1Pem().split("\n")[1];
                String certificateBody = app.certificatePem().split("\n")[1];
                var answer = api.get(SETTINGS, admin.auth()).body();
                assertFalse(answer.contains(keyBody) || answer.contains(certificateBody), "key material in the answer");
                String db = DatabaseFile.awaitWritten(tokens.entraClientId());
                assertFalse(db.contains(keyBody), "the private key in clear text in the database file");
                assertFalse(db.contains(certificateBody), "the certificate in clear text in the database file");
                String log = ServerLog.text();
                assertFalse(log.contains(keyBody), "the private key in the server log");
                tokens.received.forEach(
                        r -> assertFalse(log.contains(r.form().get("client_assertion")), "an assertion"));
                tokens.issued.forEach(t -> assertFalse(log.contains(t.token()), "an access token in the server log"));
            }
        } finally {
            clientSecretAgain(admin);
        }
    }

    @Test
    void anUnregisteredCertificateFailsAtStageTokenWithEntrasCodeAndAHint() throws Exception {
        Account admin = Admins.newAdmin(api);
        TestKeys app = TestKeys.rsa();
        try (var tokens = new AssertionTokenServer();
                var smtp = new XOAuth2SmtpServer(token -> true)) {
            var reply = api.postJson(
                    TEST,
                    admin.auth(),
                    withCertificate(smtp.port(), tokens, app.certificatePem(), app.privateKeyPem()));
            JsonObject report = reply.json();
            assertFalse(report.getBoolean("success"), reply.toString());
            assertEquals("token", report.getString("stage"));
            assertTrue(report.getString("message").contains("AADSTS700027"), reply.toString());
            assertTrue(report.getString("hint").contains("Certificates & secrets"), reply.toString());
            assertEquals(0, smtp.authAttempts.get(), "no SMTP login without a token");
        }
    }

    @Test
    void keyMaterialThatCannotWorkIsRefusedNamedAndNothingIsStored() throws Exception {
        Account admin = Admins.newAdmin(api);
        TestKeys app = TestKeys.rsa();
        var before = api.get(SETTINGS, admin.auth()).json();
        var mismatch = api.put(
                SETTINGS,
                admin.auth(),
                withCertificate(1, null, app.certificatePem(), TestKeys.rsa().privateKeyPem()));
        assertEquals(422, mismatch.status(), mismatch.toString());
        assertEquals(
                "client_private_key",
                mismatch.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        var expired = TestKeys.rsa(
                Instant.now().minus(Duration.ofDays(90)), Instant.now().minus(Duration.ofDays(1)));
        var old = api.put(
                SETTINGS, admin.auth(), withCertificate(1, null, expired.certificatePem(), expired.privateKeyPem()));
        assertEquals(422, old.status(), old.toString());
        assertTrue(old.body().contains("client_certificate") && old.body().contains("expired"), old.toString());
        var person = api.put(SETTINGS, admin.auth(), withServiceAccount(1, GoogleKeyFile.authorizedUserJson()));
        assertEquals(422, person.status(), person.toString());
        assertTrue(person.body().contains("\"service_account_key\"")
                && person.body().contains("authorized_user"));
        assertEquals(
                before.getJsonNumber("version"),
                api.get(SETTINGS, admin.auth()).json().getJsonNumber("version"));
    }

    @Test
    void aServiceAccountSendsAsTheDelegatedMailboxAndMissingDelegationIsNamed() throws Exception {
        Account admin = Admins.newAdmin(api);
        try {
            try (var tokens = new AssertionTokenServer();
                    var smtp = new XOAuth2SmtpServer(token -> false)) {
                GoogleKeyFile key = GoogleKeyFile.create(tokens.googleUri());
                tokens.register(key);
                tokens.delegate(USER);
                smtp.acceptLoginsWhen(tokens.validLogins());
                var saved = api.put(SETTINGS, admin.auth(), withServiceAccount(smtp.port(), key.json()));
                assertEquals(200, saved.status(), saved.toString());
                JsonObject view = saved.json();
                assertEquals(key.clientEmail(), view.getString("client_id"));
                assertEquals(tokens.googleUri().toString(), view.getString("token_endpoint"));
                assertEquals("https://mail.google.com/", view.getString("scopes"));
                assertEquals(key.clientId(), view.getString("service_account_client_id"));
                assertEquals(key.privateKeyId(), view.getString("service_account_key_id"));
                assertTrue(view.getBoolean("service_account_key_set"));

                var report = api.post(TEST, admin.auth(), null, null).json();
                assertTrue(report.getBoolean("success"), report.toString());
                assertEquals(USER, smtp.accepted.get(smtp.accepted.size() - 1).user(), "XOAUTH2 as the mailbox");

                tokens.undelegate(USER);
                // the cached token stays good until it expires; other scopes make the unsaved test ask for a new one
                JsonObject unsaved = api.postJson(
                                TEST, admin.auth(), "{\"scopes\": \"https://mail.google.com/ openid\"}")
                        .json();
                assertFalse(unsaved.getBoolean("success"), unsaved.toString());
                assertEquals("token", unsaved.getString("stage"));
                assertTrue(unsaved.getString("message").contains("unauthorized_client"), unsaved.toString());
                assertTrue(unsaved.getString("hint").contains("Domain-wide delegation"), unsaved.toString());
                String log = ServerLog.text();
                assertFalse(log.contains(key.keys().privateKeyPem().split("\n")[1]), "the key in the server log");
            }
        } finally {
            clientSecretAgain(admin);
        }
    }

    /**
     * The settings' kind of client authentication back to the client secret: later tests (here and on the page, which
     * share the database) save OAuth settings without naming the kind.
     */
    private void clientSecretAgain(Account admin) {
        save(admin, "{\"oauth_client_auth\": \"client_secret\", \"auth_type\": \"none\"}");
    }

    private static String withCertificate(int smtpPort, AssertionTokenServer tokens, String certificate, String key) {
        JsonObjectBuilder json = Json.createObjectBuilder(oauthBase(smtpPort))
                .add("oauth_client_auth", "certificate")
                .add("client_id", tokens == null ? "an-app" : tokens.entraClientId())
                .add(
                        "token_endpoint",
                        tokens == null
                                ? "https://login.example.com/t"
                                : tokens.entraUri().toString())
                .add("scopes", AssertionTokenServer.ENTRA_SCOPE)
                .add("client_certificate", certificate)
                .add("client_private_key", key);
        return json.build().toString();
    }

    private static String withServiceAccount(int smtpPort, String keyJson) {
        return Json.createObjectBuilder(oauthBase(smtpPort))
                .add("oauth_client_auth", "service_account")
                .add("service_account_key", keyJson)
                .add("scopes", JsonValue.NULL)
                .build()
                .toString();
    }

    private static JsonObject oauthBase(int smtpPort) {
        return Json.createObjectBuilder()
                .add("default_smtp", false)
                .add("address", "127.0.0.1")
                .add("port", smtpPort)
                .add("tls_mode", "none")
                .add("from", "Reports <" + USER + ">")
                .add("auth_type", "oauth")
                .add("user_name", USER)
                .add("trusted_ca_pem", JsonValue.NULL)
                .build();
    }

    private static String oauth(int smtpPort, TokenServer tokens, String secret) {
        return """
                {"default_smtp": false, "address": "127.0.0.1", "port": %d, "tls_mode": "none",
                 "from": "Reports <reports@example.com>", "auth_type": "oauth",
                 "oauth_client_auth": "client_secret", "user_name": "reports@example.com",
                 "client_id": "%s", "client_secret": "%s", "token_endpoint": "%s", "scopes": "%s",
                 "trusted_ca_pem": null}
                 """.formatted(smtpPort, TokenServer.CLIENT_ID, secret, tokens.uri(), TokenServer.SCOPE);
    }

    private JsonObject awaitStatus(Account admin, Predicate<JsonObject> condition) {
        return Admins.awaitStatus(api, admin.auth(), condition);
    }

    private void save(Account admin, String json) {
        Admins.saveSettings(api, admin.auth(), json);
    }

    /** Queues a report to someone@example.com and waits until the server has had {@code count} deliveries. */
    private void queueAndAwaitDelivery(Account admin, String subject, XOAuth2SmtpServer smtp, int count) {
        Admins.queue(api, admin.auth(), Admins.mail("someone@example.com", subject));
        Await.until(
                Duration.ofSeconds(15),
                smtp.deliveries::size,
                n -> n >= count,
                n -> "only " + n + " of " + count + " deliveries after queueing " + subject);
    }

    private int greenMailPort() {
        return greenMail.getSmtp().getPort();
    }

    private static String basic(int port, String tlsMode, String password) {
        return """
                {"default_smtp": false, "address": "127.0.0.1", "port": %d, "tls_mode": "%s",
                 "tls_version": "TLSv1_2_OR_NEWER", "from": "Bücher Team <%s>", "auth_type": "basic",
                 "auth_mechanism": "auto", "user_name": "%s", "password": "%s", "trusted_ca_pem": null}
                 """.formatted(port, tlsMode, USER, USER, password);
    }
}
