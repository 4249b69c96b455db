package com.mailroom.it.pages;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Admin › SMTP: default or custom settings, the fields of the chosen authentication type (swapped by ajax), Save,
 * Send test email and its report, and the banner while the SMTP status is invalid.
 */
public final class SmtpPage extends AdminPage {

    /** A field only each authentication type shows, to wait for after choosing it. */
    private static final Map<String, String> AUTH_FIELD =
            Map.of("BASIC", "password", "OAUTH", "oauthClientAuth:0", "NONE", "help-none");

    /** The OAuth client authentications in the order of their radio buttons, and a field only each one shows. */
    private static final List<String> CLIENT_AUTHS = List.of("CLIENT_SECRET", "CERTIFICATE", "SERVICE_ACCOUNT");

    private static final Map<String, String> CLIENT_AUTH_FIELD = Map.of(
            "CLIENT_SECRET", "clientSecret", "CERTIFICATE", "clientPrivateKey", "SERVICE_ACCOUNT", "serviceAccountKey");

    public SmtpPage(WebDriver driver, String base) {
        super(driver, base, "settings");
    }

    /** "Use custom email settings": the server fields appear (an ajax update). */
    public SmtpPage chooseCustom() {
        driver.findElement(By.id("mode:1")).click();
        waitFor(d -> has("address"), "the custom settings' fields");
        idle();
        return this;
    }

    /** TLS/SSL: {@code NONE}, {@code STARTTLS} or {@code IMPLICIT}. */
    public SmtpPage chooseTls(String mode) {
        select("tlsMode", mode);
        return this;
    }

    /** Authentication type: {@code NONE}, {@code BASIC} or {@code OAUTH}; waits until that type's fields are shown. */
    public SmtpPage chooseAuth(String type) {
        select("authType", type);
        waitFor(d -> has(AUTH_FIELD.get(type)), "the fields of " + type);
        return this;
    }

    /**
     * OAuth client authentication: {@code CLIENT_SECRET}, {@code CERTIFICATE} or {@code SERVICE_ACCOUNT}; waits until
     * its fields are shown.
     */
    public SmtpPage chooseClientAuth(String kind) {
        idle();
        driver.findElement(By.id("oauthClientAuth:" + CLIENT_AUTHS.indexOf(kind)))
                .click();
        waitFor(d -> has(CLIENT_AUTH_FIELD.get(kind)), "the fields of " + kind);
        idle();
        return this;
    }

    /** Pastes text into a text area (the certificate, private key or JSON key), as Ctrl+V would. */
    public SmtpPage paste(String field, String text) {
        idle();
        script(
                "var area = document.getElementById(arguments[0]); area.value = arguments[1];"
                        + " area.dispatchEvent(new Event('input', {bubbles: true}));",
                field,
                text);
        return this;
    }

    /**
     * Chooses a file with the picker beside a text area ({@code <field>File}) and waits until the browser has read
     * it into the text area.
     */
    public SmtpPage upload(String field, Path file) {
        idle();
        driver.findElement(By.id(field + "File")).sendKeys(file.toAbsolutePath().toString());
        waitFor(d -> !value(field).isEmpty(), "the file read into " + field);
        return this;
    }

    /** A secret's badge: {@code passwordState}, {@code certificateState}, {@code serviceAccountKeyState} … */
    public String secretState(String badgeId) {
        return text(badgeId);
    }

    /** Scrolls an element to the top of the window (for a picture of it). */
    public SmtpPage scrollTo(String id) {
        script("document.getElementById(arguments[0]).scrollIntoView({block: 'start'});", id);
        return this;
    }

    /** The banner while the OAuth certificate in use expires within 30 days or has expired. */
    public String certificateBanner() {
        return text("certificateBanner");
    }

    /** Types into a field ({@code address}, {@code port}, {@code from}, {@code userName}, {@code password} …). */
    public SmtpPage fill(String field, Object value) {
        type(field, String.valueOf(value));
        return this;
    }

    public SmtpPage save() {
        clickThrough("save");
        return this;
    }

    public SmtpPage sendTestEmail() {
        clickThrough("test");
        return this;
    }

    /** Chooses a TLS mode by keyboard-free selection and waits for the update (port proposal, re-entry hints). */
    public SmtpPage chooseTlsMode(String mode) {
        select("tlsMode", mode);
        idle();
        return this;
    }

