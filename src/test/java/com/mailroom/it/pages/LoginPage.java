package com.mailroom.it.pages;

import org.openqa.selenium.WebDriver;

/** The login page, which every admin page sends a visitor without a session to. */
public final class LoginPage extends Page {

    public LoginPage(WebDriver driver, String base) {
        super(driver, base, "loginForm");
    }

    public static LoginPage open(WebDriver driver, String base) {
        return open(driver, base, "login.xhtml", LoginPage::new);
    }

    /** The caption of the log-in button. */
    public String buttonLabel() {
        return value("login");
    }

    @Override
    public String messages() {
        return text("loginMessages");
    }

    /** Submits the form and expects the login page again (wrong credentials). */
    public LoginPage submit(String user, String password) {
        return submit(user, password, LoginPage::new);
    }

    /** Submits the form and expects the page {@code next}. */
    public <P extends Page> P submit(String user, String password, Kind<P> next) {
        type("username", user);
        type("password", password);
        return clickThrough("login", next);
    }

    /** Logs in and lands where a login without a page asked for first lands: Admin › SMTP. */
    public SmtpPage logIn(String user, String password) {
        return submit(user, password, SmtpPage::new);
    }

    /** Drops the session cookie, so the form's view state is gone on the server's side when it is posted. */
    public LoginPage forgetSession() {
        driver.manage().deleteAllCookies();
        return this;
    }
}
