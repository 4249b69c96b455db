package com.mailroom.sending.control;

/**
 * Connect, read and write timeouts for one SMTP conversation, in milliseconds. All three always apply, so a server
 * that accepts the connection and never answers cannot hang the calling thread.
 */
public record Timeouts(int connectMs, int readMs, int writeMs) {

    /** The default of 10 s each (docs/configuration.md). */
    public static final Timeouts DEFAULT = new Timeouts(10_000, 10_000, 10_000);

    public Timeouts {
        // 0 would mean "wait forever" to the JDK sockets: exactly what the timeouts are there to prevent
        if (connectMs <= 0 || readMs <= 0 || writeMs <= 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }
}
