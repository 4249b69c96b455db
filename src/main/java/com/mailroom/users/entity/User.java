package com.mailroom.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** A person or program that signs in; admins may configure mail. Only a PBKDF2 hash of the password is kept. */
@Entity(name = "AppUser")
@Table(name = "app_user")
@NamedQuery(name = User.BY_NAME, query = "SELECT u FROM AppUser u WHERE u.username = :username")
@NamedQuery(name = User.ALL, query = "SELECT u FROM AppUser u ORDER BY u.username")
@NamedQuery(name = User.ALL_BY_ID, query = "SELECT u FROM AppUser u ORDER BY u.id")
@NamedQuery(name = User.ADMIN_COUNT, query = "SELECT COUNT(u) FROM AppUser u WHERE u.admin = TRUE")
public class User {

    public static final String BY_NAME = "AppUser.byName";
    public static final String ALL = "AppUser.all";
    public static final String ALL_BY_ID = "AppUser.allById";
    public static final String ADMIN_COUNT = "AppUser.adminCount";

    @Id
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 1)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    private Long id;

    private String username;
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean admin;

    @Column(name = "created_at")
    private OffsetDateTime createdAt;

    protected User() {}

    public User(String username, String email, String passwordHash, boolean admin) {
        this.username = username;
        this.email = email;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isAdmin() {
        return admin;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void setAdmin(boolean admin) {
        this.admin = admin;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
