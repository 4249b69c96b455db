package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.settings.entity.AuthMechanism;
import com.mailroom.settings.entity.AuthType;
import com.mailroom.settings.entity.SmtpSettings;
import com.mailroom.settings.entity.TlsMode;
import com.mailroom.settings.entity.TlsVersion;
import org.junit.jupiter.api.Test;

/** The page's re-entry hint ({@link SettingsCheck#reentry}) says what a save would refuse, no more. */
class SettingsCheckReentryTest {

    @Test
    void nothingIsAskedForWhileTheDestinationIsUnchanged() {
        var form = Forms.editing(stored());
        form.setAddress(" SMTP.example.com ");
        form.setPort(null); // the default port of STARTTLS, as stored
        assertEquals(new SettingsCheck.Reentry(false, false), SettingsCheck.reentry(stored(), form));
    }

    @Test
    void aChangedPortAsksForThePasswordAndAChangedTokenUrlForTheClientSecret() {
        var form = Forms.editing(stored());
        form.setPort(2525);
        assertEquals(new SettingsCheck.Reentry(true, false), SettingsCheck.reentry(stored(), form));

        form = Forms.editing(stored());
        form.setAuthType(AuthType.OAUTH);
        form.setTokenEndpoint("https://elsewhere.example.com/token");
        assertEquals(new SettingsCheck.Reentry(false, true), SettingsCheck.reentry(stored(), form));
    }

    @Test
    void aSecretTheNewSettingsDoNotNeedIsNotAskedFor() {
        var form = Forms.editing(stored());
        form.setPort(2525);
        form.setAuthType(AuthType.NONE);
        assertEquals(new SettingsCheck.Reentry(false, false), SettingsCheck.reentry(stored(), form));
    }

    private static SmtpSettings stored() {
        var s = new SmtpSettings();
        s.setDefaultSmtp(false);
        s.setAddress("smtp.example.com");
        s.setPort(587);
        s.setTlsMode(TlsMode.STARTTLS);
        s.setTlsVersion(TlsVersion.TLSv1_2);
        s.setUserName("sender@example.com");
        s.setAuthType(AuthType.BASIC);
        s.setAuthMechanism(AuthMechanism.AUTO);
        s.setPasswordCiphertext("ciphertext");
        s.setClientSecretCiphertext("ciphertext");
        s.setClientId("client");
        s.setTokenEndpoint("https://login.example.com/token");
        return s;
    }
}
