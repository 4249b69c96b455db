package com.mailroom.it.pages;

import org.openqa.selenium.WebDriver;

/** The page for the container's errors (403, 404, 500 …) outside the API. */
public final class ErrorPage extends Page {

    public ErrorPage(WebDriver driver, String base) {
        super(driver, base, "errorCode");
    }

    /** "Error code 404" and the like. */
    public String code() {
        return text("errorCode");
    }

    public String explanation() {
        return text("errorText");
    }
}
