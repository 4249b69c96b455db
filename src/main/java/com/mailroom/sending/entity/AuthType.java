package com.mailroom.sending.entity;

import com.mailroom.platform.WireEnum;

/** none: an internal relay; basic: username and password; oauth: OAuth 2.0 client credentials and SASL XOAUTH2. */
public enum AuthType implements WireEnum {
    NONE,
    BASIC,
    OAUTH;
}
