package com.mailroom.it.pages;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Mailroom page in a browser, as the tests see it. Making one waits until the browser shows that page (an element
 * only it has); every action waits for what it sets off to finish: a full page load after a button or link, a Faces
 * ajax update after a field changes. Nothing here sleeps: each wait is a {@link WebDriverWait} on a condition.
 */
public abstract class Page {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    /** Makes the page object for the page the browser shows now, e.g. {@code LoginPage::new}. */
    @FunctionalInterface
    public interface Kind<P extends Page> {
        P of(WebDriver driver, String base);
    }

    protected final WebDriver driver;
    protected final String base;

    /** @param markerId an element only this page has: waited for, so the page object matches the browser */
    protected Page(WebDriver driver, String base, String markerId) {
        this.driver = driver;
        this.base = base;
        waitFor(
                d -> !d.findElements(By.id(markerId)).isEmpty(),
                "#" + markerId + " of " + getClass().getSimpleName());
    }

    /** Loads {@code base + path} and expects the page {@code kind} there (e.g. the login page, when signed out). */
    public static <P extends Page> P open(WebDriver driver, String base, String path, Kind<P> kind) {
        driver.get(base + path);
        return kind.of(driver, base);
    }

    /** Loads another address in this browser. */
    public <P extends Page> P open(String path, Kind<P> kind) {
        return open(driver, base, path, kind);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** The page as the browser has it now, after any ajax updates. */
    public String source() {
        return driver.getPageSource();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The document's {@code lang}. */
    public String language() {
        return driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** The texts of the {@code <label for="forId">} elements. */
    public List<String> labels(String forId) {
        return driver.findElements(By.cssSelector("label[for='" + forId + "']")).stream()
                .map(label -> label.getText().strip())
                .toList();
    }

    public boolean has(String id) {
        return !driver.findElements(By.id(id)).isEmpty();
    }

    public String text(String id) {
        return driver.findElement(By.id(id)).getText().strip();
    }

    /** An input's value, or a button's caption. */
    public String value(String id) {
        return attribute(id, "value");
    }

    public String attribute(String id, String name) {
        return driver.findElement(By.id(id)).getAttribute(name);
    }

    /** The captions of a select's options. */
    public List<String> options(String id) {
        return new Select(driver.findElement(By.id(id)))
                .getOptions().stream().map(WebElement::getText).toList();
    }

    /** The page's global messages (saved, refused, rate limited …). */
    public String messages() {
        return text("messages");
    }

    /** The message next to a field, from the rules the server applied. */
    public String fieldError(String field) {
        return text(field + "Message");
    }

    /** The EN/DE switch in the header: the page comes again in that language. */
    public void switchLanguage(String language) {
        clickThrough(driver.findElement(By.id("lang-" + language)));
    }

    /** Which button of the EN/DE switch is pressed: {@code aria-pressed} of {@code en} and {@code de}. */
    public Map<String, String> languagesPressed() {
        return Map.of(
                "en", String.valueOf(attribute("lang-en", "aria-pressed")),
                "de", String.valueOf(attribute("lang-de", "aria-pressed")));
    }

    /**
     * Lays the page out for a viewport of this size (CSS pixels), as a phone or a laptop would show it: Chromium
     * emulates the viewport exactly (its headless window has a minimum width); other browsers resize the window.
     * The setting stays for the next pages of this browser.
     */
    public void viewport(int width, int height) {
        if (driver instanceof HasCdp cdp) {
            cdp.executeCdpCommand(
                    "Emulation.setDeviceMetricsOverride",
                    Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        } else {
            driver.manage().window().setSize(new Dimension(width, height));
        }
        waitFor(d -> Long.valueOf(width).equals(script("return window.innerWidth;")), "a viewport " + width + " wide");
    }

    /**
     * How many CSS pixels the document is wider than the viewport's width without a vertical scrollbar (stricter than
     * {@code window.innerWidth}, which includes it): above 0 the page scrolls sideways.
     */
    public long sidewaysOverflow() {
        return (Long) script("var root = document.documentElement; return root.scrollWidth - root.clientWidth;");
    }

    /** How many CSS pixels the element's content is wider than the element: above 0 it scrolls sideways inside. */
    public long overflowInside(String id) {
        return (Long) script(
                "var element = document.getElementById(arguments[0]); return element.scrollWidth - element.clientWidth;",
                id);
    }

    /** The element's rendered width and the width of its container's content box (without its padding). */
    public Widths widths(String id) {
        @SuppressWarnings("unchecked")
        var widths = (List<Number>) script("""
                var element = document.getElementById(arguments[0]), parent = element.parentElement;
                var style = getComputedStyle(parent);
                return [element.getBoundingClientRect().width,
                        parent.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight)];""", id);
        return new Widths(widths.get(0).doubleValue(), widths.get(1).doubleValue());
    }

    /** @param element the rendered width; {@code container} the content width of its parent */
    public record Widths(double element, double container) {}

    /** Opens every {@code <details>} on the page (e.g. a test's transcript), as an admin reading it would. */
    public void openDetails() {
        script("document.querySelectorAll('details').forEach(function (d) { d.open = true; });");
    }

    /** The session cookie, to fetch a page outside the browser as this browser would. */
    public String sessionCookie() {
        return "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
    }

    /** Leaves a value in this document's window: partial updates keep it, a full page load loses it. */
    public void mark(String value) {
        script("window.mailroomMarker = arguments[0];", value);
    }

    /** What {@link #mark} left, if this is still the same document. */
    public Object marker() {
        return script("return window.mailroomMarker;");
    }

    /** Sets the browser window's size, e.g. 1280 × 900 for what a laptop shows without scrolling. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Whether the element is entirely within the visible part of the page (getBoundingClientRect). */
    public boolean inViewport(String id) {
        return Boolean.TRUE.equals(script(
                "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                        + " return r.height > 0 && r.top >= 0 && r.bottom <= window.innerHeight;",
                id));
    }

    /** The id of {@code document.activeElement}: what has the keyboard focus. */
    public String focusedId() {
        return (String) script("return document.activeElement ? document.activeElement.id : null;");
    }

    /** Whether the page scrolls sideways. */
    public boolean scrollsSideways() {
        return Boolean.TRUE.equals(
                script("return document.documentElement.scrollWidth > document.documentElement.clientWidth;"));
    }

    public void screenshot(Path target) throws IOException {
        Files.createDirectories(target.getParent());
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    // --- for the pages: acting as a person would, and waiting for what it sets off

    /** Types a value and leaves the field, as a person would (which fires its change event). */
    protected void type(String id, String value) {
        idle();
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
        field.sendKeys(Keys.TAB);
        idle();
    }

    protected void select(String id, String value) {
        idle();
        new Select(driver.findElement(By.id(id))).selectByValue(value);
        idle();
    }

    /** Clicks a button or link that loads a whole page, and waits until the next page has loaded. */
    protected void clickThrough(WebElement element) {
        idle();
        script("window.mailroomOldPage = true;");
        element.click();
        waitFor(
                d -> Boolean.TRUE.equals(scriptDuringNavigation(
                        "return !window.mailroomOldPage && document.readyState === 'complete';")),
                "the next page");
    }

    protected void clickThrough(String id) {
        clickThrough(driver.findElement(By.id(id)));
    }

    /** Clicks through and expects the page {@code next}. */
    protected <P extends Page> P clickThrough(String id, Kind<P> next) {
        clickThrough(id);
        return next.of(driver, base);
    }

    /** Waits until no Faces ajax request is running (mailroom.js sets aria-busy on the body meanwhile). */
    protected void idle() {
        waitFor(
                d -> Boolean.TRUE.equals(script("return !document.body || !document.body.hasAttribute('aria-busy');")),
                "the end of the ajax update");
    }

    protected void waitFor(Function<WebDriver, Boolean> condition, String what) {
        waitFor(condition, what, TIMEOUT);
    }

    protected void waitFor(Function<WebDriver, Boolean> condition, String what, Duration timeout) {
        new WebDriverWait(driver, timeout)
                .withMessage(() -> "waiting for " + what + " at " + driver.getCurrentUrl())
                .until(condition::apply);
    }

    protected Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** A script's result, or null while the browser is between two pages (it then refuses scripts). */
    private Object scriptDuringNavigation(String script) {
        try {
            return script(script);
        } catch (WebDriverException e) {
            return null;
        }
    }
}
