package com.mailroom.delivery.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a mail is on its way: queued → sending → sent, or → retrying → … → sent or failed. */
public enum MailStatus {
    QUEUED, SENDING, SENT, RETRYING, FAILED;

    /** The value used in JSON and in the database. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MailStatus> fromWire(String value) {
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(value)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(MailStatus::wireName).collect(Collectors.joining(", "));
    }
}
