package com.mailroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.mailroom.it.Admins.Account;
import com.mailroom.it.pages.LoginPage;
import com.mailroom.it.pages.Page;
import com.mailroom.it.pages.SmtpPage;
import com.mailroom.it.servers.ServerUnderTest;
import com.mailroom.testsupport.AssertionTokenServer;
import com.mailroom.testsupport.Loopback;
import com.mailroom.testsupport.ScriptedSmtpServer;
import com.mailroom.testsupport.SubethaServer;
import com.mailroom.testsupport.TestKeys;
import com.mailroom.testsupport.TokenServer;
import com.mailroom.testsupport.XOAuth2SmtpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The portable subset: what must hold on every server Mailroom is said to run on (README, "Runs on"). Each concrete
 * subclass names its server ({@code @RunsOn}); the server is started once per kind and run, deployed as that server's
 * operators deploy it ({@code it.servers}), with the settings of {@link ServerUnderTest#environment()}. Payara Micro 6
 * runs the full suite instead. The settings row is shared, so every check sets the settings it needs first.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PortableChecks {

    static final String SETTINGS = Admins.SETTINGS;
    static final String TEST = "api/v1/smtp/test";
    static final String SMTP_USER = "sender@example.com";
    static final String SMTP_PASSWORD = "Portable-Pässword-1";

    ServerUnderTest server;
    Api api;
    GreenMail greenMail;
    final List<AutoCloseable> closeAfter = new ArrayList<>();

    @BeforeEach
    void connect(ServerUnderTest server) {
        this.server = server;
        this.api = server.api();
        greenMail = Loopback.greenMail(0, SMTP_USER, SMTP_PASSWORD);
    }

    @AfterEach
    void release() throws Exception {
        for (AutoCloseable c : closeAfter) {
            c.close();
        }
        greenMail.stop();
    }

    // --- REST: the settings' JSON, re-entry, If-Match ---

    /** The v1 settings document, byte for byte as Payara 6 writes it (JSON-B: snake_case, sorted keys, nulls kept). */
    @Test
    void theSettingsJsonIsTheContractByteForByte() {
        var put = api.put(SETTINGS, Api.admin(), """
                {"default_smtp": false, "address": "127.0.0.1", "port": 2525, "from": "Reports <reports@example.com>",
                 "tls_mode": "starttls", "tls_version": "TLSv1_2", "auth_type": "basic", "auth_mechanism": "login",
                 "user_name": "reports@example.com", "password": "byte-for-byte-1", "trusted_ca_pem": null,
                 "client_id": null, "token_endpoint": null, "scopes": null, "oauth_client_auth": "client_secret"}""");
        assertEquals(200, put.status(), put.toString());
        var get = api.get(SETTINGS, Api.admin());
        JsonObject parsed = get.json();
        String expected = "{\"address\":\"127.0.0.1\",\"auth_mechanism\":\"login\",\"auth_type\":\"basic\","
                + "\"certificate_expires_at\":null,\"certificate_subject\":null,\"certificate_thumbprint\":null,"
                + "\"client_certificate_set\":false,"
                + "\"client_id\":null,\"client_secret_set\":false,\"default_smtp\":false,"
                + "\"from\":\"Reports <reports@example.com>\",\"max_mails_per_minute\":null,"
                + "\"oauth_client_auth\":\"client_secret\",\"password_set\":true,\"port\":2525,\"scopes\":null,"
                + "\"service_account_client_id\":null,\"service_account_key_id\":null,"
                + "\"service_account_key_set\":false,"
                + "\"tls_mode\":\"starttls\",\"tls_version\":\"TLSv1_2\",\"token_endpoint\":null,\"trusted_ca_pem\":"
                + "null,"
                + "\"updated_at\":\"" + parsed.getString("updated_at") + "\",\"updated_by\":\"admin\","
                + "\"user_name\":\"reports@example.com\",\"version\":" + parsed.getJsonNumber("version") + "}";
        assertEquals(expected, get.body());
        assertEquals(put.body(), get.body(), "PUT answers with the same document");
        assertTrue(parsed.getString("updated_at").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), get.body());
        assertTrue(get.header("Content-Type").startsWith("application/json"), get.header("Content-Type"));
        assertEquals("\"" + parsed.getJsonNumber("version") + "\"", get.header("ETag"));
    }

    @Test
    void aChangedServerAsksForThePasswordAgainAndIfMatchGuardsTheVersion() {
        Admins.saveSettings(api, Api.admin(), basic(1, "first-password-1"));
        var changed = api.put(SETTINGS, Api.admin(), "{\"address\": \"localhost\"}");
        assertEquals(422, changed.status(), changed.toString());
        assertTrue(changed.fieldError("password").contains("enter the password again"), changed.toString());

        var current = api.get(SETTINGS, Api.admin());
        String etag = current.header("ETag");
        var stale = api.put(
                SETTINGS,
                Api.admin(),
                "{\"from\": \"Stale <stale@example.com>\"}",
                "If-Match",
                "\"" + (current.json().getJsonNumber("version").longValue() - 1) + "\"");
        assertEquals(412, stale.status(), stale.toString());
        assertEquals(current.json(), api.get(SETTINGS, Api.admin()).json(), "a refused save stores nothing");

        var matching = api.put(SETTINGS, Api.admin(), "{\"from\": \"Fresh <fresh@example.com>\"}", "If-Match", etag);
        assertEquals(200, matching.status(), matching.toString());
        assertNotEquals(etag, matching.header("ETag"));
        assertTrue(matching.json().getBoolean("password_set"), "an unchanged server keeps its password");
        assertEquals("Fresh <fresh@example.com>", matching.json().getString("from"));
    }

    // --- the test mail and its stages, the status and readiness ---

    @Test
    void theTestMailArrivesAndAFailureNamesItsStage() throws Exception {
        Account admin = Admins.newAdmin(api);
        Admins.saveSettings(api, admin.auth(), basic(greenMail.getSmtp().getPort(), SMTP_PASSWORD));
        var sent = api.post(TEST, admin.auth(), null, null);
        assertEquals(200, sent.status(), sent.toString());
        assertTrue(sent.json().getBoolean("success"), sent.toString());
        assertEquals("done", sent.json().getString("stage"));
        assertEquals(admin.email(), sent.json().getString("recipient"));
        assertTrue(greenMail.waitForIncomingEmail(10_000, 1));
        assertEquals("Mailroom Mail Test", greenMail.getReceivedMessages()[0].getSubject());
        assertFalse(sent.body().contains(SMTP_PASSWORD));

        var wrongPassword = api.postJson(TEST, admin.auth(), "{\"password\": \"not-the-password\"}")
                .json();
        assertFalse(wrongPassword.getBoolean("success"), wrongPassword.toString());
        assertEquals("auth", wrongPassword.getString("stage"), wrongPassword.toString());

        var closed = api.postJson(
                        TEST,
                        admin.auth(),
                        "{\"port\": " + Loopback.freePort() + ", \"password\": \"" + SMTP_PASSWORD + "\"}")
                .json();
        assertFalse(closed.getBoolean("success"), closed.toString());
        assertEquals("connect", closed.getString("stage"), closed.toString());
        assertFalse(server.log().contains(SMTP_PASSWORD), "the SMTP password reached the server log");
    }

    @Test
    void theStatusAndReadinessFollowTheSettings() throws Exception {
        Admins.saveSettings(api, Api.admin(), basic(Loopback.freePort(), SMTP_PASSWORD));
        JsonObject invalid = Admins.awaitStatus(api, Api.admin(), s -> !s.getBoolean("is_valid"));
        assertTrue(invalid.toString().contains("connect"), invalid.toString());
        await(
                () -> get(server.healthReadyUrl()),
                r -> r.statusCode() == 503 && r.body().contains("\"smtp\""));

        Admins.saveSettings(api, Api.admin(), basic(greenMail.getSmtp().getPort(), SMTP_PASSWORD));
        Admins.awaitStatus(api, Api.admin(), s -> s.getBoolean("is_valid"));
        await(() -> get(server.healthReadyUrl()), r -> r.statusCode() == 200);
        assertEquals(0, greenMail.getReceivedMessages().length, "the background check sends no mail");
    }

    // --- delivery ---

    @Test
    void aFewDozenMailsArriveOnceAndATemporaryFailureIsRetried() throws Exception {
        var busy = ScriptedSmtpServer.replying(Map.of(ScriptedSmtpServer.END_OF_DATA, "451 4.3.0 Try again later"));
        closeAfter.add(busy);
        var sink = SubethaServer.plain(0, SMTP_USER, SMTP_PASSWORD);
        closeAfter.add(sink);
        String run = UUID.randomUUID().toString().substring(0, 8);

        Admins.saveSettings(api, Api.admin(), basic(busy.port(), SMTP_PASSWORD));
        String retried = queue("retry " + run, "retry@example.com");
        JsonObject retrying = awaitMail(retried, m -> "retrying".equals(m.getString("status")));
        assertTrue(retrying.getString("last_error").contains("451 4.3.0"), retrying.toString());

        Admins.saveSettings(api, Api.admin(), basic(sink.port(), SMTP_PASSWORD));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 36; i++) {
            ids.add(queue("bulk " + run + " " + i, "r" + i + "@example.com"));
        }
        await(
                () -> sink.deliveries.stream()
                        .filter(d -> subject(d).contains(run))
                        .count(),
                n -> n >= 37);
        Loopback.pause(1000); // a duplicate would still be on its way
        var mine = sink.deliveries.stream()
                .map(PortableChecks::subject)
                .filter(s -> s.contains(run))
                .toList();
        assertEquals(37, mine.size(), "each mail once: " + mine);
        assertEquals(37, mine.stream().distinct().count());
        JsonObject afterRetry = awaitMail(retried, m -> "sent".equals(m.getString("status")));
        assertTrue(afterRetry.getInt("attempts") >= 2, afterRetry.toString());
        JsonObject one = api.get(Admins.MAIL + "/" + ids.get(7), Api.admin()).json();
        assertEquals("sent", one.getString("status"), one.toString());
        assertEquals(1, one.getInt("attempts"));
    }

    // --- OAuth 2.0 through the server's own MicroProfile REST Client ---

    @Test
    void theOauthTestMailGoesThroughWithOneToken() throws Exception {
        Account admin = Admins.newAdmin(api);
        String secret = "client-secret-" + UUID.randomUUID();
        var tokens = new TokenServer(secret);
        closeAfter.add(tokens);
        var smtp = new XOAuth2SmtpServer(token -> false);
        closeAfter.add(smtp);
        smtp.acceptTokensWhen(token -> token.equals(tokens.current()));
        Admins.saveSettings(api, admin.auth(), """
                {"default_smtp": false, "address": "127.0.0.1", "port": %d, "tls_mode": "none",
                 "from": "Reports <reports@example.com>", "auth_type": "oauth",
                 "oauth_client_auth": "client_secret", "user_name": "reports@example.com",
                 "client_id": "%s", "client_secret": "%s", "token_endpoint": "%s", "scopes": "%s",
                 "trusted_ca_pem": null}""".formatted(
                        smtp.port(), TokenServer.CLIENT_ID, secret, tokens.uri(), TokenServer.SCOPE));
        for (int i = 0; i < 2; i++) {
            var report = api.post(TEST, admin.auth(), null, null).json();
            assertTrue(report.getBoolean("success"), report.toString());
            assertEquals("done", report.getString("stage"));
        }
        assertEquals(2, smtp.deliveries.size());
        assertEquals(1, tokens.requests.get(), "the background check and the test mails share one token");
        String log = server.log();
        assertFalse(log.contains(secret), "client secret in the server log");
        tokens.issued.forEach(token -> assertFalse(log.contains(token), "access token in the server log"));
    }

    /** Nimbus JOSE+JWT ships in the WAR, and the servers bring their own copy: the assertion must work on each. */
    @Test
    void aCertificateSignsTheClientAssertionOnThisServerToo() throws Exception {
        Account admin = Admins.newAdmin(api);
        TestKeys app = TestKeys.rsa();
        var tokens = new AssertionTokenServer();
        closeAfter.add(tokens);
        tokens.register(app.certificate());
        var smtp = new XOAuth2SmtpServer(tokens.validLogins());
        closeAfter.add(smtp);
        Admins.saveSettings(
                api,
                admin.auth(),
                Json.createObjectBuilder()
                        .add("default_smtp", false)
                        .add("address", "127.0.0.1")
                        .add("port", smtp.port())
                        .add("tls_mode", "none")
                        .add("from", "Reports <reports@example.com>")
                        .add("auth_type", "oauth")
                        .add("oauth_client_auth", "certificate")
                        .add("user_name", "reports@example.com")
                        .add("client_id", tokens.entraClientId())
                        .add("token_endpoint", tokens.entraUri().toString())
                        .add("scopes", AssertionTokenServer.ENTRA_SCOPE)
                        .add("client_certificate", app.certificatePem())
                        .add("client_private_key", app.privateKeyPem())
                        .build()
                        .toString());
        var report = api.post(TEST, admin.auth(), null, null).json();
        assertTrue(report.getBoolean("success"), report.toString());
        assertEquals(1, smtp.deliveries.size());
        assertTrue(tokens.received.stream().allMatch(r -> r.accepted()), tokens.received.toString());
        assertFalse(server.log().contains(app.privateKeyPem().split("\n")[1]), "the private key in the server log");
    }

    // --- one page, in German ---

    @Test
    void anAdminLogsInSavesAndSendsATestEmailInGerman() {
        Account admin = Admins.newAdmin(api);
        try (var session = Browsers.open("de")) {
            LoginPage login = Page.open(session.driver(), api.base(), "admin/smtp.xhtml", LoginPage::new);
            assertEquals(List.of("Nutzername"), login.labels("username"));
            assertEquals(List.of("Passwort"), login.labels("password"));
            SmtpPage page = login.logIn(admin.name(), admin.password());
            assertEquals("de", page.language());
            assertEquals(List.of("Benutzerdefinierte E-Mail-Einstellungen verwenden"), page.labels("mode:1"));
            page.chooseCustom().chooseTls("NONE").chooseAuth("BASIC");
            assertEquals(List.of("Mailserver"), page.labels("address"));
            assertEquals(List.of("Authentifizierungstyp"), page.labels("authType"));
            assertEquals("Speichern", page.value("save"));
            page.fill("address", "127.0.0.1")
                    .fill("port", greenMail.getSmtp().getPort())
                    .fill("from", "Seitentest <" + SMTP_USER + ">")
                    .fill("userName", SMTP_USER)
                    .fill("password", SMTP_PASSWORD)
                    .save();
            assertTrue(page.messages().contains("Einstellungen gespeichert"), page.messages());

            assertEquals("Test-E-Mail senden", page.value("test"));
            var result = page.sendTestEmail().result();
            assertTrue(result.success(), result.toString());
            assertTrue(result.headline().contains("Test-E-Mail an " + admin.email() + " gesendet"), result.headline());
            assertTrue(greenMail.waitForIncomingEmail(10_000, 1));
            assertFalse(page.source().contains(SMTP_PASSWORD), "the password never reaches the page");
        }
    }

    // --- the session cookie and headers, and a redeploy

    @Test
    void theSessionCookieIsHttpOnlyAndNoHeaderNamesTheServer() {
        var page = api.get("login.xhtml", null);
        assertEquals(200, page.status(), page.toString());
        String cookie = page.response().headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "no session cookie: " + page.response().headers()));
        assertNull(page.header("X-Powered-By"), "X-Powered-By: " + page.header("X-Powered-By"));
        assertNull(page.header("Server"), "Server: " + page.header("Server"));
        String flags = cookie.toLowerCase(Locale.ROOT).replace(" ", "");
        assertTrue(flags.contains(";httponly"), cookie);
        assertTrue(flags.contains(";samesite=lax"), "SameSite on every server (SessionCookieAttributes): " + cookie);
    }

    /** Operators update the WAR in place; bearer logins failed on WildFly after that until the server restarted. */
    @Test
    @Order(Integer.MAX_VALUE)
    void bearerLoginsWorkAfterARedeployWithoutRestart() {
        assumeTrue(server.redeploys(), "this server has no redeploy without a restart");
        assertEquals(200, api.get(SETTINGS, bearerToken()).status());
        server.redeploy();
        assertEquals(200, api.get(SETTINGS, bearerToken()).status());
        assertEquals(200, api.get(SETTINGS, Api.admin()).status());
    }

    /** API credentials exchanged at the 4.0 login for a bearer token. */
    private String bearerToken() {
        var issued = api.postJson("api/v1/users/me/api_credentials", Api.admin(), "{\"scope\": \"admin\"}");
        assertEquals(201, issued.status(), issued.toString());
        var login = api.post(
                "api/4.0/login",
                null,
                "application/x-www-form-urlencoded",
                "client_id=" + issued.json().getString("client_id") + "&client_secret="
                        + issued.json().getString("client_secret"));
        assertEquals(200, login.status(), login.toString());
        return "Bearer " + login.json().getString("access_token");
    }

    // --- helpers

    /** Basic authentication without TLS against a loopback server. */
    private static String basic(int port, String password) {
        return """
                {"default_smtp": false, "address": "127.0.0.1", "port": %d, "tls_mode": "none",
                 "from": "Bücher Team <%s>", "auth_type": "basic", "auth_mechanism": "auto", "user_name": "%s",
                 "password": "%s", "trusted_ca_pem": null}""".formatted(port, SMTP_USER, SMTP_USER, password);
    }

    private String queue(String subject, String to) {
        return Admins.queue(api, Api.admin(), Admins.mail(to, subject));
    }

    private JsonObject awaitMail(String id, Predicate<JsonObject> condition) {
        return Admins.awaitMail(api, Api.admin(), id, condition);
    }

    private static <T> T await(Supplier<T> probe, Predicate<T> condition) {
        return Await.until(Admins.BACKGROUND, probe, condition, last -> "never got there: " + last);
    }

    private static HttpResponse<String> get(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .timeout(Duration.ofSeconds(30))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String subject(SubethaServer.Delivery d) {
        try {
            String raw = new InternetHeaders(new ByteArrayInputStream(d.data())).getHeader("Subject", null);
            return raw == null ? "" : MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
