package com.mailroom.settings.entity;

/** How the SMTP connection is protected. STARTTLS is always required when chosen: never a silent fall-back to clear text. */
public enum TlsMode {
    NONE(25), STARTTLS(587), IMPLICIT(465);

    private final int defaultPort;

    TlsMode(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }

    /** The value used in JSON and on the page. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Parses the JSON / form value, in any case. */
    public static java.util.Optional<TlsMode> fromWire(String value) {
        for (TlsMode v : values()) {
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
