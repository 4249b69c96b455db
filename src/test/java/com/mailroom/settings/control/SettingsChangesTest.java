package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.settings.entity.SmtpConfig;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
                SettingsChanges.names(before, after, secrets(true, false)));
    }

    @Test
    void thePortCountsAsTheOneInUseAndASecretOnlyWhenItChanged() {
        var before = new SmtpConfig();
        before.setTlsMode(TlsMode.STARTTLS);
        var after = before.copy();
        after.setPort(TlsMode.STARTTLS.defaultPort()); // the same port, now typed in
        assertEquals(List.of(), SettingsChanges.names(before, after, secrets(false, false)));
        assertEquals(List.of("client_secret"), SettingsChanges.names(before, after, secrets(false, true)));
    }

    @Test
    void aChangedSendRateIsNamed() {
        var before = new SmtpConfig();
        var after = before.copy();
        after.setMaxMailsPerMinute(30);
        assertEquals(List.of("max_mails_per_minute"), SettingsChanges.names(before, after, secrets(false, false)));
        var cleared = after.copy();
        cleared.setMaxMailsPerMinute(null);
        assertEquals(List.of("max_mails_per_minute"), SettingsChanges.names(after, cleared, secrets(false, false)));
    }

    @Test
    void everyValueOfTheSettingsIsCompared() {
        var names = SettingsChanges.VALUES.keySet();
        long fields = Arrays.stream(SmtpConfig.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .count();
        assertEquals(fields, names.size(), "a new setting needs its name in SettingsChanges: " + names);
    }

    private static Map<String, Boolean> secrets(boolean password, boolean clientSecret) {
        var changed = new LinkedHashMap<String, Boolean>();
        changed.put("password", password);
        changed.put("client_secret", clientSecret);
        return changed;
    }
}
