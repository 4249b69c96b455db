package com.mailroom.settings.entity;

import java.util.List;

/** The TLS protocol versions an admin can choose; older ones are disabled by the JDK and refused by validation. */
public enum TlsVersion {
    TLSv1_2(List.of("TLSv1.2")),
    TLSv1_3(List.of("TLSv1.3")),
    TLSv1_2_OR_NEWER(List.of("TLSv1.2", "TLSv1.3"));

    private final List<String> protocols;

    TlsVersion(List<String> protocols) {
        this.protocols = protocols;
    }

    /** The JSSE protocol names to enable. */
    public List<String> protocols() {
        return protocols;
    }
}
