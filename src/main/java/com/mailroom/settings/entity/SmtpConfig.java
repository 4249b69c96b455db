package com.mailroom.settings.entity;

import com.mailroom.oauth.entity.ClientAuth;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.io.Serializable;

/**
 * The SMTP settings' values, secrets aside: one type for the stored row ({@link SmtpSettings} embeds it), the form
 * an admin or a program edits, and where mail goes. A new setting is a field here, its rule, its page input and
 * its JSON name ({@code SmtpConfigMappingTest} fails when a mapping forgets a field).
 */
@Embeddable
public class SmtpConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "default_smtp")
    private boolean defaultSmtp = true;

    private String address;
    private Integer port;

    @Column(name = "from_address")
    private String from;

    @Column(name = "user_name")
    private String userName;

    @Enumerated(EnumType.STRING)
    @Column(name = "tls_mode")
    private TlsMode tlsMode = TlsMode.STARTTLS;

    @Enumerated(EnumType.STRING)
    @Column(name = "tls_version")
    private TlsVersion tlsVersion = TlsVersion.TLSv1_2;

    @Column(name = "trusted_ca_pem")
    private String trustedCaPem;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_type")
    private AuthType authType = AuthType.NONE;

    @Enumerated(EnumType.STRING)
    @Column(name = "auth_mechanism")
    private AuthMechanism authMechanism = AuthMechanism.AUTO;

    @Enumerated(EnumType.STRING)
    @Column(name = "oauth_client_auth")
    private ClientAuth oauthClientAuth = ClientAuth.CLIENT_SECRET;

    @Column(name = "client_id")
    private String clientId;

    @Column(name = "token_endpoint")
    private String tokenEndpoint;

    private String scopes;

    /** Null: no limit (issue 16 item 4). */
    @Column(name = "max_mails_per_minute")
    private Integer maxMailsPerMinute;

    public SmtpConfig() {}

    /** A copy, so that editing a form never changes the stored row before a save. */
    public SmtpConfig copy() {
        var c = new SmtpConfig();
        c.defaultSmtp = defaultSmtp;
        c.address = address;
        c.port = port;
        c.from = from;
        c.userName = userName;
        c.tlsMode = tlsMode;
        c.tlsVersion = tlsVersion;
        c.trustedCaPem = trustedCaPem;
        c.authType = authType;
        c.authMechanism = authMechanism;
        c.oauthClientAuth = oauthClientAuth;
        c.clientId = clientId;
        c.tokenEndpoint = tokenEndpoint;
        c.scopes = scopes;
        c.maxMailsPerMinute = maxMailsPerMinute;
        return c;
    }

    /** The port that is used: the entered one, or the TLS mode's default. */
    public int effectivePort() {
        return port != null ? port : tlsMode.defaultPort();
    }

    public boolean passwordRequired() {
        return !defaultSmtp && authType == AuthType.BASIC;
    }

    public boolean clientSecretRequired() {
        return oauthWith(ClientAuth.CLIENT_SECRET);
    }

    public boolean certificateRequired() {
        return oauthWith(ClientAuth.CERTIFICATE);
    }

    public boolean serviceAccountKeyRequired() {
        return oauthWith(ClientAuth.SERVICE_ACCOUNT);
    }

    /** Whether these settings send with OAuth 2.0 and prove the client's identity this way. */
    public boolean oauthWith(ClientAuth kind) {
        return !defaultSmtp && authType == AuthType.OAUTH && oauthClientAuth == kind;
    }

    public boolean isDefaultSmtp() {
        return defaultSmtp;
    }

    public void setDefaultSmtp(boolean defaultSmtp) {
        this.defaultSmtp = defaultSmtp;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getUserName() {
        return userName;
    }

    public void setUserName(String userName) {
        this.userName = userName;
    }

    public TlsMode getTlsMode() {
        return tlsMode;
    }

    public void setTlsMode(TlsMode tlsMode) {
        this.tlsMode = tlsMode;
    }

    public TlsVersion getTlsVersion() {
        return tlsVersion;
    }

    public void setTlsVersion(TlsVersion tlsVersion) {
        this.tlsVersion = tlsVersion;
    }

    public String getTrustedCaPem() {
        return trustedCaPem;
    }

    public void setTrustedCaPem(String trustedCaPem) {
        this.trustedCaPem = trustedCaPem;
    }

    public AuthType getAuthType() {
        return authType;
    }

    public void setAuthType(AuthType authType) {
        this.authType = authType;
    }

    public AuthMechanism getAuthMechanism() {
        return authMechanism;
    }

    public void setAuthMechanism(AuthMechanism authMechanism) {
        this.authMechanism = authMechanism;
    }

    public ClientAuth getOauthClientAuth() {
        return oauthClientAuth;
    }

    public void setOauthClientAuth(ClientAuth oauthClientAuth) {
        this.oauthClientAuth = oauthClientAuth;
    }

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getTokenEndpoint() {
        return tokenEndpoint;
    }

    public void setTokenEndpoint(String tokenEndpoint) {
        this.tokenEndpoint = tokenEndpoint;
    }

    public String getScopes() {
        return scopes;
    }

    public void setScopes(String scopes) {
        this.scopes = scopes;
    }

    public Integer getMaxMailsPerMinute() {
        return maxMailsPerMinute;
    }

    public void setMaxMailsPerMinute(Integer maxMailsPerMinute) {
        this.maxMailsPerMinute = maxMailsPerMinute;
    }

    @Override
    public String toString() {
        return "SmtpConfig[defaultSmtp=" + defaultSmtp + ", address=" + address + ", port=" + port + ", tlsMode="
                + tlsMode + ", authType=" + authType + ", oauthClientAuth=" + oauthClientAuth + ", userName=" + userName
                + "]";
    }
}
