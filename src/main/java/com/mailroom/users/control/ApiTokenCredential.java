package com.mailroom.users.control;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token presented as {@code Authorization: Bearer <t>} or {@code token <t>}. */
public record ApiTokenCredential(String token) implements Credential {

    @Override
    public String toString() {
        return "ApiTokenCredential[<redacted>]";
    }
}
