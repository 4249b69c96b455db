package com.mailroom.it.pages;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Admin › Audit: the audit trail with its filters (actor, kind, since) and pages. */
public final class AuditPage extends AdminPage {

    public AuditPage(WebDriver driver, String base) {
        super(driver, base, "filterForm");
    }

    /** Filters by actor (empty for anyone) and kind (its wire name, empty for any); the page comes again. */
    public AuditPage filter(String actor, String kind) {
        type("actor", actor);
        select("kind", kind);
        return clickThrough("filter", AuditPage::new);
    }

    /** The table's column headers. */
    public List<String> columns() {
        return driver.findElements(By.cssSelector("#entries thead th")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** The wire names of the kinds of the entries shown, newest first. */
    public List<String> kinds() {
        return rows().stream().map(row -> row.getAttribute("data-kind")).toList();
    }

    /** The entries shown as text, one per row. */
    public List<String> entries() {
        return rows().stream().map(WebElement::getText).toList();
    }

    /** Whether the page says there are no entries. */
    public boolean empty() {
        return has("noEntries");
    }

    /** The time cells' {@code datetime} attributes and texts (written by mailroom.js). */
    public List<String> times() {
        return driver.findElements(By.cssSelector("#entries time[datetime]")).stream()
                .map(t -> t.getAttribute("datetime") + " " + t.getText())
                .toList();
    }

    private List<WebElement> rows() {
        return driver.findElements(By.cssSelector("#entries tbody tr"));
    }
}
