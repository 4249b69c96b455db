package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.entity.SmtpSettings;
import org.junit.jupiter.api.Test;

/** The page's re-entry hint ({@link SettingsCheck#reentry}) says what a save would refuse, no more. */
class SettingsCheckReentryTest {

    @Test
    void nothingIsAskedForWhileTheDestinationIsUnchanged() {
        var form = Forms.editing(stored());
        form.getConfig().setAddress(" SMTP.example.com ");
        form.getConfig().setPort(null); // the default port of STARTTLS, as stored
        assertEquals(new SettingsCheck.Reentry(false, false, false, false), SettingsCheck.reentry(stored(), form));
    }

    @Test
    void aChangedPortAsksForThePasswordAndAChangedTokenUrlForTheClientSecret() {
        var form = Forms.editing(stored());
        form.getConfig().setPort(2525);
        assertEquals(new SettingsCheck.Reentry(true, false, false, false), SettingsCheck.reentry(stored(), form));

        form = Forms.editing(stored());
        form.getConfig().setAuthType(AuthType.OAUTH);
        form.getConfig().setTokenEndpoint("https://elsewhere.example.com/token");
        assertEquals(new SettingsCheck.Reentry(false, true, false, false), SettingsCheck.reentry(stored(), form));
    }

    @Test
    void aSecretTheNewSettingsDoNotNeedIsNotAskedFor() {
        var form = Forms.editing(stored());
        form.getConfig().setPort(2525);
        form.getConfig().setAuthType(AuthType.NONE);
        assertEquals(new SettingsCheck.Reentry(false, false, false, false), SettingsCheck.reentry(stored(), form));
    }

    private static SmtpSettings stored() {
        var s = new SmtpSettings();
        s.getConfig().setDefaultSmtp(false);
        s.getConfig().setAddress("smtp.example.com");
        s.getConfig().setPort(587);
        s.getConfig().setTlsMode(TlsMode.STARTTLS);
        s.getConfig().setTlsVersion(TlsVersion.TLSv1_2);
        s.getConfig().setUserName("sender@example.com");
        s.getConfig().setAuthType(AuthType.BASIC);
        s.getConfig().setAuthMechanism(AuthMechanism.AUTO);
        s.setPasswordCiphertext("ciphertext");
        s.setClientSecretCiphertext("ciphertext");
        s.getConfig().setClientId("client");
        s.getConfig().setTokenEndpoint("https://login.example.com/token");
        return s;
    }
}
