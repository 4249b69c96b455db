package com.mailroom.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The test report's reply line: the server's code once, and only a server's code; the write-only text areas are the
 * inputs the API's errors about key material land on.
 */
class SmtpSettingsBackingTest {

    @Test
    void aReplyThatStartsWithItsCodeIsNotPrefixedAgain() {
        assertEquals(
                "535 5.7.8 Authentication credentials invalid",
                SmtpSettingsBacking.replyText(535, "535 5.7.8 Authentication credentials invalid"));
    }

    @Test
    void aReplyWithoutItsCodeGetsIt() {
        assertEquals("550 Mailbox unavailable", SmtpSettingsBacking.replyText(550, "Mailbox unavailable"));
    }

    @Test
    void withoutAServerReplyTheMessageStandsAlone() {
        assertEquals(
                "Could not connect to 127.0.0.1:25: Connection refused",
                SmtpSettingsBacking.replyText(null, "Could not connect to 127.0.0.1:25: Connection refused"));
        assertEquals("", SmtpSettingsBacking.replyText(null, null));
    }

    @Test
    void theKeyMaterialThePageForgetsIsWhatTheApiNamesInItsErrors() {
        for (String field : List.of("client_certificate", "client_private_key", "service_account_key")) {
            assertTrue(SmtpSettingsBacking.KEY_MATERIAL_IDS.contains(SmtpSettingsBacking.FIELD_IDS.get(field)), field);
        }
        assertEquals(3, SmtpSettingsBacking.KEY_MATERIAL_IDS.size());
    }
}
