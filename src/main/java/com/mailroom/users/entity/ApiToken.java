package com.mailroom.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A bearer token issued by POST /api/4.0/login; kept as a SHA-256 hash, so a database dump cannot be replayed. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    @Id
    @Column(name = "token_hash")
    private String tokenHash;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @ManyToOne(optional = false)
    @JoinColumn(name = "client_id")
    private ApiCredential credential;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected ApiToken() {}

    public ApiToken(String tokenHash, ApiCredential credential, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.user = credential.getUser();
        this.credential = credential;
        this.expiresAt = expiresAt;
    }

    /** The credential it was issued for: its scope is the token's. */
    public ApiCredential getCredential() {
        return credential;
    }

    public User getUser() {
        return user;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }
}
