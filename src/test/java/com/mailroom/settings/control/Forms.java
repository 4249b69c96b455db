package com.mailroom.settings.control;

import com.mailroom.errors.FieldError;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.entity.SmtpConfig;
import com.mailroom.settings.entity.SmtpSettings;
import java.util.List;
import java.util.function.BiConsumer;

/** Valid starting points for settings tests; each test changes one thing and looks at what happens. */
final class Forms {

    static final String TOKEN_URL = "https://login.microsoftonline.com/tenant/oauth2/v2.0/token";
    static final String SCOPE = "https://outlook.office365.com/.default";

    private Forms() {}

    static SettingsForm basic() {
        var f = new SettingsForm();
        f.getConfig().setDefaultSmtp(false);
        f.getConfig().setAddress("smtp.example.com");
        f.getConfig().setPort(587);
        f.getConfig().setFrom("Reports <reports@example.com>");
        f.getConfig().setUserName("reports@example.com");
        f.setPassword("s3cret-pass");
        f.getConfig().setTlsMode(TlsMode.STARTTLS);
        f.getConfig().setTlsVersion(TlsVersion.TLSv1_2);
        f.getConfig().setAuthType(AuthType.BASIC);
        f.getConfig().setAuthMechanism(AuthMechanism.AUTO);
        return f;
    }

    static SettingsForm oauth() {
        var f = basic();
        f.getConfig().setAddress("smtp.office365.com");
        f.setPassword(null);
        f.getConfig().setAuthType(AuthType.OAUTH);
        f.getConfig().setClientId("client-id");
        f.setClientSecret("client-secret-value");
        f.getConfig().setTokenEndpoint(TOKEN_URL);
        f.getConfig().setScopes(SCOPE);
        return f;
    }

    static SettingsForm none() {
        var f = basic();
        f.getConfig().setAddress("relay.internal.example.com");
        f.getConfig().setPort(25);
        f.getConfig().setTlsMode(TlsMode.NONE);
        f.getConfig().setUserName(null);
        f.setPassword(null);
        f.getConfig().setAuthType(AuthType.NONE);
        return f;
    }

    /** What SmtpSettingsAdmin.form() builds from the stored row: secrets are not filled in. */
    static SettingsForm editing(SmtpSettings s) {
        return new SettingsForm(s.getVersion(), s.getConfig());
    }

    /** A stored row as a save of {@code form} would leave it, with ciphertexts for the secrets it carries. */
    static SmtpSettings stored(SettingsForm form) {
        var s = new SmtpSettings();
        s.setConfig(form.getConfig());
        s.getConfig().setPort(form.getConfig().effectivePort());
        s.setPasswordCiphertext(form.getPassword() == null ? null : "v1:stored-password");
        s.setClientSecretCiphertext(form.getClientSecret() == null ? null : "v1:stored-client-secret");
        return s;
    }

    /** A setter of the settings' values as a setter of the form, for tests that vary one field. */
    static BiConsumer<SettingsForm, String> config(BiConsumer<SmtpConfig, String> setter) {
        return (form, value) -> setter.accept(form.getConfig(), value);
    }

    static List<FieldError> check(SettingsForm form) {
        return check(form, false);
    }

    static List<FieldError> check(SettingsForm form, boolean allowInsecureTokenUrl) {
        SettingsRules.normalize(form.getConfig());
        return SettingsRules.validate(form, allowInsecureTokenUrl);
    }

    static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
