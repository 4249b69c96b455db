package com.mailroom.it.pages;

import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Admin › SMTP: default or custom settings, the fields of the chosen authentication type (swapped by ajax), Save,
 * Send test email and its report, and the banner while the SMTP status is invalid.
 */
public final class SmtpPage extends AdminPage {

    /** A field only each authentication type shows, to wait for after choosing it. */
    private static final Map<String, String> AUTH_FIELD =
            Map.of("BASIC", "password", "OAUTH", "clientId", "NONE", "help-none");

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

    /** The banner above the form while the SMTP status is invalid. */
    public Banner banner() {
        return new Banner(text("smtpBanner"), text("bannerMessage"), text("bannerNode"), text("bannerSince"));
    }

    /** @param message the failing check's message; {@code node} and {@code since}: which node found it, and when */
    public record Banner(String text, String message, String node, String since) {}
}
