package com.mailroom.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * The SMTP settings an admin edits: a single row (id 1, created by the first migration). Secrets are stored only
 * as AES-GCM ciphertexts; {@link #version} is the optimistic lock and the ETag of the REST API.
 */
@Entity
@Table(name = "smtp_settings")
public class SmtpSettings {

    public static final int ID = 1;

    @Id
    private int id = ID;
    @Version
    private long version;
    @Column(name = "default_smtp")
    private boolean defaultSmtp;
    private String address;
    private Integer port;
    @Column(name = "from_address")
    private String from;
    @Column(name = "user_name")
    private String userName;
    @Column(name = "password_enc")
    private String passwordCiphertext;
    @Enumerated(EnumType.STRING)
    @Column(name = "tls_mode")
    private TlsMode tlsMode;
    @Enumerated(EnumType.STRING)
    @Column(name = "tls_version")
    private TlsVersion tlsVersion;
    @Column(name = "trusted_ca_pem")
    private String trustedCaPem;
    @Enumerated(EnumType.STRING)
    @Column(name = "auth_type")
    private AuthType authType;
    @Enumerated(EnumType.STRING)
    @Column(name = "auth_mechanism")
    private AuthMechanism authMechanism;
    @Column(name = "client_id")
    private String clientId;
    @Column(name = "client_secret_enc")
    private String clientSecretCiphertext;
    @Column(name = "token_endpoint")
    private String tokenEndpoint;
    private String scopes;
    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;
    @Column(name = "updated_by")
    private String updatedBy;

    public long getVersion() { return version; }
    public boolean isDefaultSmtp() { return defaultSmtp; }
    public void setDefaultSmtp(boolean defaultSmtp) { this.defaultSmtp = defaultSmtp; }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = address; }
    public Integer getPort() { return port; }
    public void setPort(Integer port) { this.port = port; }
    public String getFrom() { return from; }
    public void setFrom(String from) { this.from = from; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public String getPasswordCiphertext() { return passwordCiphertext; }
    public void setPasswordCiphertext(String passwordCiphertext) { this.passwordCiphertext = passwordCiphertext; }
    public TlsMode getTlsMode() { return tlsMode; }
    public void setTlsMode(TlsMode tlsMode) { this.tlsMode = tlsMode; }
    public TlsVersion getTlsVersion() { return tlsVersion; }
    public void setTlsVersion(TlsVersion tlsVersion) { this.tlsVersion = tlsVersion; }
    public String getTrustedCaPem() { return trustedCaPem; }
    public void setTrustedCaPem(String trustedCaPem) { this.trustedCaPem = trustedCaPem; }
    public AuthType getAuthType() { return authType; }
    public void setAuthType(AuthType authType) { this.authType = authType; }
    public AuthMechanism getAuthMechanism() { return authMechanism; }
    public void setAuthMechanism(AuthMechanism authMechanism) { this.authMechanism = authMechanism; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecretCiphertext() { return clientSecretCiphertext; }
    public void setClientSecretCiphertext(String clientSecretCiphertext) { this.clientSecretCiphertext = clientSecretCiphertext; }
    public String getTokenEndpoint() { return tokenEndpoint; }
    public void setTokenEndpoint(String tokenEndpoint) { this.tokenEndpoint = tokenEndpoint; }
    public String getScopes() { return scopes; }
    public void setScopes(String scopes) { this.scopes = scopes; }
    public OffsetDateTime getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(OffsetDateTime updatedAt) { this.updatedAt = updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
}
