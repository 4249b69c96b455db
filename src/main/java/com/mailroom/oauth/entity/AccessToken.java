package com.mailroom.oauth.entity;

import java.time.Instant;
import java.util.Objects;

/**
 * An OAuth 2.0 access token as the token endpoint issued it.
 *
 * @param value     the bearer token; a credential, so it is never printed
 * @param tokenType the type the endpoint named ({@code Bearer} when it named none)
 * @param expiresAt when the endpoint said it stops being valid (computed from {@code expires_in} on receipt)
 */
public record AccessToken(String value, String tokenType, Instant expiresAt) {

    public AccessToken {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("an access token has a value");
        }
        Objects.requireNonNull(tokenType, "tokenType");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Without the value: this string may end up in a log or an exception message. */
    @Override
    public String toString() {
        return "AccessToken[tokenType=" + tokenType + ", expiresAt=" + expiresAt + "]";
    }
}
