package com.mailroom.settings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.time.OffsetDateTime;

/**
 * The public facts of the stored OAuth key material, read from it when it was saved, so that the page and the API
 * can say which certificate or service account key is in use (and when the certificate expires) without decrypting
 * it. Nothing here is secret: a certificate's subject and thumbprint are public, as are a service account's numeric
 * client ID (which a Workspace admin enters for domain-wide delegation) and its key's ID.
 */
@Embeddable
public class CredentialFacts implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "certificate_subject")
    private String certificateSubject;

    @Column(name = "certificate_thumbprint")
    private String certificateThumbprint;

    @Column(name = "certificate_not_after")
    private OffsetDateTime certificateNotAfter;

    @Column(name = "service_account_client_id")
    private String serviceAccountClientId;

    @Column(name = "service_account_key_id")
    private String serviceAccountKeyId;

    public void certificate(String subject, String thumbprint, OffsetDateTime notAfter) {
        certificateSubject = subject;
        certificateThumbprint = thumbprint;
        certificateNotAfter = notAfter;
    }

    public void serviceAccount(String clientId, String keyId) {
        serviceAccountClientId = clientId;
        serviceAccountKeyId = keyId;
    }

    public String getCertificateSubject() {
        return certificateSubject;
    }

    public String getCertificateThumbprint() {
        return certificateThumbprint;
    }

    public OffsetDateTime getCertificateNotAfter() {
        return certificateNotAfter;
    }

    public String getServiceAccountClientId() {
        return serviceAccountClientId;
    }

    public String getServiceAccountKeyId() {
        return serviceAccountKeyId;
    }
}
