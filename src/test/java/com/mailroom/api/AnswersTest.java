package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.mailroom.delivery.boundary.MailView;
import com.mailroom.errors.BodyTooLarge;
import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.settings.boundary.SmtpSettingsView;
import com.mailroom.settings.boundary.TestReport;
import com.mailroom.status.boundary.StatusView;
import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.UserView;
import jakarta.json.bind.Jsonb;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every answer's JSON, to the byte, as the API wrote it before request bodies were bound with JSON-B (the expected
 * strings were taken from the JSON-B configuration of that time): field names, order, nulls and spellings.
 */
class AnswersTest {

    private static final Jsonb JSONB = new JsonbConfiguration().getContext(Object.class);

    private static void answers(String expected, Object answer) {
        assertEquals(expected, JSONB.toJson(answer));
    }

    @Test
    void settings() {
        answers(
                "{\"address\":\"smtp.office365.com\",\"auth_mechanism\":\"auto\",\"auth_type\":\"oauth\","
                        + "\"certificate_expires_at\":\"2027-06-01T00:00:00Z\",\"certificate_subject\":\"CN=Mailroom\","
                        + "\"certificate_thumbprint\":\"0A1B\",\"client_certificate_set\":true,\"client_id\":\"cid\","
                        + "\"client_secret_set\":false,\"default_smtp\":false,\"from\":\"Reports"
                        + " <reports@contoso.com>\",\"max_mails_per_minute\":30,"
                        + "\"oauth_client_auth\":\"certificate\",\"password_set\":false,\"port\":587,"
                        + "\"scopes\":\"https://outlook.office365.com/.default\",\"service_account_client_id\":null,"
                        + "\"service_account_key_id\":null,\"service_account_key_set\":false,"
                        + "\"tls_mode\":\"starttls\",\"tls_version\":\"TLSv1_2\",\"token_endpoint\":\"https://login."
                        + "example.com/t\","
                        + "\"trusted_ca_pem\":null,\"updated_at\":\"2026-11-27T10:00:00Z\",\"updated_by\":\"admin\","
                        + "\"user_name\":\"reports@contoso.com\",\"version\":3}",
                new SmtpSettingsView(
                        false,
                        "smtp.office365.com",
                        587,
                        "Reports <reports@contoso.com>",
                        "reports@contoso.com",
                        false,
                        "starttls",
                        "TLSv1_2",
                        null,
                        "oauth",
                        "auto",
                        "certificate",
                        "cid",
                        false,
                        true,
                        "CN=Mailroom",
                        "0A1B",
                        "2027-06-01T00:00:00Z",
                        false,
                        null,
                        null,
                        "https://login.example.com/t",
                        "https://outlook.office365.com/.default",
                        30,
                        3,
                        "2026-11-27T10:00:00Z",
                        "admin"));
        answers(
                "{\"address\":null,\"auth_mechanism\":\"auto\",\"auth_type\":\"none\",\"certificate_expires_at\":null,"
                        + "\"certificate_subject\":null,\"certificate_thumbprint\":null,\"client_certificate_set\":false,"
                        + "\"client_id\":null,"
                        + "\"client_secret_set\":false,\"default_smtp\":true,\"from\":null,\"max_mails_per_minute\":null,"
                        + "\"oauth_client_auth\":\"client_secret\",\"password_set\":false,\""
                        + "port\":null,"
                        + "\"scopes\":null,\"service_account_client_id\":null,\"service_account_key_id\":null,"
                        + "\"service_account_key_set\":false,\"tls_mode\":\"starttls\",\"tls_version\":\"TLSv1_2_OR_NEWER\",\"token_en"
                        + "dpoint\":null,"
                        + "\"trusted_ca_pem\":null,\"updated_at\":null,\"updated_by\":null,\"user_name\":null,\"vers"
                        + "ion\":0}",
                new SmtpSettingsView(
                        true,
                        null,
                        null,
                        null,
                        null,
                        false,
                        "starttls",
                        "TLSv1_2_OR_NEWER",
                        null,
                        "none",
                        "auto",
                        "client_secret",
                        null,
                        false,
                        false,
                        null,
                        null,
                        null,
                        false,
                        null,
                        null,
                        null,
                        null,
                        null,
                        0,
                        null,
                        null));
    }

