package com.mailroom.api;

import static com.mailroom.api.Bodies.assertOnlyRefused;
import static com.mailroom.api.Bodies.fields;
import static com.mailroom.api.Bodies.invalid;
import static com.mailroom.api.Bodies.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.api.ErrorBody.Field;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.boundary.SmtpSettingsView;
import com.mailroom.settings.control.SettingsForm;
import com.mailroom.settings.entity.SmtpConfig;
import jakarta.json.Json;
import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsBodyTest {

    private static SettingsForm stored() {
        var form = new SettingsForm();
        form.setVersion(3L);
        form.getConfig().setDefaultSmtp(false);
        form.getConfig().setAddress("smtp.example.com");
        form.getConfig().setPort(587);
        form.getConfig().setFrom("Reports <reports@example.com>");
        form.getConfig().setUserName("reports@example.com");
        form.getConfig().setAuthType(AuthType.BASIC);
        return form;
    }

    private static SettingsForm overlay(String body) {
        var form = stored();
        SettingsBody.changes(json(body)).accept(form);
        return form;
    }

    private static List<Field> refused(String body) {
        return invalid(() -> SettingsBody.changes(json(body)));
    }

    @Test
    void theGetAnswerWithSecretsIsAppliedFieldByField() {
        SettingsForm form = overlay("{'default_smtp': false, 'address': 'smtp.office365.com', 'port': 587,"
                + " 'from': 'Reports <reports@example.com>', 'user_name': 'box@example.com', 'password_set': true,"
                + " 'tls_mode': 'starttls', 'tls_version': 'TLSv1_3', 'trusted_ca_pem': null, 'auth_type': 'oauth',"
                + " 'auth_mechanism': 'login', 'client_id': 'cid', 'client_secret_set': true, 'client_secret': 'cs',"
                + " 'password': 'pw', 'token_endpoint': 'https://login.example.com/token', 'scopes': 'a b',"
                + " 'version': 7, 'updated_at': '2026-11-27T10:00:00Z', 'updated_by': 'admin'}");
        assertFalse(form.getConfig().isDefaultSmtp());
        assertEquals("smtp.office365.com", form.getConfig().getAddress());
        assertEquals(587, form.getConfig().getPort());
        assertEquals("box@example.com", form.getConfig().getUserName());
        assertEquals("pw", form.getPassword());
        assertEquals(TlsMode.STARTTLS, form.getConfig().getTlsMode());
        assertEquals(TlsVersion.TLSv1_3, form.getConfig().getTlsVersion());
        assertNull(form.getConfig().getTrustedCaPem());
        assertEquals(AuthType.OAUTH, form.getConfig().getAuthType());
        assertEquals(AuthMechanism.LOGIN, form.getConfig().getAuthMechanism());
        assertEquals("cid", form.getConfig().getClientId());
        assertEquals("cs", form.getClientSecret());
        assertEquals("https://login.example.com/token", form.getConfig().getTokenEndpoint());
        assertEquals("a b", form.getConfig().getScopes());
        assertEquals(3L, form.getVersion(), "the body's version is read-only: preconditions are If-Match's business");
    }

    @Test
    void absentFieldsKeepTheStoredValuesAndSecretsStayKept() {
        SettingsForm form = overlay("{'port': 2525}");
        assertEquals(2525, form.getConfig().getPort());
        assertEquals("smtp.example.com", form.getConfig().getAddress());
        assertEquals(AuthType.BASIC, form.getConfig().getAuthType());
        assertEquals(3L, form.getVersion());
        assertNull(form.getPassword());
        assertNull(form.getClientSecret());
    }

    @Test
    void emptyObjectChangesNothing() {
        SettingsForm form = overlay("{}");
        assertEquals("smtp.example.com", form.getConfig().getAddress());
        assertEquals(587, form.getConfig().getPort());
    }

    @Test
    void nullSecretKeepsAndEmptySecretClears() {
        assertNull(overlay("{'password': null, 'client_secret': null}").getPassword());
        assertEquals("", overlay("{'password': ''}").getPassword());
    }

    @Test
    void nullPortAndNullTextMeanNotSet() {
        SettingsForm form = overlay("{'port': null, 'address': null, 'from': null}");
        assertNull(form.getConfig().getPort());
        assertNull(form.getConfig().getAddress());
        assertNull(form.getConfig().getFrom());
    }

    @Test
    void stringsArePassedOnUntrimmedSoRulesCanRefuseLineBreaks() {
        assertEquals(
                "smtp.example.com\r\n",
                overlay("{'address': 'smtp.example.com\\r\\n'}").getConfig().getAddress());
        assertEquals("pw\r\n", overlay("{'password': 'pw\\r\\n'}").getPassword());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "'587'",
                "587.5",
                "1e20",
                "1E+3",
                "2147483648",
                "-2147483649",
                "99999999999999999999999",
                "true",
                "[587]",
                "{'n': 587}",
                "''"
            })
    void portThatIsNotAWholeNumberIsRefused(String port) {
        List<Field> errors = refused("{'port': " + port + "}");
        assertEquals(List.of(new Field("port", "Must be a whole number.")), errors);
    }

    @ParameterizedTest
    @ValueSource(strings = {"'30'", "1.5", "true", "[30]", "1e12", "99999999999", "''"})
    void maxMailsPerMinuteThatIsNotAWholeNumberIsRefused(String value) {
        List<Field> errors = refused("{'max_mails_per_minute': " + value + "}");
        assertEquals(List.of(new Field("max_mails_per_minute", "Must be a whole number.")), errors);
    }

    @Test
    void maxMailsPerMinuteIsSetAndClearedLikeAnyOtherField() {
        assertEquals(30, overlay("{'max_mails_per_minute': 30}").getConfig().getMaxMailsPerMinute());
        assertEquals(0, overlay("{'max_mails_per_minute': 0}").getConfig().getMaxMailsPerMinute(), "left to the rules");
        assertNull(overlay("{'max_mails_per_minute': null}").getConfig().getMaxMailsPerMinute());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "65536", "2147483647", "-2147483648"})
    void portOutOfRangeIsLeftToTheRules(String port) {
        assertEquals(
                Integer.parseInt(port),
                overlay("{'port': " + port + "}").getConfig().getPort());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'yes'", "'true'", "1", "0", "null", "[]", "{}"})
    void defaultSmtpThatIsNotABooleanIsRefused(String value) {
        assertEquals(
                List.of(new Field("default_smtp", "Must be true or false.")),
                refused("{'default_smtp': " + value + "}"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "address",
                "from",
                "user_name",
                "password",
                "trusted_ca_pem",
                "client_id",
                "client_secret",
                "token_endpoint",
                "scopes"
            })
    void textFieldsOfTheWrongTypeAreRefused(String field) {
        for (String value : List.of("1", "true", "[]", "{}", "['a']")) {
            assertEquals(List.of(new Field(field, "Must be a string.")), refused("{'" + field + "': " + value + "}"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"'ssl'", "'tls'", "''", "'start tls'", "'starttls\\r\\n'", "null", "1", "true"})
    void unknownTlsModeIsRefusedNamingTheChoices(String value) {
        assertOnlyRefused(refused("{'tls_mode': " + value + "}"), "tls_mode", "none, starttls, implicit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"STARTTLS", "StartTLS", "starttls"})
    void tlsModeIsAcceptedInAnyCase(String value) {
        assertEquals(
                TlsMode.STARTTLS,
                overlay("{'tls_mode': '" + value + "'}").getConfig().getTlsMode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1_1", "TLSv1", "SSLv3", "tlsv1.1"})
    void legacyTlsVersionIsRefusedWithAnExplanation(String value) {
        assertOnlyRefused(refused("{'tls_version': '" + value + "'}"), "tls_version", "TLS 1.1 and older are insecure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'SSLv23'", "'TLSv2'", "''", "null", "12"})
    void unknownTlsVersionIsRefusedNamingTheChoices(String value) {
        assertOnlyRefused(refused("{'tls_version': " + value + "}"), "tls_version", "TLSv1_2 (recommended)");
    }

    @Test
    void tlsVersionAcceptsDotsAsWell() {
        assertEquals(
                TlsVersion.TLSv1_2,
                overlay("{'tls_version': 'TLSv1.2'}").getConfig().getTlsVersion());
        assertEquals(
                TlsVersion.TLSv1_2_OR_NEWER,
                overlay("{'tls_version': 'TLSv1_2_OR_NEWER'}").getConfig().getTlsVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'oauth2'", "'xoauth2'", "''", "null", "'basic '"})
    void unknownAuthTypeIsRefused(String value) {
        assertOnlyRefused(refused("{'auth_type': " + value + "}"), "auth_type", "none, basic, oauth");
    }

    @Test
    void authTypeAndMechanismAreAcceptedInAnyCase() {
        SettingsForm form = overlay("{'auth_type': 'OAUTH', 'auth_mechanism': 'PLAIN'}");
        assertEquals(AuthType.OAUTH, form.getConfig().getAuthType());
        assertEquals(AuthMechanism.PLAIN, form.getConfig().getAuthMechanism());
        assertEquals(AuthType.NONE, overlay("{'auth_type': 'None'}").getConfig().getAuthType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'cram-md5'", "'xoauth2'", "null", "''"})
    void unknownAuthMechanismIsRefused(String value) {
        assertEquals(List.of("auth_mechanism"), fields(refused("{'auth_mechanism': " + value + "}")));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "passwd",
                "Password",
                "smtp_password",
                "enable_starttls_auto",
                "ssl_version",
                "addressX",
                "",
                "port ",
                "id"
            })
    void unknownFieldsAreRefusedByName(String name) {
        assertEquals(List.of(new Field(name, "Unknown field.")), refused("{'" + name + "': 'x'}"));
    }

    @Test
    void readOnlyFieldsOfTheGetAnswerAreIgnored() {
        SettingsForm form =
                overlay("{'password_set': false, 'client_secret_set': false, 'updated_at': 'x', 'updated_by': 'y',"
                        + " 'version': 99}");
        assertNull(form.getPassword());
        assertNull(form.getClientSecret());
        assertEquals(3L, form.getVersion());
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Field> errors =
                refused("{'port': '587', 'default_smtp': 'yes', 'tls_mode': 'ssl', 'tls_version': 'TLSv1_1',"
                        + " 'address': 1, 'bogus': 1}");
        assertEquals(
                Set.of("port", "default_smtp", "tls_mode", "tls_version", "address", "bogus"),
                Set.copyOf(fields(errors)));
        assertEquals(6, errors.size());
    }

    @Test
    void errorsAreNamedBySnakeCaseJsonFields() {
        List<Field> errors = refused("{'user_name': 1, 'client_id': 2, 'token_endpoint': 3, 'trusted_ca_pem': 4,"
                + " 'client_secret': 5, 'auth_mechanism': 6}");
        errors.forEach(e -> assertTrue(e.field().matches("[a-z]+(_[a-z]+)*"), e.field()));
        assertEquals(
                Set.of("user_name", "client_id", "token_endpoint", "trusted_ca_pem", "client_secret", "auth_mechanism"),
                Set.copyOf(fields(errors)));
    }

    /** The write-only fields: never in an answer. */
    private static final Set<String> SECRETS =
            Set.of("password", "client_secret", "client_certificate", "client_private_key", "service_account_key");

    @Test
    void everyFieldOfTheGetAnswerIsEditableOrReadOnlySoTheAnswerCanBeSentBack() {
        Set<String> known = new HashSet<>(JsonRecords.fields(SettingsBody.class).keySet());
        known.addAll(SettingsBody.READ_ONLY);
        known.removeAll(SECRETS);
        assertEquals(JsonRecords.fields(SmtpSettingsView.class).keySet(), known);
    }

    @Test
    void nullClearsWhatIsStoredAndAbsentKeepsIt() {
        var form = stored();
        form.getConfig().setTrustedCaPem("-----BEGIN CERTIFICATE-----");
        form.getConfig().setScopes("a b");
        SettingsBody.changes(json("{'trusted_ca_pem': null}")).accept(form);
        assertNull(form.getConfig().getTrustedCaPem());
        assertEquals("a b", form.getConfig().getScopes());
        assertEquals("Reports <reports@example.com>", form.getConfig().getFrom());
        assertEquals(TlsMode.STARTTLS, form.getConfig().getTlsMode());
        assertEquals(TlsVersion.TLSv1_2, form.getConfig().getTlsVersion());
        assertEquals(AuthMechanism.AUTO, form.getConfig().getAuthMechanism());
        assertFalse(form.getConfig().isDefaultSmtp());
    }

    @Test
    void theStoredValuesAreNotChangedBeforeTheChangesAreApplied() {
        var changes = SettingsBody.changes(json("{'address': 'other.example.com', 'client_secret': ''}"));
        var form = stored();
        assertEquals("smtp.example.com", form.getConfig().getAddress());
        changes.accept(form);
        assertEquals("other.example.com", form.getConfig().getAddress());
        assertEquals("", form.getClientSecret());
        assertNull(form.getPassword());
    }

    @Test
    void theBodyHasEverySettingOfSmtpConfigByItsJsonNameAndTheSecrets() {
        var settings = Json.createReader(new StringReader(JsonbConfiguration.JSONB.toJson(new SmtpConfig())))
                .readObject();
        Set<String> expected = new HashSet<>(settings.keySet());
        expected.addAll(SECRETS);
        assertEquals(expected, JsonRecords.fields(SettingsBody.class).keySet(), "a setting the API cannot change");
    }
}
