package com.mailroom.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.htmlunit.BrowserVersion;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

/**
 * The browser for the page tests: Debian's headless Chromium with its chromedriver when both are installed (.ci/run
 * installs them), HtmlUnit with JavaScript otherwise, so the tests pass on a machine with only JDK and Maven. Nothing
 * is downloaded: the driver and the browser are given by path, so Selenium Manager never runs.
 * {@code -Dit.browser=htmlunit} forces HtmlUnit.
 */
final class Browsers {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private Browsers() {}

    static boolean chromium() {
        return !"htmlunit".equals(System.getProperty("it.browser"))
                && Files.isExecutable(CHROMIUM)
                && Files.isExecutable(CHROMEDRIVER);
    }

    /** A fresh browser (no cookies, no profile) whose Accept-Language is {@code language}. */
    static Session open(String language) {
        return chromium() ? chromium(language) : htmlUnit(language);
    }

    private static Session chromium(String language) {
        try {
            Path profile = Files.createTempDirectory("mailroom-chromium");
            var options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments(
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--disable-dev-shm-usage",
                    "--window-size=1280,1500",
                    "--lang=" + language,
                    "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            return new Session(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Session htmlUnit(String language) {
        var version = new BrowserVersion.BrowserVersionBuilder(BrowserVersion.CHROME)
                .setBrowserLanguage(language)
                .setAcceptLanguageHeader(language + ",en;q=0.5")
                .build();
        return new Session(new HtmlUnitDriver(version, true), null);
    }

    /** A browser and its throw-away profile directory. */
    record Session(WebDriver driver, Path profile) implements AutoCloseable {
        @Override
        public void close() {
            driver.quit();
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                } catch (IOException ignored) {
                    // a temp dir left behind is harmless
                }
            }
        }
    }
}
