package com.mailroom.delivery.control;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * How long the outbox keeps a sent mail (docs/configuration.md "Outbox"): its bodies and attachments for
 * {@code keepContent} after it was sent, its row (status, recipients, subject, error) for {@code keepRow} after it was
 * sent, never less than the content. Failed, queued and retrying mails are not this rule's business: they are kept.
 *
 * @param keepContent at least zero (zero: dropped at the first run after sending)
 * @param keepRow     at least {@code keepContent}
 */
public record RetentionRule(Duration keepContent, Duration keepRow) {

    public RetentionRule {
        keepContent = keepContent.isNegative() ? Duration.ZERO : keepContent;
        keepRow = keepRow.compareTo(keepContent) < 0 ? keepContent : keepRow;
    }

    /** From the settings in days; fractions are allowed (0.5 = 12 hours), negative values count as zero. */
    public static RetentionRule ofDays(double retentionDays, double purgeDays) {
        return new RetentionRule(days(retentionDays), days(purgeDays));
    }

    private static Duration days(double days) {
        return Duration.ofMillis(
                Math.round(Math.max(0, days) * Duration.ofDays(1).toMillis()));
    }

    /** {@code keepContent} in days, for people (e.g. 30, or 0.5). */
    public double contentDays() {
        return keepContent.toMillis() / (double) Duration.ofDays(1).toMillis();
    }

    /** {@code keepRow} in days. */
    public double rowDays() {
        return keepRow.toMillis() / (double) Duration.ofDays(1).toMillis();
    }

    /** A mail sent before this time loses its content. */
    public OffsetDateTime contentSentBefore(OffsetDateTime now) {
        return now.minus(keepContent);
    }

    /** A mail sent before this time loses its row, */
    public OffsetDateTime rowSentBefore(OffsetDateTime now) {
        return now.minus(keepRow);
    }

    /**
     * … once its content was dropped before this time. Content is dropped {@code keepContent} after sending (later
     * when no node ran then), so this bound only keeps the search for rows to purge to the rows that are due, rather
     * than every row whose content is gone; a row whose content was dropped late goes as much later.
     */
    public OffsetDateTime rowDroppedBefore(OffsetDateTime now) {
        return now.minus(keepRow.minus(keepContent));
    }
}
