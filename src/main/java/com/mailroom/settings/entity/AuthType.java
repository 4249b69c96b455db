package com.mailroom.settings.entity;

/** none: an internal relay; basic: username and password; oauth: OAuth 2.0 client credentials and SASL XOAUTH2. */
public enum AuthType {
    NONE, BASIC, OAUTH;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the JSON / form value, in any case. */
    public static java.util.Optional<AuthType> fromWire(String value) {
        for (AuthType v : values()) {
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
