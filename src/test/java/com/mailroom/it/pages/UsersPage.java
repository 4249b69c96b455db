package com.mailroom.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** Admin › Users: the list of users and the form that adds one. */
public final class UsersPage extends AdminPage {

    public UsersPage(WebDriver driver, String base) {
        super(driver, base, "userForm");
    }

    /** The users table as text. */
    public String list() {
        return text("users");
    }

    /** Types into a field of the form: {@code username}, {@code email} or {@code password}. */
    public UsersPage fill(String field, String value) {
        type(field, value);
        return this;
    }

    /** Ticks (or unticks) "Administrator". */
    public UsersPage toggleAdministrator() {
        driver.findElement(By.id("admin")).click();
        return this;
    }

    public UsersPage add() {
        clickThrough("addUser");
        return this;
    }
}
