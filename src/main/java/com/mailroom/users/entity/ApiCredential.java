package com.mailroom.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A client ID and the hash of its secret, for programs that log in with POST /api/4.0/login. */
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

    protected ApiCredential() {}

    public ApiCredential(String clientId, User user, String secretHash) {
        this.clientId = clientId;
        this.user = user;
        this.secretHash = secretHash;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
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
