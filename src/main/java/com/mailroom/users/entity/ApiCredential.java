package com.mailroom.users.entity;

import com.mailroom.platform.WireEnum;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A client ID and the hash of its secret, for programs that log in with POST /api/4.0/login: with a scope, an optional
 * expiry, and the time it was last used. Revoking deletes the row, and its tokens with it.
 */
@Entity
@Table(name = "api_credential")
public class ApiCredential {

    @Id
    @Column(name = "client_id")
    private String clientId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "secret_hash")
    private String secretHash;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    private String scope;

    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    private String description;

    protected ApiCredential() {}

    public ApiCredential(
            String clientId,
            User user,
            String secretHash,
            CredentialScope scope,
            OffsetDateTime expiresAt,
            String description,
            OffsetDateTime now) {
        this.clientId = clientId;
        this.user = user;
        this.secretHash = secretHash;
        this.scope = scope.wireName();
        this.expiresAt = expiresAt;
        this.description = description;
        this.createdAt = now;
    }

    /** An unknown value (a newer version's) grants nothing beyond sending mail. */
    public CredentialScope getScope() {
        return WireEnum.parse(CredentialScope.class, scope).orElse(CredentialScope.SEND_MAIL);
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    public boolean isExpired(OffsetDateTime now) {
        return expiresAt != null && !expiresAt.isAfter(now);
    }

    public OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(OffsetDateTime lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public String getDescription() {
        return description;
    }

    public String getClientId() {
        return clientId;
    }

    public User getUser() {
        return user;
    }

    public String getSecretHash() {
        return secretHash;
    }
}