    /** Whether an input or select can be used (not disabled). */
    public boolean enabled(String id) {
        return driver.findElement(By.id(id)).isEnabled();
    }

    /** Whether an element is shown (the clear-text warning, the checking banner …). */
    public boolean shown(String id) {
        var found = driver.findElements(By.id(id));
        return !found.isEmpty() && found.get(0).isDisplayed();
    }

    /** The legends of the form's groups, in page order. */
    public List<String> groups() {
        return driver.findElements(By.cssSelector("#customFields fieldset > legend")).stream()
                .map(l -> l.getText().strip())
                .toList();
    }

    /**
     * Every field that shows a problem, by input id: how many messages it shows (a non-empty error, or a re-entry
     * hint), whether the input says {@code aria-invalid="true"} and whether the field has the error style.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Marked> markedFields() {
        var raw = (Map<String, List<Object>>) script("var out = {};"
                + " document.querySelectorAll('#settings .field').forEach(function (f) {"
                + "   var input = f.querySelector('input, select, textarea');"
                + "   var messages = Array.prototype.filter.call("
                + "       f.querySelectorAll('.field-error, .hint .warn'),"
                + "       function (m) { return m.textContent.trim() !== ''; }).length;"
                + "   var invalid = input.getAttribute('aria-invalid') === 'true';"
                + "   if (messages > 0 || invalid) {"
                + "     out[input.id] = [messages, invalid, f.classList.contains('invalid')];"
                + "   }"
                + " });"
                + " return out;");
        var marked = new TreeMap<String, Marked>();
        raw.forEach((id, v) ->
                marked.put(id, new Marked(((Number) v.get(0)).intValue(), (Boolean) v.get(1), (Boolean) v.get(2))));
        return marked;
    }

    /** @param messages how many messages the field shows; {@code ariaInvalid}, {@code styled}: marked as wrong */
    public record Marked(int messages, boolean ariaInvalid, boolean styled) {}

    /** The label of the test report's reply line: "Server reply" or, when no server replied, "Error". */
    public String replyLabel() {
        return text("testReplyLabel");
    }

    /** The report of the last "Send test email" on this page. */
    public Result result() {
        if (has("testSuccess")) {
            return new Result(true, text("testSuccess"), "", "", "");
        }
        return new Result(false, text("testFailure"), text("testStage"), text("testReply"), text("testHint"));
    }

    /**
     * @param headline "Test email sent to …" or "… could not be sent"
     * @param stage    for a failure: where it failed
     * @param reply    for a failure: the server's reply code and text, or what Mailroom found
     * @param hint     for a failure: what to do
     */
    public record Result(boolean success, String headline, String stage, String reply, String hint) {}

    /** The badge next to the password: whether one is stored. */
    public String passwordState() {
        return text("passwordState");
    }

    /** The hint under the password, e.g. that it must be entered again. */
    public String passwordHint() {
        return text("passwordHint");
    }

    /** Waits until the password hint (re-rendered by ajax) contains the text, and answers it. */
    public String awaitPasswordHint(String containing) {
        waitFor(d -> passwordHint().contains(containing), "a password hint with \"" + containing + "\"");
        return passwordHint();
    }

    /** The help panel of an authentication type. */
    public String help(String authType) {
        return text("help-" + authType.toLowerCase(Locale.ROOT));
    }

    /** The banner while nodes check the saved settings: per node "Node name: checking …" etc. */
    public String checkingBanner() {
        return text("smtpChecking");
    }

    /** Waits, without reloading, until the status shows this element: smtpChecking, smtpBanner or smtpOk. */
    public SmtpPage awaitStatus(String id) {
        waitFor(d -> has(id), "the status #" + id + " without a reload", Duration.ofSeconds(40));
        idle();
        return this;
    }

    /** The {@code datetime} of the banner's "last checked". */
    public String bannerSinceInstant() {
        return attribute("bannerSince", "datetime");
    }

    /** The banner above the form while the SMTP status is invalid. */
    public Banner banner() {
        return new Banner(text("smtpBanner"), text("bannerMessage"), text("bannerNode"), text("bannerSince"));
    }

    /** @param message the failing check's message; {@code node} and {@code since}: which node found it, and when */
    public record Banner(String text, String message, String node, String since) {}
}
