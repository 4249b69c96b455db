package com.mailroom.settings.entity;

/** The SASL mechanism for basic authentication; auto lets the server's EHLO offer decide (PLAIN before LOGIN). */
public enum AuthMechanism {
    AUTO, PLAIN, LOGIN;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the JSON / form value, in any case. */
    public static java.util.Optional<AuthMechanism> fromWire(String value) {
        for (AuthMechanism v : values()) {
            if (v.name().equalsIgnoreCase(value)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }

    public static String allowed() {
        return java.util.Arrays.stream(values()).map(v -> v.name().toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
