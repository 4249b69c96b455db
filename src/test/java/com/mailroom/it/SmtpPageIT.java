package com.mailroom.it;

import com.mailroom.testsupport.Loopback;

import com.mailroom.testsupport.ScriptedSmtpServer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Admin › SMTP as an administrator uses it (issue 5, SPEC §5), in a real browser against the real WAR: headless
 * Chromium when installed, HtmlUnit otherwise ({@link Browsers}). SMTP servers are GreenMail on loopback and closed
 * loopback ports. Each test signs in as an admin of its own, since saves and tests count against a per-admin limit.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SmtpPageIT {

    static final String SMTP_USER = "sender@example.com";
    static final String SMTP_PASSWORD = "Page-Secret-Pässword-7";
    static final String USER_PASSWORD = "a-long-password-1";
    static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=",
            Pattern.CASE_INSENSITIVE);

    @ArquillianResource
    URL deployed;

    Api api;
    GreenMail greenMail;
    final List<Browsers.Session> sessions = new ArrayList<>();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.mailroom("mailroom.rate-limit.per-admin=5", "mailroom.rate-limit.global=100000");
    }

    @BeforeEach
    void start() {
        api = new Api(deployed);
        greenMail = Loopback.greenMail(0, SMTP_USER, SMTP_PASSWORD);
    }

    @AfterEach
    void stop() {
        sessions.forEach(Browsers.Session::close);
        greenMail.stop();
    }

    @Test
    void loginReturnsToThePageFirstAskedForAndLogoutEndsTheSession() {
        WebDriver browser = browser("en");
        browser.get(api.base() + "admin/users.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/login.xhtml"), browser.getCurrentUrl());
        assertLabel(browser, "username", "Username");
        assertLabel(browser, "password", "Password");
        assertEquals("Log in", browser.findElement(By.id("login")).getAttribute("value"));

        submitLogin(browser, Api.ADMIN, "wrong-password");
        assertTrue(text(browser, "loginMessages").contains("Wrong username or password"), browser.getPageSource());

        submitLogin(browser, Api.ADMIN, Api.ADMIN_PASSWORD);
        waitFor(browser, b -> b.getCurrentUrl().endsWith("/admin/users.xhtml"));
        assertTrue(text(browser, "signedIn").contains(Api.ADMIN));
        assertEquals("SMTP", text(browser, "nav-smtp"));
        assertEquals("Users", text(browser, "nav-users"));
        browser.findElement(By.id("nav-outbox")).click();
        assertTrue(text(browser, "outboxText").contains("passes through here"));

        browser.findElement(By.id("logout")).click();
        waitFor(browser, b -> b.getCurrentUrl().endsWith("/login.xhtml"));
        browser.get(api.base() + "admin/smtp.xhtml");
        assertTrue(browser.getCurrentUrl().endsWith("/login.xhtml"), "the session ended: " + browser.getCurrentUrl());
    }

    @Test
    void theUsersPageListsAndAddsUsersWithAnErrorPerField() {
        WebDriver browser = loggedIn(newAdmin(true), "en");
        browser.findElement(By.id("nav-users")).click();
        assertTrue(text(browser, "users").contains("admin@example.com"), "the bootstrap admin is listed");
        String name = "page-user-" + UUID.randomUUID().toString().substring(0, 6);
        assertLabel(browser, "username", "Username");
        assertLabel(browser, "email", "E-mail");
        assertLabel(browser, "password", "Password");
        assertLabel(browser, "admin", "Administrator");

        type(browser, "username", name);
        type(browser, "email", "not-an-address");
        type(browser, "password", "short");
        click(browser, "addUser");
        assertFalse(text(browser, "emailMessage").isBlank(), browser.getPageSource());
        assertTrue(text(browser, "passwordMessage").contains("at least"), text(browser, "passwordMessage"));
        assertEquals(name, browser.findElement(By.id("username")).getAttribute("value"));

        type(browser, "email", name + "@example.com");
        type(browser, "password", USER_PASSWORD);
        browser.findElement(By.id("admin")).click();
        click(browser, "addUser");
        assertTrue(text(browser, "messages").contains("User " + name + " added"), text(browser, "messages"));
        assertTrue(text(browser, "users").contains(name + "@example.com"));
        assertEquals(200, api.get("api/v1/smtp/settings", Api.basic(name, USER_PASSWORD)).status(), "an admin");
    }

    @Test
    void anAdminConfiguresAServerSavesAndSendsATestEmailAndThePasswordNeverReachesThePage() throws Exception {
        Admin admin = newAdmin(true);
        WebDriver browser = loggedIn(admin, "en");
        chooseCustom(browser);
        fillBasic(browser, greenMailPort(), SMTP_PASSWORD);
        for (String[] label : new String[][] {{"mode:0", "Use default email settings"},
                {"mode:1", "Use custom email settings"}, {"address", "Mail server"}, {"from", "From"},
                {"userName", "Username"}, {"password", "Password"}, {"port", "Port"}, {"tlsMode", "TLS/SSL"},
                {"tlsVersion", "TLS version"}, {"authType", "Authentication type"}}) {
            assertLabel(browser, label[0], label[1]);
        }
        assertTrue(new Select(browser.findElement(By.id("tlsVersion"))).getOptions().stream()
                .anyMatch(o -> o.getText().equals("TLS 1.2 (recommended)")));
        assertEquals("Save", browser.findElement(By.id("save")).getAttribute("value"));
        assertEquals("Send test email", browser.findElement(By.id("test")).getAttribute("value"));

        click(browser, "save");
        assertTrue(text(browser, "messages").contains("Settings saved"), text(browser, "messages"));
        assertEquals("set", text(browser, "passwordState"));
        assertEquals("", browser.findElement(By.id("password")).getAttribute("value"), "never pre-filled");
        assertEquals("new-password", browser.findElement(By.id("password")).getAttribute("autocomplete"));
        assertFalse(browser.getPageSource().contains(SMTP_PASSWORD), "the saved password is not in the page");
        String html = fetch(browser, "admin/smtp.xhtml").body();
        assertTrue(html.contains("id=\"passwordState\""), html);
        assertFalse(html.contains(SMTP_PASSWORD), "the saved password is not in the page's HTML");

        click(browser, "test");
        String result = text(browser, "testSuccess");
        assertTrue(result.contains("Test email sent to " + admin.email), result);
        assertTrue(greenMail.waitForIncomingEmail(5000, 1));
        assertEquals(admin.email, greenMail.getReceivedMessages()[0].getAllRecipients()[0].toString());
        assertFalse(browser.getPageSource().contains(SMTP_PASSWORD), "nor after a test");
        if (Browsers.chromium()) {
            screenshot(browser, Path.of("docs", "smtp-page.png"));
        }
    }

    @Test
    void basicAndOauthFieldsSwitchWithoutReloadingThePage() {
        WebDriver browser = loggedIn(newAdmin(true), "en");
        chooseCustom(browser);
        ((JavascriptExecutor) browser).executeScript("window.mailroomMarker = 'same page';");

        select(browser, "authType", "OAUTH");
        waitFor(browser, b -> !b.findElements(By.id("clientId")).isEmpty());
        for (String[] label : new String[][] {{"clientId", "Client ID"}, {"clientSecret", "Client secret"},
                {"tokenEndpoint", "Token URL"}, {"scopes", "Scopes"}, {"userName", "Username"}}) {
            assertLabel(browser, label[0], label[1]);
        }
        assertTrue(browser.findElements(By.id("password")).isEmpty(), "no basic fields with OAuth");
        String help = text(browser, "help-oauth");
        for (String value : List.of("smtp.office365.com", "587", "STARTTLS", "TLS 1.2",
                "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token", "https://outlook.office365.com/.default",
                "SMTP.SendAsApp")) {
            assertTrue(help.contains(value), value + " in " + help);
        }
        assertEquals("password", browser.findElement(By.id("clientSecret")).getAttribute("type"));
        assertEquals("new-password", browser.findElement(By.id("clientSecret")).getAttribute("autocomplete"));

        select(browser, "authType", "BASIC");
        waitFor(browser, b -> !b.findElements(By.id("password")).isEmpty());
        assertTrue(browser.findElements(By.id("clientId")).isEmpty(), "no OAuth fields with basic");
        assertTrue(text(browser, "help-basic").contains("PLAIN"));
        assertEquals("same page", ((JavascriptExecutor) browser).executeScript("return window.mailroomMarker;"),
                "the fields changed without a full reload");
    }

    @Test
    void aBadFromIsShownNextToTheField() {
        WebDriver browser = loggedIn(newAdmin(true), "en");
        chooseCustom(browser);
        fillBasic(browser, greenMailPort(), SMTP_PASSWORD);
        type(browser, "from", "Reports; Team <" + SMTP_USER + ">");
        click(browser, "save");
        String error = text(browser, "fromMessage");
        assertFalse(error.isBlank(), browser.getPageSource());
        assertTrue(text(browser, "messages").contains("Please correct the marked fields"), text(browser, "messages"));
        assertEquals("Reports; Team <" + SMTP_USER + ">", browser.findElement(By.id("from")).getAttribute("value"),
                "what the admin typed stays");
    }

    @Test
    void changingThePortAsksForThePasswordAgain() {
        WebDriver browser = loggedIn(newAdmin(true), "en");
        chooseCustom(browser);
        fillBasic(browser, greenMailPort(), SMTP_PASSWORD);
        click(browser, "save");
        assertTrue(text(browser, "messages").contains("Settings saved"), text(browser, "messages"));
        assertFalse(text(browser, "passwordHint").contains("again"), text(browser, "passwordHint"));

        type(browser, "port", String.valueOf(greenMailPort() + 1));
        waitFor(browser, b -> text(b, "passwordHint").contains("enter the password again"));

        click(browser, "save");
        assertTrue(text(browser, "passwordMessage").contains("enter the password again"), text(browser, "passwordMessage"));
        assertTrue(text(browser, "messages").contains("Please correct the marked fields"));
    }

    @Test
    void theRateLimitSaysHowManySecondsToWait() throws IOException {
        WebDriver browser = loggedIn(newAdmin(true), "en");
        chooseCustom(browser);
        select(browser, "tlsMode", "NONE");
        select(browser, "authType", "NONE");
        type(browser, "address", "127.0.0.1");
        type(browser, "port", String.valueOf(closedPort()));
        type(browser, "from", SMTP_USER);
        for (int i = 0; i < 5; i++) {
            click(browser, "test");
            assertTrue(text(browser, "testFailure").contains("could not be sent"), browser.getPageSource());
        }
        assertTrue(text(browser, "testStage").contains("connect"), text(browser, "testStage"));
        assertFalse(text(browser, "testHint").isBlank());
        click(browser, "test");
        var wait = Pattern.compile("try again in (\\d+) s").matcher(text(browser, "messages"));
        assertTrue(wait.find(), text(browser, "messages"));
        assertTrue(Integer.parseInt(wait.group(1)) > 0);
    }

    @Test
    void everyAdminSeesTheBannerAndTheSidebarIconAfterAFailingSave() throws IOException {
        WebDriver first = loggedIn(newAdmin(true), "en");
        chooseCustom(first);
        fillBasic(first, closedPort(), SMTP_PASSWORD);
        click(first, "save");
        assertTrue(text(first, "messages").contains("Settings saved"), text(first, "messages"));

        WebDriver second = loggedIn(newAdmin(true), "en");
        second.get(api.base() + "admin/users.xhtml");
        for (int i = 0; i < 50 && second.findElements(By.id("smtpWarning")).isEmpty(); i++) {
            Loopback.pause(200);
            second.navigate().refresh();
        }
        WebElement icon = second.findElement(By.id("smtpWarning"));
        assertEquals("img", icon.getAttribute("role"));
        assertEquals("SMTP has errors", icon.getAttribute("aria-label"));
        assertEquals("SMTP has errors", icon.getAttribute("title"));

        second.findElement(By.id("nav-smtp")).click();
        assertTrue(text(second, "smtpBanner").contains("cannot be sent"));
        assertTrue(text(second, "bannerMessage").contains("connect"), text(second, "bannerMessage"));
        assertFalse(text(second, "bannerNode").isBlank());
        assertFalse(text(second, "bannerSince").isBlank());
        assertFalse(second.findElements(By.id("smtpWarning")).isEmpty(), "the icon is on every admin page");
    }

    @Test
    void germanFollowsTheBrowserAndTheSwitchKeepsTheChoice() {
        WebDriver german = browser("de");
        german.get(api.base() + "login.xhtml");
        assertLabel(german, "username", "Nutzername");
        assertLabel(german, "password", "Passwort");
        Admin admin = newAdmin(true);
        submitLogin(german, admin.name, USER_PASSWORD);
        waitFor(german, b -> b.getCurrentUrl().endsWith("/admin/smtp.xhtml"));
        assertEquals("de", german.findElement(By.tagName("html")).getAttribute("lang"));
        assertLabel(german, "mode:0", "Standard-E-Mail-Einstellungen verwenden");
        assertLabel(german, "mode:1", "Benutzerdefinierte E-Mail-Einstellungen verwenden");
        chooseCustom(german);
        select(german, "authType", "BASIC");
        waitFor(german, b -> !b.findElements(By.id("password")).isEmpty());
        for (String[] label : new String[][] {{"address", "Mailserver"}, {"from", "Von"}, {"userName", "Nutzername"},
                {"password", "Passwort"}, {"port", "Port"}, {"tlsMode", "TLS/SSL"}, {"tlsVersion", "TLS-Version"},
                {"authType", "Authentifizierungstyp"}}) {
            assertLabel(german, label[0], label[1]);
        }
        assertEquals("Speichern", german.findElement(By.id("save")).getAttribute("value"));
        assertEquals("Test-E-Mail senden", german.findElement(By.id("test")).getAttribute("value"));
        select(german, "authType", "OAUTH");
        waitFor(german, b -> !b.findElements(By.id("clientId")).isEmpty());
        for (String[] label : new String[][] {{"clientId", "Client-ID"}, {"clientSecret", "Clientschlüssel"},
                {"tokenEndpoint", "Token-URL"}, {"scopes", "Bereiche"}}) {
            assertLabel(german, label[0], label[1]);
        }
        // the rules' messages next to the fields speak German too
        type(german, "address", "smtp://mail.example.com");
        click(german, "save");
        assertEquals("Die Client-ID ist für OAuth 2.0 erforderlich.", text(german, "clientIdMessage"));
        assertTrue(text(german, "addressMessage").startsWith("Nur den Hostnamen eingeben"), text(german, "addressMessage"));

        click(german, "lang-en");
        assertLabel(german, "mode:0", "Use default email settings");
        german.findElement(By.id("nav-users")).click();
        assertEquals("Users", german.findElement(By.tagName("h1")).getText(), "the choice is kept in the session");

        WebDriver english = loggedIn(newAdmin(true), "en");
        assertEquals("Save", english.findElement(By.id("save")).getAttribute("value"));
        click(english, "lang-de");
        assertEquals("Speichern", english.findElement(By.id("save")).getAttribute("value"));
        english.findElement(By.id("nav-users")).click();
        assertEquals("Benutzer", english.findElement(By.tagName("h1")).getText());
    }

    @Test
    void securityHeadersAreSetAndNoPageNeedsInlineScript() {
        WebDriver browser = loggedIn(newAdmin(true), "en");
        for (String path : List.of("login.xhtml", "nope.xhtml", "admin/smtp.xhtml", "admin/users.xhtml",
                "jakarta.faces.resource/mailroom/mailroom.js.xhtml")) {
            var reply = fetch(browser, path);
            assertEquals(path.equals("nope.xhtml") ? 404 : 200, reply.status(), path);
            String csp = reply.header("Content-Security-Policy");
            assertNotNull(csp, path);
            assertTrue(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"), csp);
            assertFalse(csp.contains("unsafe-inline") || csp.contains("unsafe-eval"), csp);
            assertEquals("DENY", reply.header("X-Frame-Options"), path);
            assertEquals("nosniff", reply.header("X-Content-Type-Options"), path);
            assertEquals("same-origin", reply.header("Referrer-Policy"), path);
        }
        var missing = api.get("nope.xhtml", null);
        assertEquals(404, missing.status());
        assertTrue(missing.body().contains("Page not found"), missing.body());
        var apiMissing = api.get("api/v1/nope", Api.admin());
        assertEquals(404, apiMissing.status());
        assertTrue(apiMissing.header("Content-Type").startsWith("application/json"), "the API keeps its JSON errors");

        // the page with every variant of fields on it, after ajax updates: still no inline script or style
        chooseCustom(browser);
        select(browser, "authType", "OAUTH");
        waitFor(browser, b -> !b.findElements(By.id("clientId")).isEmpty());
        var inline = INLINE_SCRIPT.matcher(browser.getPageSource());
        assertFalse(inline.find(), () -> "inline script or style: " + inline.group());
    }

    @Test
    void expiredViewsForbiddenPagesAndUnknownPagesGetTheirOwnPages() {
        WebDriver browser = browser("en");
        browser.get(api.base() + "login.xhtml");
        browser.manage().deleteAllCookies();
        submitLogin(browser, Api.ADMIN, Api.ADMIN_PASSWORD);
        assertTrue(text(browser, "expiredText").contains("Nothing was saved"), browser.getPageSource());

        Admin user = newAdmin(false);
        browser.get(api.base() + "login.xhtml");
        submitLogin(browser, user.name, USER_PASSWORD);
        waitFor(browser, b -> !b.findElements(By.id("errorCode")).isEmpty());
        assertTrue(text(browser, "errorCode").contains("403"), browser.getPageSource());
        assertTrue(text(browser, "errorText").contains("Only administrators"));

        browser.get(api.base() + "no-such-page.xhtml");
        assertTrue(text(browser, "errorCode").contains("404"), browser.getPageSource());
    }

    @Test
    void theOutboxShowsAFailedMailWithTheServersAnswerAndResendsIt() throws Exception {
        Admin admin = newAdmin(true);
        String auth = Api.basic(admin.name, USER_PASSWORD);
        String subject = "Quarterly report " + UUID.randomUUID().toString().substring(0, 6);
        try (var refusing = ScriptedSmtpServer.replying(Map.of("RCPT", "550 5.1.1 User unknown"))) {
            assertEquals(200, api.put("api/v1/smtp/settings", auth, noAuthSettings(refusing.port())).status());
            var queued = api.postJson("api/v1/mail", auth, """
                    {"to": ["nobody@example.com"], "subject": "%s", "text": "Attached.",
                     "category": "content_delivery"}""".formatted(subject));
            assertEquals(202, queued.status(), queued.toString());
            String id = queued.json().getString("id");
            for (int i = 0; i < 100 && !api.get("api/v1/mail/" + id, auth).json().getString("status").equals("failed"); i++) {
                Thread.sleep(100);
            }
            assertEquals("failed", api.get("api/v1/mail/" + id, auth).json().getString("status"));
        }

        WebDriver browser = loggedIn(admin, "en");
        browser.findElement(By.id("nav-outbox")).click();
        waitFor(browser, b -> !b.findElements(By.id("counts")).isEmpty());
        assertTrue(Long.parseLong(text(browser, "count-failed")) >= 1, text(browser, "counts"));
        WebElement row = browser.findElement(By.xpath("//table[@id='failed']//tr[td[contains(., '" + subject + "')]]"));
        assertTrue(row.getText().contains("550 5.1.1 User unknown"), row.getText());

        // the admin fixes the settings, then resends
        assertEquals(200, api.put("api/v1/smtp/settings", auth, noAuthSettings(greenMailPort())).status());
        ((JavascriptExecutor) browser).executeScript("window.mailroomOldPage = true;");
        row.findElement(By.cssSelector("input[type='submit']")).click();
        waitFor(browser, b -> Boolean.TRUE.equals(scriptDuringNavigation(b,
                "return !window.mailroomOldPage && document.readyState === 'complete';")));
        assertTrue(text(browser, "messages").contains("queued again"), text(browser, "messages"));
        assertTrue(greenMail.waitForIncomingEmail(10_000, 1), "the resent mail arrives");
        assertEquals(subject, greenMail.getReceivedMessages()[0].getSubject());

        browser.findElement(By.id("lang-de")).click();
        waitFor(browser, b -> b.findElement(By.tagName("h1")).getText().contains("Postausgang"));
    }

    private static String noAuthSettings(int port) {
        return """
                {"default_smtp": false, "address": "127.0.0.1", "port": %d, "tls_mode": "none",
                 "from": "Reports <reports@example.com>", "auth_type": "none", "trusted_ca_pem": null}"""
                .formatted(port);
    }

    // --- helpers

    record Admin(String name, String email) {
    }

    private Admin newAdmin(boolean admin) {
        String name = (admin ? "admin-" : "user-") + UUID.randomUUID().toString().substring(0, 8);
        String email = name + "@example.com";
        var created = api.postJson("api/v1/users", Api.admin(), """
                {"username": "%s", "email": "%s", "password": "%s", "admin": %s}"""
                .formatted(name, email, USER_PASSWORD, admin));
        assertEquals(201, created.status(), created.toString());
        return new Admin(name, email);
    }

    /** The page's HTML as the server sends it, fetched outside the browser with the browser's session. */
    private Api.Reply fetch(WebDriver browser, String path) {
        var session = browser.manage().getCookieNamed("JSESSIONID");
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.base() + path))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build();
        try {
            return new Api.Reply(java.net.http.HttpClient.newHttpClient().send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private WebDriver browser(String language) {
        var session = Browsers.open(language);
        sessions.add(session);
        return session.driver();
    }

    private WebDriver loggedIn(Admin admin, String language) {
        WebDriver browser = browser(language);
        browser.get(api.base() + "login.xhtml");
        submitLogin(browser, admin.name, USER_PASSWORD);
        waitFor(browser, b -> b.getCurrentUrl().endsWith("/admin/smtp.xhtml"));
        return browser;
    }

    private static void submitLogin(WebDriver browser, String user, String password) {
        type(browser, "username", user);
        type(browser, "password", password);
        click(browser, "login");
    }

    private static void chooseCustom(WebDriver browser) {
        browser.findElement(By.id("mode:1")).click();
        waitFor(browser, b -> !b.findElements(By.id("address")).isEmpty());
        idle(browser);
    }

    /** Basic authentication against a loopback server without TLS (GreenMail speaks plain SMTP). */
    private static void fillBasic(WebDriver browser, int port, String password) {
        select(browser, "tlsMode", "NONE");
        select(browser, "authType", "BASIC");
        waitFor(browser, b -> !b.findElements(By.id("password")).isEmpty());
        type(browser, "address", "127.0.0.1");
        type(browser, "port", String.valueOf(port));
        type(browser, "from", "Page Test <" + SMTP_USER + ">");
        type(browser, "userName", SMTP_USER);
        type(browser, "password", password);
    }

    /** Types a value and leaves the field, as a person would (which fires its change event). */
    private static void type(WebDriver browser, String id, String value) {
        idle(browser);
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        field.sendKeys(Keys.TAB);
        idle(browser);
    }

    private static void select(WebDriver browser, String id, String value) {
        idle(browser);
        new Select(browser.findElement(By.id(id))).selectByValue(value);
        idle(browser);
    }

    /** Clicks a button that submits the whole page, and waits for the next page to have loaded. */
    private static void click(WebDriver browser, String id) {
        idle(browser);
        ((JavascriptExecutor) browser).executeScript("window.mailroomOldPage = true;");
        browser.findElement(By.id(id)).click();
        waitFor(browser, b -> Boolean.TRUE.equals(scriptDuringNavigation(b,
                "return !window.mailroomOldPage && document.readyState === 'complete';")));
    }

    /** A script's result, or null while the browser is between two pages (it then refuses scripts). */
    private static Object scriptDuringNavigation(WebDriver browser, String script) {
        try {
            return ((JavascriptExecutor) browser).executeScript(script);
        } catch (org.openqa.selenium.WebDriverException e) {
            return null;
        }
    }

    /** Waits until no Faces ajax request is running (mailroom.js sets aria-busy on the body meanwhile). */
    private static void idle(WebDriver browser) {
        waitFor(browser, b -> Boolean.TRUE.equals(((JavascriptExecutor) b)
                .executeScript("return !document.body || !document.body.hasAttribute('aria-busy');")));
    }

    private static void waitFor(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(condition::apply);
    }

    private static String text(WebDriver browser, String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    /** A real {@code <label for>} with exactly this text, pointing at an element that exists. */
    private static void assertLabel(WebDriver browser, String forId, String text) {
        var labels = browser.findElements(By.cssSelector("label[for='" + forId + "']"));
        assertEquals(1, labels.size(), "one label for " + forId);
        assertEquals(text, labels.get(0).getText().strip());
        assertFalse(browser.findElements(By.id(forId)).isEmpty(), forId + " exists");
    }

    private int greenMailPort() {
        return greenMail.getSmtp().getPort();
    }

    /** A loopback port nobody listens on: connecting is refused at once. */
    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void screenshot(WebDriver browser, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
