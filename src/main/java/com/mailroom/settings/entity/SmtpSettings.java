package com.mailroom.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;

/**
 * The SMTP settings an admin edits: a single row (id 1, created by the first migration). The values are an
 * {@link SmtpConfig}; secrets are stored only as AES-GCM ciphertexts (and their public facts as
 * {@link CredentialFacts}); {@link #version} is the optimistic lock and the
 * ETag of the REST API.
 */
@Entity
@Table(name = "smtp_settings")
public class SmtpSettings {

    public static final int ID = 1;

    @Id
    private int id = ID;

    @Version
    private long version;

    @Embedded
    private SmtpConfig config = new SmtpConfig();

    @Column(name = "password_enc")
    private String passwordCiphertext;

    @Column(name = "client_secret_enc")
    private String clientSecretCiphertext;

    @Column(name = "client_certificate_enc")
    private String clientCertificateCiphertext;

    @Column(name = "service_account_key_enc")
    private String serviceAccountKeyCiphertext;

    @Embedded
    private CredentialFacts credentialFacts = new CredentialFacts();

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    public long getVersion() {
        return version;
    }

    public SmtpConfig getConfig() {
        return config;
    }

    public void setConfig(SmtpConfig config) {
        this.config = config.copy();
    }

    public String getPasswordCiphertext() {
        return passwordCiphertext;
    }

    public void setPasswordCiphertext(String passwordCiphertext) {
        this.passwordCiphertext = passwordCiphertext;
    }

    public String getClientSecretCiphertext() {
        return clientSecretCiphertext;
    }

    public void setClientSecretCiphertext(String clientSecretCiphertext) {
        this.clientSecretCiphertext = clientSecretCiphertext;
    }

    public String getClientCertificateCiphertext() {
        return clientCertificateCiphertext;
    }

    public void setClientCertificateCiphertext(String clientCertificateCiphertext) {
        this.clientCertificateCiphertext = clientCertificateCiphertext;
    }

    public String getServiceAccountKeyCiphertext() {
        return serviceAccountKeyCiphertext;
    }

    public void setServiceAccountKeyCiphertext(String serviceAccountKeyCiphertext) {
        this.serviceAccountKeyCiphertext = serviceAccountKeyCiphertext;
    }

    /**
     * What may be shown of the stored certificate and service account key; never null. JPA reads an embeddable whose
     * columns are all null as null: an empty one is returned then, not assigned (that would make a read a write).
     */
    public CredentialFacts getCredentialFacts() {
        return credentialFacts == null ? new CredentialFacts() : credentialFacts;
    }

    public void setCredentialFacts(CredentialFacts credentialFacts) {
        this.credentialFacts = credentialFacts;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(OffsetDateTime updatedAt) {
        this.updatedAt = updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public void setUpdatedBy(String updatedBy) {
        this.updatedBy = updatedBy;
    }
}
