package com.mailroom.settings.entity;

/** The SASL mechanism for basic authentication; auto lets the server's EHLO offer decide (PLAIN before LOGIN). */
public enum AuthMechanism {
    AUTO, PLAIN, LOGIN;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
