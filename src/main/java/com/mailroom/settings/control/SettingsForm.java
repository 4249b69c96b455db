package com.mailroom.settings.control;

import com.mailroom.settings.entity.AuthMechanism;
import com.mailroom.settings.entity.AuthType;
import com.mailroom.settings.entity.TlsMode;
import com.mailroom.settings.entity.TlsVersion;

/**
 * The SMTP settings as an admin or a program submits them: the page binds its inputs to it, the REST API lays a
 * JSON body over the stored values with it. Secrets are write-only: {@code null} keeps the stored one (subject to
 * the re-entry rule), an empty string clears it, anything else replaces it.
 */
public class SettingsForm implements java.io.Serializable {

    /** The version of the stored settings this form was edited from; a save over a newer one fails (412). */
    private Long version;
    private boolean defaultSmtp = true;
    private String address;
    private Integer port;
    private String from;
    private String userName;
    private String password;
    private TlsMode tlsMode = TlsMode.STARTTLS;
    private TlsVersion tlsVersion = TlsVersion.TLSv1_2;
    private String trustedCaPem;
    private AuthType authType = AuthType.NONE;
    private AuthMechanism authMechanism = AuthMechanism.AUTO;
    private String clientId;
    private String clientSecret;
    private String tokenEndpoint;
    private String scopes;

    /** The port that will be used: the entered one, or the TLS mode's default. */
    public int effectivePort() {
        return port != null ? port : tlsMode.defaultPort();
    }

    public boolean passwordRequired() {
        return !defaultSmtp && authType == AuthType.BASIC;
    }

    public boolean clientSecretRequired() {
        return !defaultSmtp && authType == AuthType.OAUTH;
    }

    public Long getVersion() { return version; }
    public void setVersion(Long version) { this.version = version; }
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
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
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
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public String getTokenEndpoint() { return tokenEndpoint; }
    public void setTokenEndpoint(String tokenEndpoint) { this.tokenEndpoint = tokenEndpoint; }
    public String getScopes() { return scopes; }
    public void setScopes(String scopes) { this.scopes = scopes; }

    /** Never prints a secret, only whether one was supplied. */
    @Override
    public String toString() {
        return "SettingsForm[defaultSmtp=" + defaultSmtp + ", address=" + address + ", port=" + port
                + ", tlsMode=" + tlsMode + ", authType=" + authType + ", userName=" + userName
                + ", password " + (password == null ? "kept" : "supplied")
                + ", clientSecret " + (clientSecret == null ? "kept" : "supplied") + "]";
    }
}
