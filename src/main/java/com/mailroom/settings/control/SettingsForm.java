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

    /** Never prints a secret, only whether one was supplied. */
    @Override
    public String toString() {
        return "SettingsForm[" + config + ", password " + (password == null ? "kept" : "supplied") + ", clientSecret "
                + (clientSecret == null ? "kept" : "supplied") + "]";
    }
}
