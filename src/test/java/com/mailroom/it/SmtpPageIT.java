package com.mailroom.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.mailroom.it.Admins.Account;
import com.mailroom.it.pages.AuditPage;
import com.mailroom.it.pages.ErrorPage;
import com.mailroom.it.pages.ExpiredPage;
import com.mailroom.it.pages.LoginPage;
import com.mailroom.it.pages.OutboxPage;
import com.mailroom.it.pages.Page;
import com.mailroom.it.pages.SmtpPage;
import com.mailroom.it.pages.UsersPage;
import com.mailroom.testsupport.AssertionTokenServer;
import com.mailroom.testsupport.GoogleKeyFile;
import com.mailroom.testsupport.Loopback;
import com.mailroom.testsupport.ScriptedSmtpServer;
import com.mailroom.testsupport.TestKeys;
import com.mailroom.testsupport.XOAuth2SmtpServer;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * Admin › SMTP as an administrator uses it (docs/pages.md), in a real browser against the real WAR: headless
 * Chromium when installed, HtmlUnit otherwise ({@link Browsers}). SMTP servers are GreenMail on loopback and closed
 * loopback ports. Each test signs in as an admin of its own, since saves and tests count against a per-admin limit.
 * The pages are driven through their page objects ({@link com.mailroom.it.pages}).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SmtpPageIT {

    static final String SMTP_USER = "sender@example.com";
    static final String SMTP_PASSWORD = "Page-Secret-Pässword-7";
    static final Pattern INLINE_SCRIPT =
            Pattern.compile("<script(?![^>]*\\ssrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=", Pattern.CASE_INSENSITIVE);

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
        LoginPage login = Page.open(browser("en"), api.base(), "admin/users.xhtml", LoginPage::new);
        assertTrue(login.url().endsWith("/login.xhtml"), login.url());
        assertLabels(login, "username", "Username", "password", "Password");
        assertEquals("Log in", login.buttonLabel());

        login = login.submit(Api.ADMIN, "wrong-password");
        assertTrue(login.messages().contains("Wrong username or password"), login.source());

        UsersPage users = login.submit(Api.ADMIN, Api.ADMIN_PASSWORD, UsersPage::new);
        assertTrue(users.url().endsWith("/admin/users.xhtml"), users.url());
        assertTrue(users.signedIn().contains(Api.ADMIN));
        assertEquals("SMTP", users.navLabel("smtp"));
        assertEquals("Users", users.navLabel("users"));
        OutboxPage outbox = users.outbox();
        assertTrue(outbox.intro().contains("passes through here"));
        assertEquals(
                "Sent mails keep their text and attachments for 30 days and are removed 90 days after sending. Failed"
                        + " mails stay until they are resent or an administrator removes them.",
                outbox.retention());

        login = outbox.logout().open("admin/smtp.xhtml", LoginPage::new);
        assertTrue(login.url().endsWith("/login.xhtml"), "the session ended: " + login.url());
    }

    @Test
    void theUsersPageListsAndAddsUsersWithAnErrorPerField() {
        UsersPage users = logIn(Admins.newAdmin(api)).users();
        assertTrue(users.list().contains("admin@example.com"), "the bootstrap admin is listed");
        String name = "page-user-" + UUID.randomUUID().toString().substring(0, 6);
        assertLabels(
                users, "username", "Username", "email", "E-mail", "password", "Password", "admin", "Administrator");

        users.fill("username", name)
                .fill("email", "not-an-address")
                .fill("password", "short")
                .add();
        assertFalse(users.fieldError("email").isBlank(), users.source());
        assertTrue(users.fieldError("password").contains("at least"), users.fieldError("password"));
        assertEquals(name, users.value("username"));

        users.fill("email", name + "@example.com")
                .fill("password", Admins.PASSWORD)
                .toggleAdministrator()
                .add();
        assertTrue(users.messages().contains("User " + name + " added"), users.messages());
        assertTrue(users.list().contains(name + "@example.com"));
        assertEquals(
                200, api.get(Admins.SETTINGS, Api.basic(name, Admins.PASSWORD)).status(), "an admin");
    }

    @Test
    void anAdminEditsPromotesDemotesAndRemovesAUserWithTheRulesOfTheApi() {
        UsersPage users = logIn(Admins.newAdmin(api)).users();
        Account user = Admins.newUser(api);
        Account other = Admins.newAdmin(api);
        SmtpPage othersPage = logIn(other);
        users = users.open("admin/users.xhtml", UsersPage::new);
        assertTrue(users.row(user.name()).contains(user.email()), users.row(user.name()));
        assertEquals("Make administrator", users.roleAction(user.name()));
        assertEquals("Remove administrator", users.roleAction(other.name()));

        users.edit(user.name());
        assertEquals("Edit " + user.name(), users.editTitle());
        assertEquals(user.email(), users.value("editEmail"));
        assertEquals("editEmail", users.focused(), "the form opens with the focus on it");
        assertLabels(users, "editEmail", "E-mail", "editPassword", "New password");
        users.fill("editEmail", "not-an-address").fill("editPassword", "short").saveChanges();
        assertFalse(users.fieldError("editEmail").isBlank(), users.source());
        assertTrue(users.fieldError("editPassword").contains("at least 10"), users.fieldError("editPassword"));
        assertEquals("true", users.attribute("editEmail", "aria-invalid"));
        assertTrue(users.messages().contains("correct"), users.messages());
        assertEquals(
                user.email(),
                api.get("api/v1/users/" + Admins.idOf(api, user.name()), Api.admin())
                        .json()
                        .getString("email"),
                "nothing stored");

        String newPassword = "page-new-password-3";
        users.fill("editEmail", "changed-" + user.email())
                .fill("editPassword", newPassword)
                .saveChanges();
        assertEquals("User " + user.name() + " changed.", users.messages());
        assertFalse(users.isEditing());
        assertTrue(users.row(user.name()).contains("changed-" + user.email()), users.row(user.name()));
        assertEquals(401, api.get(Admins.SETTINGS, user.auth()).status(), "the old password");
        String auth = Api.basic(user.name(), newPassword);
        assertEquals(403, api.get(Admins.SETTINGS, auth).status(), "the new password, of a user");

        users.toggleRole(user.name());
        assertEquals(user.name() + " is now an administrator.", users.messages());
        assertEquals("Remove administrator", users.roleAction(user.name()));
        assertEquals(200, api.get(Admins.SETTINGS, auth).status());
        users.toggleRole(user.name());
        assertEquals(user.name() + " is no longer an administrator.", users.messages());
        assertEquals(403, api.get(Admins.SETTINGS, auth).status());

        users.remove(user.name());
        assertEquals(
                "Remove the user " + user.name() + "? Their password, API credentials and tokens stop working at once.",
                users.confirmation());
        assertEquals("cancelRemove", users.focused(), "the safe choice has the focus");
        users.cancelRemove();
        assertFalse(users.asksToConfirm());
        assertTrue(users.lists(user.name()), "cancelled");
        users.remove(user.name());
        assertEquals("Remove " + user.name(), users.confirmLabel());
        users.confirmRemove();
        assertEquals("User " + user.name() + " removed.", users.messages());
        assertFalse(users.lists(user.name()));
        assertEquals(401, api.get(Admins.SETTINGS, auth).status());

        users.remove(other.name()).confirmRemove();
        assertEquals("User " + other.name() + " removed.", users.messages());
        assertEquals(
                201,
                api.postJson("api/v1/users", Api.admin(), Admins.userJson(other.name(), true))
                        .status(),
                "someone else under the same name");
        LoginPage login = othersPage.open("admin/users.xhtml", LoginPage::new);
        assertTrue(login.url().endsWith("/login.xhtml"), "the removed admin's page session ended: " + login.url());
    }

    @Test
    void anAdminIssuesACredentialSeesItsSecretOnceAndRevokesIt() {
        Account admin = Admins.newAdmin(api);
        UsersPage users = logIn(admin).users();
        assertEquals(List.of("Send mail", "Administration"), users.options("credentialScope"), "send mail comes first");
        users.issueCredential("admin", "2020-01-31T12:00", "nightly reports");
        assertEquals("Expiry must be in the future.", users.fieldError("credentialExpires"));
        assertEquals("true", users.attribute("credentialExpires", "aria-invalid"));
        assertFalse(users.showsIssued());
        assertEquals(
                "[]", api.get("api/v1/users/me/api_credentials", admin.auth()).body(), "nothing stored");

        users.issueCredential("admin", "2099-12-31T23:30", "nightly reports");
        assertTrue(users.showsIssued(), users.source());
        String clientId = users.issuedClientId();
        String secret = users.issuedSecret();
        var login = api.post(
                "api/4.0/login",
                null,
                "application/x-www-form-urlencoded",
                "client_id=" + clientId + "&client_secret=" + secret);
        assertEquals(200, login.status(), "the secret shown works: " + login);
        String token = "Bearer " + login.json().getString("access_token");
        assertEquals(200, api.get(Admins.SETTINGS, token).status(), "scope admin");
        String row = users.credentialRow(clientId);
        assertTrue(
                row.contains(admin.name()) && row.contains("Administration") && row.contains("nightly reports"), row);
        assertTrue(row.contains("2099-12-31 23:30 UTC"), row);
        assertEquals(
                List.of("User", "Client ID", "Scope", "Description", "Created", "Expires", "Last used", "Actions"),
                users.credentialLabels(clientId));
        assertTrue(users.attribute("credentials", "class").contains("cards"));

        users = users.open("admin/users.xhtml", UsersPage::new);
        assertFalse(users.showsIssued(), "shown once");
        assertFalse(users.source().contains(secret), "not in the page again");
        assertTrue(users.listsCredential(clientId));
        assertTrue(users.credentialRow(clientId).contains("Administration"));

        users.revokeCredential(clientId);
        assertTrue(users.asksToConfirmRevoke());
        assertTrue(
                users.revokeQuestion().startsWith("Revoke the credential " + clientId + " of " + admin.name()),
                users.revokeQuestion());
        assertEquals("cancelRevoke", users.focused(), "the safe choice has the focus");
        users.cancelRevoke();
        assertEquals(200, api.get(Admins.SETTINGS, token).status(), "cancelled");
        users.revokeCredential(clientId);
        assertEquals("Revoke " + clientId, users.confirmRevokeLabel());
        users.confirmRevoke();
        assertEquals("Credential " + clientId + " revoked.", users.messages());
        assertFalse(users.listsCredential(clientId));
        assertEquals(401, api.get(Admins.SETTINGS, token).status(), "its token ends at once");
        assertFalse(INLINE_SCRIPT.matcher(users.source()).find(), "no inline script or style");

        users.issueCredential("send_mail", null, null);
        String sender = users.issuedClientId();
        assertTrue(users.credentialRow(sender).contains("Send mail"), users.credentialRow(sender));
        assertTrue(users.credentialRow(sender).contains("never"), users.credentialRow(sender));
        String senderSecret = users.issuedSecret();
        users.switchLanguage("de");
        assertTrue(users.credentialRow(sender).contains("E-Mail senden"), users.credentialRow(sender));
        assertEquals(
                List.of(
                        "Nutzer",
                        "Client-ID",
                        "Bereich (Scope)",
                        "Beschreibung",
                        "Erstellt",
                        "Läuft ab",
                        "Zuletzt verwendet",
                        "Aktionen"),
                users.credentialLabels(sender));
        assertFalse(users.source().contains(senderSecret), "the secret is not shown again");
    }

    @Test
    void theLastAdminIsNeitherDemotedNorRemovedOnThePageInEitherLanguage() {
        Account admin = Admins.newAdmin(api);
        Admins.withOnlyAdmins(api, List.of(admin), () -> {
            UsersPage users = logIn(admin).users();
            users.toggleRole(admin.name());
            assertEquals(
                    admin.name() + " is the last administrator and must stay one: make another user an administrator"
                            + " first.",
                    users.messages());
            assertEquals("Remove administrator", users.roleAction(admin.name()), "still an administrator");

            users.remove(admin.name()).confirmRemove();
            assertEquals(
                    admin.name() + " is the last administrator and cannot be removed: make another user an"
                            + " administrator first.",
                    users.messages());
            assertFalse(users.asksToConfirm());
            assertTrue(users.lists(admin.name()));

            users.switchLanguage("de");
            users.toggleRole(admin.name());
            assertEquals(
                    admin.name() + " ist der letzte Administrator und muss es bleiben: machen Sie zuerst einen"
                            + " anderen Nutzer zum Administrator.",
                    users.messages());
            assertEquals(List.of(admin.name()), Admins.adminNames(api, admin.auth()));
        });
    }

    @Test
    void anAdminConfiguresAServerSavesAndSendsATestEmailAndThePasswordNeverReachesThePage() throws Exception {
        Account admin = Admins.newAdmin(api);
        SmtpPage smtp = fillBasic(logIn(admin).chooseCustom(), greenMailPort());
        assertLabels(
                smtp,
                "mode:0",
                "Use default email settings",
                "mode:1",
                "Use custom email settings",
                "address",
                "Mail server",
                "from",
                "From",
                "userName",
                "Username",
                "password",
                "Password",
                "port",
                "Port",
                "tlsMode",
                "TLS/SSL",
                "tlsVersion",
                "TLS version",
                "authType",
                "Authentication type");
        assertTrue(
                smtp.options("tlsVersion").contains("TLS 1.2 (recommended)"),
                smtp.options("tlsVersion").toString());
        assertEquals("Save", smtp.value("save"));
        assertEquals("Send test email", smtp.value("test"));

        smtp.save();
        assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
        assertEquals("set", smtp.passwordState());
        assertEquals("", smtp.value("password"), "never pre-filled");
        assertEquals("new-password", smtp.attribute("password", "autocomplete"));
        assertFalse(smtp.source().contains(SMTP_PASSWORD), "the saved password is not in the page");
        String html = fetch(smtp, "admin/smtp.xhtml").body();
        assertTrue(html.contains("id=\"passwordState\""), html);
        assertFalse(html.contains(SMTP_PASSWORD), "the saved password is not in the page's HTML");

        SmtpPage.Result result = smtp.sendTestEmail().result();
        assertTrue(result.success(), result.toString());
        assertTrue(result.headline().contains("Test email sent to " + admin.email()), result.toString());
        awaitReceived(m -> admin.email().equals(m.getAllRecipients()[0].toString()), "the test email");
        assertFalse(smtp.source().contains(SMTP_PASSWORD), "nor after a test");
        if (Browsers.chromium()) {
            screenshots(smtp);
        }
    }

    /**
     * The pictures in README.md and docs/pages.md, taken after a successful test email: English at 1280×900, the
     * same on a phone (390×844, which must not scroll sideways), and German after another test email.
     */
    private static void screenshots(SmtpPage smtp) throws Exception {
        smtp.viewport(1280, 900);
        smtp.screenshot(Path.of("docs", "smtp-page.png"));
        smtp.viewport(390, 844);
        assertEquals(0, smtp.sidewaysOverflow(), "no sideways scrolling at 390 px");
        smtp.screenshot(Path.of("docs", "smtp-page-narrow.png"));
        smtp.viewport(1280, 900);
        smtp.switchLanguage("de");
        smtp.fill("password", SMTP_PASSWORD).sendTestEmail();
        assertTrue(smtp.result().success(), smtp.result().toString());
        smtp.screenshot(Path.of("docs", "smtp-page-de.png"));
    }

    @Test
    void theSidebarMarksThePageShownAndTheSwitchTheLanguage() {
        LoginPage login = LoginPage.open(browser("de"), api.base());
        assertEquals(Map.of("en", "false", "de", "true"), login.languagesPressed(), "from the browser's language");
        login.switchLanguage("en");
        assertEquals(Map.of("en", "true", "de", "false"), login.languagesPressed());
        assertEquals("Log in", login.buttonLabel());

        Account admin = Admins.newAdmin(api);
        SmtpPage smtp = login.logIn(admin.name(), admin.password());
        assertEquals(List.of("smtp"), smtp.currentNav());
        UsersPage users = smtp.users();
        assertEquals(List.of("users"), users.currentNav());
        OutboxPage outbox = users.outbox();
        assertEquals(List.of("outbox"), outbox.currentNav());
        assertEquals(Map.of("en", "true", "de", "false"), outbox.languagesPressed());

        outbox.switchLanguage("de");
        assertEquals("de", outbox.language());
        assertEquals(Map.of("en", "false", "de", "true"), outbox.languagesPressed());
        assertEquals(List.of("outbox"), outbox.currentNav(), "the same page, in German");
        assertTrue(
                outbox.retention().startsWith("Gesendete E-Mails behalten Text und Anhänge 30 Tage"),
                outbox.retention());
        assertEquals(List.of("smtp"), outbox.smtp().currentNav());
    }

    @Test
    void onAPhoneNoPageScrollsSidewaysAndTablesUseTheFullWidth() throws Exception {
        assumeTrue(Browsers.chromium(), "layout needs a browser that lays out (Chromium)");
        // long values without a place to break: a user name, addresses, a host name, a subject and a server's answer
        String name = "layout" + "x".repeat(40) + UUID.randomUUID().toString().substring(0, 8);
        Account admin = new Account(name, name + "@" + "sub".repeat(20) + ".example.com", Admins.PASSWORD);
        var created = api.postJson("api/v1/users", Api.admin(), """
                {"username": "%s", "email": "%s", "password": "%s", "admin": true}
                """.formatted(name, admin.email(), Admins.PASSWORD));
        assertEquals(201, created.status(), created.body());
        String subject = "Report_" + "y".repeat(80);
        try (var refusing = ScriptedSmtpServer.replying(
                Map.of("RCPT", "550 5.1.1 <" + "z".repeat(60) + "@example.com>: Recipient address rejected"))) {
            Admins.saveSettings(api, admin.auth(), noAuthSettings(refusing.port()));
            String id = Admins.queue(api, admin.auth(), Admins.mail("z".repeat(60) + "@example.com", subject));
            Admins.awaitMail(
                    api, admin.auth(), id, mail -> mail.getString("status").equals("failed"));
        }

        LoginPage login = LoginPage.open(browser("de"), api.base());
        login.viewport(390, 844);
        assertEquals(0, login.sidewaysOverflow(), "login at 390 px");
        login.screenshot(NARROW_SHOTS.resolve("login.png"));
        SmtpPage smtp = login.logIn(admin.name(), admin.password());
        assertEquals(0, smtp.sidewaysOverflow(), "SMTP at 390 px: " + smtp.url());
        smtp.chooseCustom()
                .chooseTls("NONE")
                .chooseAuth("NONE")
                .fill("address", "mail-" + "relay".repeat(11) + "." + "westeurope".repeat(6) + ".example.invalid")
                .fill("port", closedPort())
                .fill("from", SMTP_USER)
                .sendTestEmail();
        assertTrue(smtp.has("testResult"), smtp.source());
        assertFalse(smtp.result().success());
        smtp.openDetails();
        assertEquals(0, smtp.sidewaysOverflow(), "SMTP with a failed test's report and transcript at 390 px");
        smtp.screenshot(NARROW_SHOTS.resolve("smtp-failed.png"));
        smtp.chooseAuth("OAUTH").chooseClientAuth("CLIENT_SECRET");
        assertEquals(0, smtp.sidewaysOverflow(), "SMTP with the OAuth help at 390 px");
        smtp.chooseClientAuth("CERTIFICATE");
        assertEquals(0, smtp.sidewaysOverflow(), "SMTP with the certificate's fields and help at 390 px");
        smtp.chooseClientAuth("SERVICE_ACCOUNT");
        assertEquals(0, smtp.sidewaysOverflow(), "SMTP with the JSON key's field and help at 390 px");
        UsersPage users = smtp.users();
        assertTrue(users.list().contains(name), users.list());
        assertEquals(0, users.sidewaysOverflow(), "Users at 390 px");
        assertEquals(0, users.overflowInside("users"), "the users table fits without scrolling inside");
        users.screenshot(NARROW_SHOTS.resolve("users.png"));
        OutboxPage outbox = users.outbox();
        assertTrue(outbox.failed(subject).text().contains("Recipient address rejected"));
        assertEquals(0, outbox.sidewaysOverflow(), "Outbox at 390 px");
        assertEquals(0, outbox.overflowInside("counts"), "the counts fit without scrolling inside");
        assertEquals(0, outbox.overflowInside("failed"), "the failed mails fit without scrolling inside");
        outbox.screenshot(NARROW_SHOTS.resolve("outbox.png"));
        assertFullWidth(outbox, "counts");

        outbox.viewport(1280, 900);
        assertFullWidth(outbox, "counts");
        assertFullWidth(outbox, "failed");
        assertFullWidth(outbox.users(), "users");
    }

    /** Where the phone-width test leaves its pictures, for a person to look at (not in docs/). */
    private static final Path NARROW_SHOTS = Path.of("target", "screenshots", "390px");

    private static void assertFullWidth(Page page, String table) {
        Page.Widths widths = page.widths(table);
        assertEquals(widths.container(), widths.element(), 1, table + " fills its container");
    }

    @Test
    void theResultOfSaveAndOfTheTestComesIntoViewAndHasTheFocus() {
        SmtpPage smtp = logIn(Admins.newAdmin(api));
        smtp.resize(1280, 900);
        fillBasic(smtp.chooseCustom(), greenMailPort());
        assertTrue(
                smtp.groups().containsAll(List.of("Sender", "Server and encryption", "Authentication", "Advanced")),
                smtp.groups().toString());

        smtp.save();
        assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
        assertTrue(smtp.inViewport("results"), "the saved message is in view");
        assertEquals("results", smtp.focusedId(), "and has the focus");
        assertEquals("-1", smtp.attribute("results", "tabindex"));
        assertEquals("polite", smtp.attribute("results", "aria-live"));

        smtp.fill("password", SMTP_PASSWORD).sendTestEmail();
        assertTrue(smtp.result().success(), smtp.result().toString());
        assertTrue(smtp.inViewport("testResult"), "the test's result is in view");
        assertEquals("results", smtp.focusedId());

        smtp.fill("port", closedPort()).fill("password", SMTP_PASSWORD).sendTestEmail();
        assertFalse(smtp.result().success());
        assertTrue(smtp.inViewport("testResult"), "a failure too");
        assertEquals("alert", smtp.attribute("testResult", "role"));
        assertEquals("results", smtp.focusedId());
    }

    @Test
    void theBannerSaysTheSavedSettingsAreBeingCheckedAndTurnsOkWithoutAReload() throws Exception {
        SmtpPage smtp = logIn(Admins.newAdmin(api));
        smtp.chooseCustom()
                .chooseTls("NONE")
                .chooseAuth("NONE")
                .fill("address", "127.0.0.1")
                .fill("port", closedPort())
                .fill("from", SMTP_USER)
                .save();
        assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
        smtp.mark("after the failing save");
        SmtpPage.Banner failing = smtp.awaitStatus("smtpBanner").banner();
        assertEquals("after the failing save", smtp.marker(), "the banner came without a reload");
        assertTrue(failing.text().contains("cannot be sent") && failing.text().contains("Node "), failing.text());
        assertTrue(failing.message().contains("Connection refused. "), "punctuated: " + failing.message());
        assertTrue(failing.since().equals("now") || failing.since().endsWith(" ago"), "relative: " + failing.since());
        assertTrue(smtp.bannerSinceInstant().endsWith("Z"), smtp.bannerSinceInstant());

        try (var slow = ScriptedSmtpServer.replying(Map.of()).holdGreetings()) {
            smtp.fill("port", slow.port()).save();
            assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
            assertFalse(smtp.has("smtpBanner"), "the old failure is not shown as the new settings' status");
            assertTrue(smtp.checkingBanner().contains("Checking the saved settings"), smtp.checkingBanner());
            assertTrue(smtp.checkingBanner().matches("(?s).*Node \\S+: checking.*"), smtp.checkingBanner());
            smtp.mark("after the fixing save");
            slow.releaseGreetings();
            smtp.awaitStatus("smtpOk");
        }
        assertEquals("after the fixing save", smtp.marker(), "without a reload");
        assertFalse(smtp.has("smtpBanner") || smtp.has("smtpChecking"));
        assertTrue(smtp.text("smtpOk").contains("every node can send"), smtp.text("smtpOk"));
        assertFalse(smtp.showsSmtpWarning(), "nor did the sidebar warn while the node checked");
    }

    @Test
    void theTlsModeProposesItsPortDisablesTheVersionWithoutTlsAndWarnsOfAClearTextPassword() {
        Account admin = Admins.newAdmin(api);
        Admins.saveSettings(api, admin.auth(), """
                {"default_smtp": false, "address": "127.0.0.1", "port": 587, "tls_mode": "starttls",
                 "from": "Reports <reports@example.com>", "auth_type": "none", "trusted_ca_pem": null}
                """);
        SmtpPage smtp = logIn(admin).chooseCustom().chooseAuth("BASIC");
        assertEquals("587", smtp.value("port"));
        smtp.chooseTlsMode("IMPLICIT");
        assertEquals("465", smtp.value("port"));
        assertTrue(smtp.enabled("tlsVersion"));
        assertFalse(smtp.shown("clearTextWarning"));

        smtp.chooseTlsMode("NONE");
        assertEquals("25", smtp.value("port"));
        assertFalse(smtp.enabled("tlsVersion"), "no TLS version without TLS");
        assertTrue(smtp.shown("clearTextWarning"), "a password in clear text");
        assertTrue(smtp.text("clearTextWarning").contains("clear text"), smtp.text("clearTextWarning"));
        smtp.chooseAuth("NONE");
        assertFalse(smtp.shown("clearTextWarning"), "no password, nothing to warn of");
        smtp.chooseAuth("BASIC");
        assertTrue(smtp.shown("clearTextWarning"));

        smtp.chooseTlsMode("STARTTLS");
        assertEquals("587", smtp.value("port"));
        assertTrue(smtp.enabled("tlsVersion"));
        assertFalse(smtp.shown("clearTextWarning"));

        smtp.fill("port", 2525).chooseTlsMode("IMPLICIT");
        assertEquals("2525", smtp.value("port"), "a port the admin typed stays");

        // the warning does not block: a clear-text password to a loopback server is saved
        fillBasic(smtp, greenMailPort()).save();
        assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
        assertTrue(smtp.shown("clearTextWarning"), "shown after the reload too");
        assertFalse(smtp.enabled("tlsVersion"));
        assertEquals(String.valueOf(greenMailPort()), smtp.value("port"));
    }

    @Test
    void theTestReportShowsTheCodeOnceAndCallsOnlyAServersAnswerAReply() throws Exception {
        try (var refusing =
                ScriptedSmtpServer.replying(Map.of("AUTH", "535 5.7.8 Authentication credentials invalid"))) {
            SmtpPage smtp = fillBasic(logIn(Admins.newAdmin(api)).chooseCustom(), refusing.port());
            SmtpPage.Result denied = smtp.sendTestEmail().result();
            assertEquals("535 5.7.8 Authentication credentials invalid", denied.reply());
            assertEquals("Server reply", smtp.replyLabel());

            SmtpPage.Result refused = smtp.fill("port", closedPort())
                    .fill("password", SMTP_PASSWORD)
                    .sendTestEmail()
                    .result();
            assertTrue(refused.reply().contains("Connection refused"), refused.reply());
            assertEquals("Error", smtp.replyLabel(), "no server sent a refused connection");
        }
    }

    @Test
    void basicAndOauthFieldsSwitchWithoutReloadingThePage() {
        SmtpPage smtp = logIn(Admins.newAdmin(api)).chooseCustom();
        smtp.mark("same page");

        smtp.chooseAuth("OAUTH").chooseClientAuth("CLIENT_SECRET");
        assertLabels(
                smtp,
                "clientId",
                "Client ID",
                "clientSecret",
                "Client secret",
                "tokenEndpoint",
                "Token URL",
                "scopes",
                "Scopes",
                "userName",
                "Username");
        assertFalse(smtp.has("password"), "no basic fields with OAuth");
        String help = smtp.help("oauth");
        for (String value : List.of(
                "smtp.office365.com",
                "587",
                "STARTTLS",
                "TLS 1.2",
                "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token",
                "https://outlook.office365.com/.default",
                "SMTP.SendAsApp")) {
            assertTrue(help.contains(value), value + " in " + help);
        }
        assertEquals("password", smtp.attribute("clientSecret", "type"));
        assertEquals("new-password", smtp.attribute("clientSecret", "autocomplete"));

        smtp.chooseAuth("BASIC");
        assertFalse(smtp.has("clientId"), "no OAuth fields with basic");
        assertTrue(smtp.help("basic").contains("PLAIN"));
        assertEquals("same page", smtp.marker(), "the fields changed without a full reload");
    }

    @Test
    void aBadFromIsShownNextToTheField() {
        SmtpPage smtp = fillBasic(logIn(Admins.newAdmin(api)).chooseCustom(), greenMailPort());
        smtp.fill("from", "Reports; Team <" + SMTP_USER + ">").save();
        assertFalse(smtp.fieldError("from").isBlank(), smtp.source());
        assertTrue(smtp.messages().contains("Please correct the marked fields"), smtp.messages());
        assertEquals("Reports; Team <" + SMTP_USER + ">", smtp.value("from"), "what the admin typed stays");
    }

    @Test
    void theMaximumMailsPerMinuteIsSetUnderAdvancedAndAValueOutOfRangeIsTheFieldsError() {
        SmtpPage smtp = fillBasic(logIn(Admins.newAdmin(api)).chooseCustom(), greenMailPort());
        assertLabels(smtp, "maxMailsPerMinute", "Maximum mails per minute");
        smtp.fill("maxMailsPerMinute", 0).save();
        assertTrue(
                smtp.fieldError("maxMailsPerMinute").contains("whole number from 1 to 100000"),
                smtp.fieldError("maxMailsPerMinute"));
        assertEquals(Map.of("maxMailsPerMinute", new SmtpPage.Marked(1, true, true)), smtp.markedFields());

        // nothing was saved yet, so the password is typed again (R6)
        smtp.fill("maxMailsPerMinute", 30).fill("password", SMTP_PASSWORD).save();
        assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
        assertEquals("30", smtp.value("maxMailsPerMinute"));
        assertEquals(30, api.get(Admins.SETTINGS, Api.admin()).json().getInt("max_mails_per_minute"));

        smtp.fill("maxMailsPerMinute", "").save();
        assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
        assertTrue(api.get(Admins.SETTINGS, Api.admin()).json().isNull("max_mails_per_minute"), "empty: no limit");
    }

    @Test
    void changingThePortAsksForThePasswordAgain() {
        SmtpPage smtp = fillBasic(logIn(Admins.newAdmin(api)).chooseCustom(), greenMailPort())
                .save();
        assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
        assertFalse(smtp.passwordHint().contains("again"), smtp.passwordHint());

        assertTrue(smtp.markedFields().isEmpty(), smtp.markedFields().toString());

        smtp.fill("port", greenMailPort() + 1).awaitPasswordHint("enter the password again");
        assertEquals("set — will not be reused for the new server", smtp.passwordState());
        assertEquals(Map.of("password", new SmtpPage.Marked(1, false, false)), smtp.markedFields(), "one hint");

        smtp.fill("from", "Reports; Team <" + SMTP_USER + ">").save();
        assertTrue(smtp.fieldError("password").contains("enter the password again"), smtp.fieldError("password"));
        assertEquals(
                Map.of("from", new SmtpPage.Marked(1, true, true), "password", new SmtpPage.Marked(1, true, true)),
                smtp.markedFields(),
                "exactly one message on each field with an error, marked for eyes and screen readers");
        assertEquals("set — will not be reused for the new server", smtp.passwordState());
        assertTrue(smtp.messages().contains("Please correct the marked fields"));

        smtp.fill("from", SMTP_USER).fill("password", SMTP_PASSWORD).save();
        assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
        assertEquals("set", smtp.passwordState());
        assertTrue(smtp.markedFields().isEmpty(), smtp.markedFields().toString());
    }

    @Test
    void theRateLimitSaysHowManySecondsToWait() {
        SmtpPage smtp = logIn(Admins.newAdmin(api))
                .chooseCustom()
                .chooseTls("NONE")
                .chooseAuth("NONE")
                .fill("address", "127.0.0.1")
                .fill("port", closedPort())
                .fill("from", SMTP_USER);
        for (int i = 0; i < 5; i++) {
            assertTrue(smtp.sendTestEmail().result().headline().contains("could not be sent"), smtp.source());
        }
        SmtpPage.Result failure = smtp.result();
        assertTrue(failure.stage().contains("connect"), failure.stage());
        assertEquals("Error", smtp.replyLabel());
        assertFalse(failure.hint().isBlank());
        smtp.sendTestEmail();
        var wait = Pattern.compile("try again in (\\d+) s").matcher(smtp.messages());
        assertTrue(wait.find(), smtp.messages());
        assertTrue(Integer.parseInt(wait.group(1)) > 0);
    }

    @Test
    void everyAdminSeesTheBannerAndTheSidebarIconAfterAFailingSave() {
        SmtpPage first = fillBasic(logIn(Admins.newAdmin(api)).chooseCustom(), closedPort())
                .save();
        assertTrue(first.messages().contains("Settings saved"), first.messages());

        UsersPage second = logIn(Admins.newAdmin(api)).open("admin/users.xhtml", UsersPage::new);
        second.reloadUntilSmtpWarning();
        var icon = second.smtpWarning();
        assertEquals("img", icon.role());
        assertEquals("SMTP has errors", icon.label());
        assertEquals("SMTP has errors", icon.title());

        SmtpPage smtp = second.smtp();
        SmtpPage.Banner banner = smtp.banner();
        assertTrue(banner.text().contains("cannot be sent"));
        assertTrue(banner.message().contains("connect"), banner.message());
        assertFalse(banner.node().isBlank());
        assertFalse(banner.since().isBlank());
        assertTrue(smtp.showsSmtpWarning(), "the icon is on every admin page");
    }

    @Test
    void germanFollowsTheBrowserAndTheSwitchKeepsTheChoice() {
        LoginPage login = LoginPage.open(browser("de"), api.base());
        assertLabels(login, "username", "Nutzername", "password", "Passwort");
        Account admin = Admins.newAdmin(api);
        SmtpPage german = login.logIn(admin.name(), admin.password());
        assertTrue(german.url().endsWith("/admin/smtp.xhtml"), german.url());
        assertEquals("de", german.language());
        assertLabels(
                german,
                "mode:0",
                "Standard-E-Mail-Einstellungen verwenden",
                "mode:1",
                "Benutzerdefinierte E-Mail-Einstellungen verwenden");
        german.chooseCustom().chooseAuth("BASIC");
        assertLabels(
                german,
                "address",
                "Mailserver",
                "from",
                "Von",
                "userName",
                "Nutzername",
                "password",
                "Passwort",
                "port",
                "Port",
                "tlsMode",
                "TLS/SSL",
                "tlsVersion",
                "TLS-Version",
                "authType",
                "Authentifizierungstyp");
        assertEquals("Speichern", german.value("save"));
        assertEquals("Test-E-Mail senden", german.value("test"));
        german.chooseAuth("OAUTH").chooseClientAuth("CLIENT_SECRET");
        assertLabels(
                german,
                "clientId",
                "Client-ID",
                "clientSecret",
                "Clientschlüssel",
                "tokenEndpoint",
                "Token-URL",
                "scopes",
                "Bereiche (Scopes)");
        // the rules' messages next to the fields speak German too
        german.fill("address", "smtp://mail.example.com").save();
        assertEquals("Die Client-ID ist für OAuth 2.0 erforderlich.", german.fieldError("clientId"));
        assertTrue(
                german.fieldError("address").startsWith("Geben Sie nur den Hostnamen ein"),
                german.fieldError("address"));

        german.switchLanguage("en");
        assertLabels(german, "mode:0", "Use default email settings");
        assertEquals("Users", german.users().heading(), "the choice is kept in the session");

        SmtpPage english = logIn(Admins.newAdmin(api));
        assertEquals("Save", english.value("save"));
        english.switchLanguage("de");
        assertEquals("Speichern", english.value("save"));
        assertEquals("Nutzer", english.users().heading());
    }

    @Test
    void theGermanPageShowsAFailedTestAndTheRulesInGerman() {
        Account admin = Admins.newAdmin(api);
        SmtpPage german = LoginPage.open(browser("de"), api.base()).logIn(admin.name(), admin.password());
        german.chooseCustom()
                .chooseTls("NONE")
                .chooseAuth("NONE")
                .fill("address", "127.0.0.1")
                .fill("port", closedPort())
                .fill("from", SMTP_USER);

        SmtpPage.Result failure = german.sendTestEmail().result();
        assertEquals("Die Test-E-Mail konnte nicht gesendet werden.", failure.headline());
        assertEquals("Verbinden (connect)", failure.stage());
        assertTrue(failure.reply().startsWith("Keine Verbindung zu 127.0.0.1:"), failure.reply());
        assertEquals("Fehler", german.replyLabel());
        assertEquals(
                "Die Verbindung wurde nicht angenommen: Prüfen Sie Mailserver, Port und Firewall.", failure.hint());

        // saved, the failing settings get the banner in German: "Knoten", the time relative in German
        german.save();
        assertTrue(german.messages().contains("Einstellungen gespeichert"), german.messages());
        SmtpPage.Banner banner = german.awaitStatus("smtpBanner").banner();
        assertTrue(banner.text().contains("Knoten " + banner.node()), banner.text());
        assertTrue(banner.since().equals("jetzt") || banner.since().startsWith("vor "), banner.since());

        // a rule that had only an English sentence, and the From rule's own sentence instead of one for every problem
        german.fill("address", "mail server")
                .fill("from", "Berichte; Team <" + SMTP_USER + ">")
                .save();
        assertEquals(
                "„mail server“ ist kein gültiger Hostname: Verwenden Sie Buchstaben, Ziffern, Punkte und "
                        + "Bindestriche.",
                german.fieldError("address"));
        assertTrue(
                german.fieldError("from").startsWith("Der Anzeigename darf nur Buchstaben, Ziffern, Leerzeichen"),
                german.fieldError("from"));
        assertTrue(german.messages().contains("Bitte korrigieren Sie die markierten Felder."), german.messages());
    }

    @Test
    void securityHeadersAreSetAndNoPageNeedsInlineScript() {
        SmtpPage smtp = logIn(Admins.newAdmin(api));
        for (String path : List.of(
                "login.xhtml",
                "nope.xhtml",
                "admin/smtp.xhtml",
                "admin/users.xhtml",
                "jakarta.faces.resource/mailroom/mailroom.js.xhtml")) {
            var reply = fetch(smtp, path);
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
        smtp.chooseCustom().chooseAuth("OAUTH").chooseClientAuth("CLIENT_SECRET");
        var inline = INLINE_SCRIPT.matcher(smtp.source());
        assertFalse(inline.find(), () -> "inline script or style: " + inline.group());
    }

    @Test
    void expiredViewsForbiddenPagesAndUnknownPagesGetTheirOwnPages() {
        LoginPage login = LoginPage.open(browser("en"), api.base());
        ExpiredPage expired = login.forgetSession().submit(Api.ADMIN, Api.ADMIN_PASSWORD, ExpiredPage::new);
        assertTrue(expired.explanation().contains("Nothing was saved"), expired.source());

        Account user = Admins.newUser(api);
        ErrorPage forbidden =
                expired.open("login.xhtml", LoginPage::new).submit(user.name(), user.password(), ErrorPage::new);
        assertTrue(forbidden.code().contains("403"), forbidden.source());
        assertTrue(forbidden.explanation().contains("Only administrators"));

        ErrorPage missing = forbidden.open("no-such-page.xhtml", ErrorPage::new);
        assertTrue(missing.code().contains("404"), missing.source());
    }

    @Test
    void theAuditPageShowsWhoDidWhatFilteredByKindInGerman() {
        String guesser = "guesser-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(
                401,
                api.get(Admins.SETTINGS, Api.basic(guesser, "wrong-guess-1")).status());
        Account admin = Admins.newAdmin(api);
        SmtpPage german = LoginPage.open(browser("de"), api.base()).logIn(admin.name(), admin.password());
        assertEquals("Protokoll", german.navLabel("audit"));

        AuditPage audit = german.audit();
        assertEquals("Protokoll", audit.heading());
        assertEquals(List.of("audit"), audit.currentNav());
        assertLabels(audit, "actor", "Wer", "kind", "Art", "since", "Seit (UTC)");
        assertEquals("Filtern", audit.value("filter"));
        assertEquals(List.of("Zeit", "Wer", "Art", "Einzelheiten", "Client-Adresse", "Knoten"), audit.columns());
        assertTrue(
                audit.options("kind").contains("Anmeldung fehlgeschlagen"),
                audit.options("kind").toString());
        assertFalse(INLINE_SCRIPT.matcher(audit.source()).find(), "no inline script or style");

        audit = audit.filter("", "login_failed");
        assertFalse(audit.kinds().isEmpty(), audit.source());
        assertTrue(
                audit.kinds().stream().allMatch("login_failed"::equals),
                audit.kinds().toString());
        assertTrue(audit.url().contains("kind=login_failed"), "the filter is in the URL: " + audit.url());
        String failed = audit.entries().stream()
                .filter(e -> e.contains(guesser))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no failed login of " + guesser));
        assertTrue(failed.contains("Anmeldung fehlgeschlagen") && failed.contains("basic"), failed);
        assertTrue(
                audit.times().get(0).matches("\\d{4}-.*Z .*(Sekunde|Minute|jetzt).*"),
                audit.times().toString());

        audit = audit.filter(admin.name(), "login_succeeded");
        assertEquals(List.of("login_succeeded"), audit.kinds(), "the admin's own login on the page");
        assertTrue(audit.entries().get(0).contains("page"), audit.entries().toString());
        audit = audit.filter(guesser, "login_succeeded");
        assertTrue(audit.empty(), "the guesser never got in");
        assertTrue(audit.text("noEntries").contains("Keine Einträge"));
    }

    @Test
    void theOutboxShowsAFailedMailWithTheServersAnswerAndResendsIt() throws Exception {
        Account admin = Admins.newAdmin(api);
        String subject = "Quarterly report " + UUID.randomUUID().toString().substring(0, 6);
        try (var refusing = ScriptedSmtpServer.replying(Map.of("RCPT", "550 5.1.1 User unknown"))) {
            Admins.saveSettings(api, admin.auth(), noAuthSettings(refusing.port()));
            String id = Admins.queue(api, admin.auth(), Admins.mail("nobody@example.com", subject));
            Admins.awaitMail(
                    api, admin.auth(), id, mail -> mail.getString("status").equals("failed"));
        }

        OutboxPage outbox = logIn(admin).outbox();
        assertTrue(outbox.count("failed") >= 1, outbox.counts());
        OutboxPage.FailedMail failed = outbox.failed(subject);
        assertTrue(failed.text().contains("550 5.1.1 User unknown"), failed.text());

        // the admin fixes the settings, then resends
        Admins.saveSettings(api, admin.auth(), noAuthSettings(greenMailPort()));
        outbox = failed.resend();
        assertTrue(outbox.messages().contains("queued again"), outbox.messages());
        awaitReceived(m -> subject.equals(m.getSubject()), "the resent mail");

        outbox.switchLanguage("de");
        assertTrue(outbox.heading().contains("Postausgang"), outbox.heading());
    }

    private interface Wanted {
        boolean test(MimeMessage message) throws MessagingException;
    }

    /**
     * Waits for the mail a test sent to this test's GreenMail, whatever else arrives there: the test classes share
     * one database, and mail an earlier class left in the outbox goes wherever the settings now point.
     */
    private void awaitReceived(Wanted wanted, String what) {
        Await.until(
                Duration.ofSeconds(30),
                () -> Stream.of(greenMail.getReceivedMessages())
                        .filter(m -> {
                            try {
                                return wanted.test(m);
                            } catch (MessagingException e) {
                                throw new IllegalStateException(e);
                            }
                        })
                        .count(),
                found -> found > 0,
                found -> what + " did not arrive");
    }

    private static String noAuthSettings(int port) {
        return """
                {"default_smtp": false, "address": "127.0.0.1", "port": %d, "tls_mode": "none",
                 "from": "Reports <reports@example.com>", "auth_type": "none", "trusted_ca_pem": null}
                 """.formatted(port);
    }

    @Test
    void anAdminConfiguresACertificateSeesItsFactsAndTheKeyNeverReachesThePage() throws Exception {
        Account admin = Admins.newAdmin(api);
        TestKeys keys = TestKeys.rsa();
        TestKeys other = TestKeys.rsa();
        try (var tokens = new AssertionTokenServer();
                var mailServer = new XOAuth2SmtpServer(tokens.validLogins())) {
            tokens.register(keys.certificate());
            SmtpPage smtp = fillCertificateSettings(logIn(admin).chooseCustom(), tokens, mailServer.port());
            assertLabels(
                    smtp,
                    "oauthClientAuth:0",
                    "Client secret",
                    "oauthClientAuth:1",
                    "Certificate",
                    "oauthClientAuth:2",
                    "Google service account",
                    "clientCertificate",
                    "Certificate (PEM)",
                    "clientPrivateKey",
                    "Private key (PEM)",
                    "clientId",
                    "Client ID",
                    "tokenEndpoint",
                    "Token URL");
            assertFalse(smtp.has("clientSecret"), "no client secret with a certificate");
            for (String id : List.of("clientCertificate", "clientPrivateKey")) {
                assertEquals("off", smtp.attribute(id, "autocomplete"), id);
                assertEquals("false", smtp.attribute(id, "spellcheck"), id);
            }
            String help = smtp.help("certificate");
            for (String value : List.of(
                    "Certificates & secrets",
                    "https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token",
                    "https://outlook.office365.com/.default",
                    "SMTP.SendAsApp",
                    "service principal")) {
                assertTrue(help.contains(value), value + " in " + help);
            }

            // a key of another certificate: refused on the private key, nothing stored, nothing echoed
            long version = settingsVersion();
            smtp.paste("clientCertificate", keys.certificatePem())
                    .paste("clientPrivateKey", other.privateKeyPem())
                    .save();
            assertEquals("The private key does not belong to the certificate.", smtp.fieldError("clientPrivateKey"));
            assertEquals("true", smtp.attribute("clientPrivateKey", "aria-invalid"));
            assertTrue(smtp.attribute("clientPrivateKey", "aria-describedby").contains("clientPrivateKeyMessage"));
            assertEquals(version, settingsVersion(), "nothing stored");
            assertEquals("", smtp.value("clientCertificate"), "never re-rendered after a refused save");
            assertEquals("", smtp.value("clientPrivateKey"), "never re-rendered after a refused save");
            assertNoKeyMaterial(smtp.source(), keys, other);

            // the matching pair: stored, shown as set with the certificate's public facts
            smtp.paste("clientCertificate", keys.certificatePem())
                    .paste("clientPrivateKey", keys.privateKeyPem())
                    .save();
            assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
            assertEquals("set", smtp.secretState("certificateState"));
            assertEquals(TestKeys.SUBJECT, smtp.text("certificateSubject"));
            assertEquals(keys.sha1Hex(), smtp.text("certificateThumbprint"));
            assertEquals(
                    keys.certificate()
                            .getNotAfter()
                            .toInstant()
                            .truncatedTo(ChronoUnit.SECONDS)
                            .toString(),
                    smtp.attribute("certificateExpires", "datetime"));
            assertTrue(
                    smtp.text("certificateExpires")
                            .contains(String.valueOf(keys.certificate()
                                    .getNotAfter()
                                    .toInstant()
                                    .atZone(ZoneOffset.UTC)
                                    .getYear())),
                    smtp.text("certificateExpires"));
            assertFalse(smtp.has("certificateBanner"), "a year ahead: no banner");
            assertEquals("", smtp.value("clientCertificate"));
            assertEquals("", smtp.value("clientPrivateKey"));
            assertNoKeyMaterial(smtp.source(), keys, other);
            assertNoKeyMaterial(fetch(smtp, "admin/smtp.xhtml").body(), keys, other);
            if (Browsers.chromium()) {
                smtp.scrollTo("groupAuth").screenshot(NARROW_SHOTS.resolveSibling("smtp-certificate.png"));
            }

            // the test email signs an assertion that the token endpoint verifies, then logs in with its token
            SmtpPage.Result result = smtp.sendTestEmail().result();
            assertTrue(result.success(), result.toString());
            assertTrue(tokens.acceptedRequests().size() >= 1, tokens.received.toString());
            assertFalse(mailServer.accepted.isEmpty(), "XOAUTH2 with the token of the signed assertion");
            assertEquals("", smtp.value("clientPrivateKey"), "nor after a test");
            assertNoKeyMaterial(smtp.source(), keys, other);
        }
    }

    @Test
    void aCertificateThatExpiresWithinThirtyDaysShowsABannerAndTheSidebarIcon() throws Exception {
        Instant now = Instant.now();
        TestKeys keys = TestKeys.rsa(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(10)));
        try (var tokens = new AssertionTokenServer();
                var mailServer = new XOAuth2SmtpServer(tokens.validLogins())) {
            tokens.register(keys.certificate());
            SmtpPage smtp = fillCertificateSettings(
                            logIn(Admins.newAdmin(api)).chooseCustom(), tokens, mailServer.port())
                    .paste("clientCertificate", keys.certificatePem())
                    .paste("clientPrivateKey", keys.privateKeyPem())
                    .save();
            assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
            String banner = smtp.certificateBanner();
            assertTrue(banner.startsWith("The OAuth certificate expires on "), banner);
            assertTrue(
                    banner.endsWith(": create a new one, upload it to the app in Entra ID and enter it here."), banner);
            assertEquals("status", smtp.attribute("certificateBanner", "role"));
            assertTrue(smtp.showsSmtpWarning(), "the sidebar's icon too");
            if (Browsers.chromium()) {
                smtp.scrollTo("certificateBanner")
                        .screenshot(NARROW_SHOTS.resolveSibling("smtp-certificate-banner.png"));
            }

            // mail can be sent (or is being checked): the icon is there for the certificate alone, on every page
            UsersPage users = smtp.users();
            assertEquals(
                    "The OAuth certificate expires soon", users.smtpWarning().label());

            smtp = users.smtp();
            smtp.switchLanguage("de");
            banner = smtp.certificateBanner();
            assertTrue(banner.startsWith("Das OAuth-Zertifikat läuft am "), banner);
            assertTrue(banner.contains(" ab: Erstellen Sie ein neues"), banner);
        }
    }

    @Test
    void aGoogleServiceAccountKeyIsUploadedItsFactsShownAndAKeyOfTheWrongTypeRefused() throws Exception {
        Account admin = Admins.newAdmin(api);
        try (var tokens = new AssertionTokenServer()) {
            GoogleKeyFile key = GoogleKeyFile.create(tokens.googleUri());
            SmtpPage smtp = logIn(admin)
                    .chooseCustom()
                    .chooseTls("NONE")
                    .chooseAuth("OAUTH")
                    .chooseClientAuth("SERVICE_ACCOUNT")
                    .fill("address", "127.0.0.1")
                    .fill("port", closedPort())
                    .fill("from", SMTP_USER)
                    .fill("userName", SMTP_USER)
                    .fill("scopes", "");
            assertLabels(smtp, "serviceAccountKey", "JSON key");
            assertFalse(smtp.has("clientId"), "the client ID comes from the key");
            assertFalse(smtp.has("tokenEndpoint"), "the token URL comes from the key");
            assertEquals("https://mail.google.com/", smtp.attribute("scopes", "placeholder"));
            String help = smtp.help("google");
            for (String value : List.of(
                    "service account",
                    "JSON key",
                    "smtp.gmail.com",
                    "587",
                    "STARTTLS",
                    "Domain-wide delegation",
                    "https://mail.google.com/")) {
                assertTrue(help.contains(value), value + " in " + help);
            }

            long version = settingsVersion();
            smtp.paste("serviceAccountKey", GoogleKeyFile.authorizedUserJson()).save();
            assertTrue(
                    smtp.fieldError("serviceAccountKey").contains("\"authorized_user\""),
                    smtp.fieldError("serviceAccountKey"));
            assertEquals("true", smtp.attribute("serviceAccountKey", "aria-invalid"));
            assertEquals(version, settingsVersion(), "nothing stored");
            assertEquals("", smtp.value("serviceAccountKey"), "never re-rendered after a refused save");

            Path file = Files.createTempFile("mailroom-service-account", ".json");
            try {
                Files.writeString(file, key.json());
                if (Browsers.chromium()) {
                    smtp.upload("serviceAccountKey", file);
                } else {
                    smtp.paste("serviceAccountKey", key.json());
                }
            } finally {
                Files.delete(file);
            }
            assertTrue(smtp.value("serviceAccountKey").contains("\"private_key_id\""));
            smtp.save();
            assertTrue(smtp.messages().contains("Settings saved"), smtp.messages());
            assertEquals("set", smtp.secretState("serviceAccountKeyState"));
            assertEquals(key.clientEmail(), smtp.text("serviceAccountEmail"));
            assertEquals(key.clientId(), smtp.text("serviceAccountClientId"));
            assertEquals(key.privateKeyId(), smtp.text("serviceAccountKeyId"));
            assertEquals("https://mail.google.com/", smtp.value("scopes"), "Gmail's scope when none is entered");
            assertFalse(smtp.has("clientId"));
            assertFalse(smtp.has("tokenEndpoint"));
            assertEquals("", smtp.value("serviceAccountKey"));
            assertNoKeyMaterial(smtp.source(), key.keys());
            assertFalse(smtp.source().contains(key.privateKeyId() + "\",\n"), "not the JSON itself");
            assertNoKeyMaterial(fetch(smtp, "admin/smtp.xhtml").body(), key.keys());
            if (Browsers.chromium()) {
                smtp.scrollTo("groupAuth").screenshot(NARROW_SHOTS.resolveSibling("smtp-service-account.png"));
            }

            smtp.switchLanguage("de");
            assertLabels(
                    smtp,
                    "oauthClientAuth:0",
                    "Clientschlüssel",
                    "oauthClientAuth:1",
                    "Zertifikat",
                    "oauthClientAuth:2",
                    "Google-Dienstkonto",
                    "serviceAccountKey",
                    "JSON-Schlüssel");
            assertEquals("gesetzt", smtp.secretState("serviceAccountKeyState"));
            assertTrue(smtp.help("google").contains("Domainweite Delegierung"), smtp.help("google"));
            smtp.chooseClientAuth("CERTIFICATE");
            assertLabels(smtp, "clientCertificate", "Zertifikat (PEM)", "clientPrivateKey", "Privater Schlüssel (PEM)");
        }
    }

    /** OAuth with a certificate against the token server's Entra endpoint; the key material is left to the test. */
    private static SmtpPage fillCertificateSettings(SmtpPage smtp, AssertionTokenServer tokens, int port) {
        return smtp.chooseTls("NONE")
                .chooseAuth("OAUTH")
                .chooseClientAuth("CERTIFICATE")
                .fill("address", "127.0.0.1")
                .fill("port", port)
                .fill("from", "Page Test <" + SMTP_USER + ">")
                .fill("userName", SMTP_USER)
                .fill("clientId", tokens.entraClientId())
                .fill("tokenEndpoint", tokens.entraUri())
                .fill("scopes", AssertionTokenServer.ENTRA_SCOPE);
    }

    private long settingsVersion() {
        var reply = api.get(Admins.SETTINGS, Api.admin());
        assertEquals(200, reply.status(), reply.body());
        return reply.json().getJsonNumber("version").longValue();
    }

    /** No line of the keys' or certificates' base64 is in the HTML. */
    private static void assertNoKeyMaterial(String html, TestKeys... keys) {
        for (TestKeys k : keys) {
            for (String pem : List.of(k.privateKeyPem(), k.certificatePem())) {
                pem.lines()
                        .filter(line -> !line.startsWith("-----"))
                        .forEach(line -> assertFalse(html.contains(line), "key material in the page: " + line));
            }
        }
    }

    // --- helpers

    private WebDriver browser(String language) {
        var session = Browsers.open(language);
        sessions.add(session);
        return session.driver();
    }

    /** A fresh English browser, logged in as the account: on Admin › SMTP. */
    private SmtpPage logIn(Account account) {
        return LoginPage.open(browser("en"), api.base()).logIn(account.name(), account.password());
    }

    /** Basic authentication against a loopback server without TLS (GreenMail speaks plain SMTP). */
    private static SmtpPage fillBasic(SmtpPage smtp, int port) {
        return smtp.chooseTls("NONE")
                .chooseAuth("BASIC")
                .fill("address", "127.0.0.1")
                .fill("port", port)
                .fill("from", "Page Test <" + SMTP_USER + ">")
                .fill("userName", SMTP_USER)
                .fill("password", SMTP_PASSWORD);
    }

    /** The page's HTML as the server sends it, fetched outside the browser with the browser's session. */
    private Api.Reply fetch(Page page, String path) {
        return api.get(path, null, "Cookie", page.sessionCookie());
    }

    /**
     * For each pair of a field's id and a text: a real {@code <label for>}, exactly one, with exactly this text,
     * pointing at an element that exists.
     */
    private static void assertLabels(Page page, String... idsAndTexts) {
        for (int i = 0; i < idsAndTexts.length; i += 2) {
            String forId = idsAndTexts[i];
            assertEquals(List.of(idsAndTexts[i + 1]), page.labels(forId), "one label for " + forId);
            assertTrue(page.has(forId), forId + " exists");
        }
    }

    private int greenMailPort() {
        return greenMail.getSmtp().getPort();
    }

    /** A loopback port nobody listens on: connecting is refused at once. */
    private static int closedPort() {
        return Loopback.freePort();
    }
}
