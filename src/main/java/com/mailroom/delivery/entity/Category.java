package com.mailroom.delivery.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Why the application sends a mail (SPEC §4), kept for the admin's view and as a header for filtering. */
public enum Category {
    NEW_USER, PASSWORD_RESET, ADMIN_NOTIFICATION, CONTENT_DELIVERY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Category> fromWire(String value) {
        return Arrays.stream(values()).filter(v -> v.wireName().equals(value)).findFirst();
    }

    public static String allowed() {
        return Arrays.stream(values()).map(Category::wireName).collect(Collectors.joining(", "));
    }
}
