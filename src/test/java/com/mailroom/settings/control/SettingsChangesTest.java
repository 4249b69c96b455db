package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.settings.control.ReentryRule.Outcome;
import com.mailroom.settings.entity.SmtpConfig;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsChangesTest {

    @Test
    void namesTheChangedFieldsAndAReplacedSecretNeverAValue() {
        var before = new SmtpConfig();
        var after = before.copy();
        after.setDefaultSmtp(false);
        after.setAddress("smtp.example.com");
        after.setAuthType(AuthType.BASIC);
        after.setUserName("mailer");
        assertEquals(
                List.of("default_smtp", "address", "user_name", "auth_type", "password"),
                SettingsChanges.names(before, after, Outcome.REPLACE, false, Outcome.NONE, false));
    }

    @Test
    void thePortCountsAsTheOneInUseAndAClearedSecretOnlyWhenOneWasStored() {
        var before = new SmtpConfig();
        before.setTlsMode(TlsMode.STARTTLS);
        var after = before.copy();
        after.setPort(TlsMode.STARTTLS.defaultPort()); // the same port, now typed in
        assertEquals(List.of(), SettingsChanges.names(before, after, Outcome.CLEAR, false, Outcome.KEEP, true));
        assertEquals(
                List.of("client_secret"),
                SettingsChanges.names(before, after, Outcome.KEEP, true, Outcome.CLEAR, true));
    }

    @Test
    void aChangedSendRateIsNamed() {
        var before = new SmtpConfig();
        var after = before.copy();
        after.setMaxMailsPerMinute(30);
        assertEquals(
                List.of("max_mails_per_minute"),
                SettingsChanges.names(before, after, Outcome.NONE, false, Outcome.NONE, false));
        var cleared = after.copy();
        cleared.setMaxMailsPerMinute(null);
        assertEquals(
                List.of("max_mails_per_minute"),
                SettingsChanges.names(after, cleared, Outcome.NONE, false, Outcome.NONE, false));
    }

    @Test
    void everyValueOfTheSettingsIsCompared() {
        var names = SettingsChanges.VALUES.keySet();
        long fields = Arrays.stream(SmtpConfig.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .count();
        assertEquals(fields, names.size(), "a new setting needs its name in SettingsChanges: " + names);
    }
}
