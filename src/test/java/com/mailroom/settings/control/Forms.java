package com.mailroom.settings.control;

import com.mailroom.errors.FieldError;
import com.mailroom.settings.entity.AuthMechanism;
import com.mailroom.settings.entity.AuthType;
import com.mailroom.settings.entity.SmtpSettings;
import com.mailroom.settings.entity.TlsMode;
import com.mailroom.settings.entity.TlsVersion;
import java.util.List;

/** Valid starting points for settings tests; each test changes one thing and looks at what happens. */
final class Forms {

    static final String TOKEN_URL = "https://login.microsoftonline.com/tenant/oauth2/v2.0/token";
    static final String SCOPE = "https://outlook.office365.com/.default";

    private Forms() {
    }

    static SettingsForm basic() {
        var f = new SettingsForm();
        f.setDefaultSmtp(false);
        f.setAddress("smtp.example.com");
        f.setPort(587);
        f.setFrom("Reports <reports@example.com>");
        f.setUserName("reports@example.com");
        f.setPassword("s3cret-pass");
        f.setTlsMode(TlsMode.STARTTLS);
        f.setTlsVersion(TlsVersion.TLSv1_2);
        f.setAuthType(AuthType.BASIC);
        f.setAuthMechanism(AuthMechanism.AUTO);
        return f;
    }

    static SettingsForm oauth() {
        var f = basic();
        f.setAddress("smtp.office365.com");
        f.setPassword(null);
        f.setAuthType(AuthType.OAUTH);
        f.setClientId("client-id");
        f.setClientSecret("client-secret-value");
        f.setTokenEndpoint(TOKEN_URL);
        f.setScopes(SCOPE);
        return f;
    }

    static SettingsForm none() {
        var f = basic();
        f.setAddress("relay.internal.example.com");
        f.setPort(25);
        f.setTlsMode(TlsMode.NONE);
        f.setUserName(null);
        f.setPassword(null);
        f.setAuthType(AuthType.NONE);
        return f;
    }

    /** What SmtpSettingsAdmin.form() builds from the stored row: secrets are not filled in. */
    static SettingsForm editing(SmtpSettings s) {
        var f = new SettingsForm();
        f.setDefaultSmtp(s.isDefaultSmtp());
        f.setAddress(s.getAddress());
        f.setPort(s.getPort());
        f.setFrom(s.getFrom());
        f.setUserName(s.getUserName());
        f.setTlsMode(s.getTlsMode());
        f.setTlsVersion(s.getTlsVersion());
        f.setTrustedCaPem(s.getTrustedCaPem());
        f.setAuthType(s.getAuthType());
        f.setAuthMechanism(s.getAuthMechanism());
        f.setClientId(s.getClientId());
        f.setTokenEndpoint(s.getTokenEndpoint());
        f.setScopes(s.getScopes());
        return f;
    }

    /** A stored row as a save of {@code form} would leave it, with ciphertexts for the secrets it carries. */
    static SmtpSettings stored(SettingsForm form) {
        var s = new SmtpSettings();
        s.setDefaultSmtp(form.isDefaultSmtp());
        s.setAddress(form.getAddress());
        s.setPort(form.effectivePort());
        s.setFrom(form.getFrom());
        s.setUserName(form.getUserName());
        s.setTlsMode(form.getTlsMode());
        s.setTlsVersion(form.getTlsVersion());
        s.setAuthType(form.getAuthType());
        s.setAuthMechanism(form.getAuthMechanism());
        s.setClientId(form.getClientId());
        s.setTokenEndpoint(form.getTokenEndpoint());
        s.setScopes(form.getScopes());
        s.setPasswordCiphertext(form.getPassword() == null ? null : "v1:stored-password");
        s.setClientSecretCiphertext(form.getClientSecret() == null ? null : "v1:stored-client-secret");
        return s;
    }

    static List<FieldError> check(SettingsForm form) {
        return check(form, false);
    }

    static List<FieldError> check(SettingsForm form, boolean allowInsecureTokenUrl) {
        SettingsRules.normalize(form);
        return SettingsRules.validate(form, allowInsecureTokenUrl);
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
