package com.mailroom.it.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** Admin › Outbox: mails per state, and the failed ones with the server's answer and a resend button. */
public final class OutboxPage extends AdminPage {

    public OutboxPage(WebDriver driver, String base) {
        super(driver, base, "counts");
    }

    /** The note at the top of the page. */
    public String intro() {
        return text("outboxText");
    }

    /** How long sent mails are kept, with the configured days. */
    public String retention() {
        return text("retentionText");
    }

    /** How many mails are in a state ({@code queued}, {@code failed} …). */
    public long count(String status) {
        return Long.parseLong(text("count-" + status));
    }

    /** The counts table as text. */
    public String counts() {
        return text("counts");
    }

    /** The row of the failed mail with this subject. */
    public FailedMail failed(String subject) {
        return new FailedMail(
                driver.findElement(By.xpath("//table[@id='failed']//tr[td[contains(., '" + subject + "')]]")));
    }

    /** One row of the failed mails. */
    public final class FailedMail {
        private final WebElement row;

        FailedMail(WebElement row) {
            this.row = row;
        }

        public String text() {
            return row.getText();
        }

        /** Queues the mail again; the outbox comes again with a message. */
        public OutboxPage resend() {
            clickThrough(row.findElement(By.cssSelector("input[type='submit']")));
            return new OutboxPage(driver, base);
        }
    }
}