    @Test
    void testReport() {
        answers(
                "{\"duration_ms\":412,\"hint\":\"Switch to OAuth 2.0.\",\"message\":\"535 5.7.139 Authentication"
                        + " unsuccessful\","
                        + "\"recipient\":\"admin@example.com\",\"smtp_code\":535,\"stage\":\"mail_from\",\"success\""
                        + ":false,"
                        + "\"transcript\":[\"S: 220 ready\",\"C: AUTH LOGIN <redacted>\"]}",
                new TestReport(
                        false,
                        "admin@example.com",
                        "mail_from",
                        535,
                        "535 5.7.139 Authentication unsuccessful",
                        "Switch to OAuth 2.0.",
                        List.of("S: 220 ready", "C: AUTH LOGIN <redacted>"),
                        412));
        answers(
                "{\"duration_ms\":0,\"hint\":null,\"message\":\"250"
                        + " OK\",\"recipient\":\"a@example.com\",\"smtp_code\":null,"
                        + "\"stage\":\"done\",\"success\":true,\"transcript\":[]}",
                new TestReport(true, "a@example.com", "done", null, "250 OK", null, List.of(), 0));
    }

    @Test
    void status() {
        var nodes = List.of(
                new StatusView.Node("node-1", false, "SMTP connect failed", "2026-11-27T10:00:05Z"),
                new StatusView.Node("node-2", true, null, null));
        answers(
                "{\"is_valid\":false,\"mode\":\"custom\",\"node_count\":2,\"node_status\":[{\"checked_at\":\"2026-11"
                        + "-27T10:00:05Z\","
                        + "\"hostname\":\"node-1\",\"is_valid\":false,\"message\":\"SMTP connect"
                        + " failed\"},{\"checked_at\":null,"
                        + "\"hostname\":\"node-2\",\"is_valid\":true,\"message\":null}]}",
                StatusView.of("custom", nodes));
        answers(
                "{\"is_valid\":true,\"node_count\":1,\"node_status\":[{\"hostname\":\"node-1\",\"is_valid\":true,\"m"
                        + "essage\":null}]}",
                new LegacyApiResource.LegacyStatus(
                        true, 1, List.of(new LegacyApiResource.LegacyStatus.Node(true, null, "node-1"))));
    }

    @Test
    void users() {
        answers(
                "[{\"admin\":true,\"email\":\"admin@example.com\",\"id\":1,\"username\":\"admin\"},"
                        + "{\"admin\":false,\"email\":null,\"id\":2,\"username\":\"dave\"}]",
                List.of(new UserView(1, "admin", "admin@example.com", true), new UserView(2, "dave", null, false)));
        answers(
                "{\"client_id\":\"bWFpbHJvb20\",\"client_secret\":\"d6Qx\"}",
                new ApiAccess.IssuedCredentials("bWFpbHJvb20", "d6Qx"));
        answers(
                "{\"access_token\":\"q3x\",\"expires_in\":3600,\"token_type\":\"Bearer\"}",
                new ApiAccess.IssuedToken("q3x", "Bearer", 3600));
    }

    @Test
    void mail() {
        answers("{\"id\":\"0b6f\",\"status\":\"queued\"}", new MailResource.Queued("0b6f", "queued"));
        answers(
                "{\"id\":\"0b6f\",\"status\":\"failed\",\"attempts\":1,\"last_error\":\"rcpt_to: 550 5.1.1 no such"
                        + " user\","
                        + "\"sent_at\":null,\"category\":\"admin_notification\",\"subject\":\"Weekly"
                        + " report\",\"recipients\":1,"
                        + "\"attachments\":0,\"size_bytes\":1234,\"created_at\":\"2026-11-27T10:00:00.123Z\",\"next_"
                        + "attempt_at\":null,\"content_purged\":false}",
                new MailView(
                        "0b6f",
                        "failed",
                        1,
                        "rcpt_to: 550 5.1.1 no such user",
                        null,
                        "admin_notification",
                        "Weekly report",
                        1,
                        0,
                        1234,
                        "2026-11-27T10:00:00.123Z",
                        null,
                        false));
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("queued", 0L);
        counts.put("sending", 2L);
        counts.put("sent", 1480L);
        answers("{\"queued\":0,\"sending\":2,\"sent\":1480}", counts);
    }

    @Test
    void errors() {
        answers(
                "{\"message\":\"The input has 2 errors.\",\"errors\":[{\"field\":\"port\",\"message\":\"Must be a"
                        + " whole number.\"},"
                        + "{\"field\":\"attachments[0].filename\",\"message\":\"Unknown field.\"}]}",
                ErrorBody.of(new InvalidInput(List.of(
                        FieldError.of("port", "field.mustBe.wholeNumber"),
                        FieldError.of("attachments[0].filename", "field.unknown")))));
        answers(
                "{\"message\":\"The request body is larger than 1024 KiB.\",\"errors\":[]}",
                ErrorBody.of(new BodyTooLarge(1024 * 1024)));
    }
}
