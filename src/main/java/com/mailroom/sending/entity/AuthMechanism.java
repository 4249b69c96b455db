package com.mailroom.sending.entity;

import com.mailroom.platform.WireEnum;

/** The SASL mechanism for basic authentication; auto lets the server's EHLO offer decide (PLAIN before LOGIN). */
public enum AuthMechanism implements WireEnum {
    AUTO,
    PLAIN,
    LOGIN;
}
