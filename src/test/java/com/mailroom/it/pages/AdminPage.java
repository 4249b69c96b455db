package com.mailroom.it.pages;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** The admin shell every admin page shares: who is signed in, the sidebar with its SMTP warning icon, logout. */
public abstract class AdminPage extends Page {

    protected AdminPage(WebDriver driver, String base, String markerId) {
        super(driver, base, markerId);
    }

    /** The header's "Signed in as …". */
    public String signedIn() {
        return text("signedIn");
    }

    /** The caption of a sidebar link: {@code smtp}, {@code users}, {@code outbox} or {@code audit}. */
    public String navLabel(String page) {
        return text("nav-" + page);
    }

    /** The sidebar entries marked as the page shown ({@code aria-current="page"}): {@code smtp}, {@code users} … */
    public List<String> currentNav() {
        return driver.findElements(By.cssSelector("nav.sidebar a[aria-current='page']")).stream()
                .map(link -> link.getAttribute("id").substring("nav-".length()))
                .toList();
    }

    public SmtpPage smtp() {
        return clickThrough("nav-smtp", SmtpPage::new);
    }

    public UsersPage users() {
        return clickThrough("nav-users", UsersPage::new);
    }

    public OutboxPage outbox() {
        return clickThrough("nav-outbox", OutboxPage::new);
    }

    public AuditPage audit() {
        return clickThrough("nav-audit", AuditPage::new);
    }

    public LoginPage logout() {
        return clickThrough("logout", LoginPage::new);
    }

    public boolean showsSmtpWarning() {
        return has("smtpWarning");
    }

    /** The sidebar's warning icon next to SMTP, as assistive technology reads it. */
    public Icon smtpWarning() {
        return new Icon(
                attribute("smtpWarning", "role"),
                attribute("smtpWarning", "aria-label"),
                attribute("smtpWarning", "title"));
    }

    public record Icon(String role, String label, String title) {}

    /**
     * Reloads the page until it shows the SMTP warning: the status changes in the background, and a page shows it
     * when it is rendered.
     */
    public void reloadUntilSmtpWarning() {
        waitFor(
                d -> {
                    if (showsSmtpWarning()) {
                        return true;
                    }
                    d.navigate().refresh();
                    return false;
                },
                "the SMTP warning icon",
                Duration.ofSeconds(20));
    }
}
