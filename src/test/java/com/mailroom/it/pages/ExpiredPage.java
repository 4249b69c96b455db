package com.mailroom.it.pages;

import org.openqa.selenium.WebDriver;

/** The page after a form was posted whose view had expired. */
public final class ExpiredPage extends Page {

    public ExpiredPage(WebDriver driver, String base) {
        super(driver, base, "expiredText");
    }

    public String explanation() {
        return text("expiredText");
    }
}
