package com.mailroom.sending.entity;

import com.mailroom.platform.WireEnum;

/** How the SMTP connection is protected. STARTTLS is always required when chosen: never a silent fall-back to clear
 * text. */
public enum TlsMode implements WireEnum {
    NONE(25),
    STARTTLS(587),
    IMPLICIT(465);

    private final int defaultPort;

    TlsMode(int defaultPort) {
        this.defaultPort = defaultPort;
    }

    public int defaultPort() {
        return defaultPort;
    }
}
