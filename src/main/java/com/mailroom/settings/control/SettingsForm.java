package com.mailroom.settings.control;

import com.mailroom.settings.entity.SmtpConfig;
import java.io.Serializable;

/**
 * The SMTP settings as an admin or a program submits them: the values ({@link SmtpConfig}, which the page binds its
 * inputs to and the REST API lays a JSON body over) and the secrets. Secrets are write-only: {@code null} keeps the
 * stored one (subject to the re-entry rule), an empty string clears it, anything else replaces it.
 */
public class SettingsForm implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The version of the stored settings this form was edited from; a save over a newer one fails (412). */
    private Long version;

    private SmtpConfig config = new SmtpConfig();
    private String password;
    private String clientSecret;
    /** The app certificate (PEM) and its private key (PEM): one credential, entered together. */
    private String clientCertificate;

    private String clientPrivateKey;
    /** A Google service account's JSON key. */
    private String serviceAccountKey;

    public SettingsForm() {}

    public SettingsForm(Long version, SmtpConfig config) {
        this.version = version;
        this.config = config.copy();
    }

    public Long getVersion() {
        return version;
    }

    public void setVersion(Long version) {
        this.version = version;
    }

    public SmtpConfig getConfig() {
        return config;
    }

    public void setConfig(SmtpConfig config) {
        this.config = config;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getClientCertificate() {
        return clientCertificate;
    }

    public void setClientCertificate(String clientCertificate) {
        this.clientCertificate = clientCertificate;
    }

    public String getClientPrivateKey() {
        return clientPrivateKey;
    }

    public void setClientPrivateKey(String clientPrivateKey) {
        this.clientPrivateKey = clientPrivateKey;
    }

    public String getServiceAccountKey() {
        return serviceAccountKey;
    }

    public void setServiceAccountKey(String serviceAccountKey) {
        this.serviceAccountKey = serviceAccountKey;
    }

    /**
     * The certificate and key as one submitted secret, in {@link ReentryRule#decide}'s terms: null when neither was
     * entered (keep), "" when both were cleared, else a non-empty marker (the pair itself is checked elsewhere).
     */
    String certificateSupplied() {
        if (clientCertificate == null && clientPrivateKey == null) {
            return null;
        }
        boolean empty = (clientCertificate == null || clientCertificate.isEmpty())
                && (clientPrivateKey == null || clientPrivateKey.isEmpty());
        return empty ? "" : "entered";
    }

    /** Never prints a secret, only whether one was supplied. */
    @Override
    public String toString() {
        return "SettingsForm[" + config + ", password " + said(password) + ", clientSecret " + said(clientSecret)
                + ", certificate " + said(certificateSupplied()) + ", serviceAccountKey " + said(serviceAccountKey)
                + "]";
    }

    private static String said(String secret) {
        return secret == null ? "kept" : "supplied";
    }
}
