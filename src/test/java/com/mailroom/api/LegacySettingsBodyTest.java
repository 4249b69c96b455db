package com.mailroom.api;

import static com.mailroom.api.Bodies.assertOnlyRefused;
import static com.mailroom.api.Bodies.fields;
import static com.mailroom.api.Bodies.invalid;
import static com.mailroom.api.Bodies.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mailroom.api.ErrorBody.Field;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.control.SettingsForm;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LegacySettingsBodyTest {

    /** The row as the migration creates it: default settings, STARTTLS on 587, no authentication. */
    private static SettingsForm fresh() {
        var form = new SettingsForm();
        form.getConfig().setPort(587);
        return form;
    }

    private static SettingsForm overlay(SettingsForm form, String body) {
        LegacySettingsBody.changes(json(body)).accept(form);
        return form;
    }

    private static SettingsForm overlay(String body) {
        return overlay(fresh(), body);
    }

    private static List<Field> refused(String body) {
        return invalid(() -> LegacySettingsBody.changes(json(body)));
    }

    @Test
    void peersBodyIsMappedOntoTheForm() {
        SettingsForm form = overlay("{'address': 'smtp.office365.com', 'from': 'Reports <r@example.com>',"
                + " 'user_name': 'r@example.com', 'password': 'pw', 'port': 587, 'enable_starttls_auto': true,"
                + " 'ssl_version': 'TLSv1_2', 'auth_type': 'basic', 'default_smtp': false}");
        assertEquals("smtp.office365.com", form.getConfig().getAddress());
        assertEquals("Reports <r@example.com>", form.getConfig().getFrom());
        assertEquals("r@example.com", form.getConfig().getUserName());
        assertEquals("pw", form.getPassword());
        assertEquals(587, form.getConfig().getPort());
        assertEquals(TlsMode.STARTTLS, form.getConfig().getTlsMode());
        assertEquals(TlsVersion.TLSv1_2, form.getConfig().getTlsVersion());
        assertEquals(AuthType.BASIC, form.getConfig().getAuthType());
        assertEquals(false, form.getConfig().isDefaultSmtp());
    }

    @Test
    void oauthFieldsAreMapped() {
        SettingsForm form = overlay("{'user_name': 'box@example.com', 'auth_type': 'oauth', 'client_id': 'cid',"
                + " 'client_secret': 'cs', 'token_endpoint': 'https://login.example.com/token', 'scopes': 'x'}");
        assertEquals(AuthType.OAUTH, form.getConfig().getAuthType());
        assertEquals("cid", form.getConfig().getClientId());
        assertEquals("cs", form.getClientSecret());
        assertEquals("https://login.example.com/token", form.getConfig().getTokenEndpoint());
        assertEquals("x", form.getConfig().getScopes());
    }

    // --- enable_starttls_auto

    @Test
    void starttlsAutoTrueIsStarttlsOnAnyPort() {
        assertEquals(
                TlsMode.STARTTLS,
                overlay("{'enable_starttls_auto': true, 'port': 465}")
                        .getConfig()
                        .getTlsMode());
        assertEquals(
                TlsMode.STARTTLS,
                overlay("{'enable_starttls_auto': true, 'port': 25}")
                        .getConfig()
                        .getTlsMode());
    }

    @ParameterizedTest
    @CsvSource({"465,IMPLICIT", "25,NONE", "587,NONE", "2525,NONE"})
    void starttlsAutoFalseIsImplicitOn465AndNoTlsElsewhere(int port, TlsMode expected) {
        assertEquals(
                expected,
                overlay("{'enable_starttls_auto': false, 'port': " + port + "}")
                        .getConfig()
                        .getTlsMode());
    }

    @Test
    void starttlsAutoFalseUsesTheStoredPortWhenTheBodyHasNone() {
        var stored = fresh();
        stored.getConfig().setPort(465);
        assertEquals(
                TlsMode.IMPLICIT,
                overlay(stored, "{'enable_starttls_auto': false}").getConfig().getTlsMode());
    }

    @Test
    void starttlsAutoFalseSeesThePortOfTheSameBodyWhateverTheKeyOrder() {
        assertEquals(
                TlsMode.IMPLICIT,
                overlay("{'enable_starttls_auto': false, 'port': 465}")
                        .getConfig()
                        .getTlsMode());
        assertEquals(
                TlsMode.IMPLICIT,
                overlay("{'port': 465, 'enable_starttls_auto': false}")
                        .getConfig()
                        .getTlsMode());
    }

    @Test
    void absentStarttlsAutoKeepsTheStoredMode() {
        var stored = fresh();
        stored.getConfig().setTlsMode(TlsMode.IMPLICIT);
        assertEquals(
                TlsMode.IMPLICIT,
                overlay(stored, "{'address': 'smtp.example.com'}").getConfig().getTlsMode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'true'", "1", "null", "'yes'"})
    void starttlsAutoThatIsNotABooleanIsRefused(String value) {
        assertEquals(
                List.of(new Field("enable_starttls_auto", "Must be true or false.")),
                refused("{'enable_starttls_auto': " + value + "}"));
    }

    // --- ssl_version

    @ParameterizedTest
    @CsvSource({
        "TLSv1_2,TLSv1_2",
        "tlsv1_2,TLSv1_2",
        "TLSv1.2,TLSv1_2",
        "SSLv23,TLSv1_2_OR_NEWER",
        "sslv23,TLSv1_2_OR_NEWER"
    })
    void sslVersionIsMapped(String wire, TlsVersion expected) {
        assertEquals(
                expected, overlay("{'ssl_version': '" + wire + "'}").getConfig().getTlsVersion());
    }

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1_1", "TLSv1", "SSLv3", "tlsv1.1"})
    void legacySslVersionIsRefusedWithAnExplanation(String wire) {
        assertOnlyRefused(refused("{'ssl_version': '" + wire + "'}"), "ssl_version", "TLS 1.1 and older are insecure");
    }

    @ParameterizedTest
    @ValueSource(strings = {"'TLSv1_3'", "'TLSv1_2_OR_NEWER'", "'SSLv2'", "''", "'TLS'", "null", "12"})
    void otherSslVersionsAreRefused(String value) {
        List<Field> errors = refused("{'ssl_version': " + value + "}");
        assertEquals(List.of("ssl_version"), fields(errors));
    }

    @Test
    void absentSslVersionKeepsTheStoredOne() {
        var stored = fresh();
        stored.getConfig().setTlsVersion(TlsVersion.TLSv1_3);
        assertEquals(TlsVersion.TLSv1_3, overlay(stored, "{}").getConfig().getTlsVersion());
    }

    // --- auth_type

    @ParameterizedTest
    @ValueSource(strings = {"oauth", "OAUTH", "OAuth", "oAuTh"})
    void oauthIsAcceptedInAnyCase(String value) {
        assertEquals(
                AuthType.OAUTH,
                overlay("{'auth_type': '" + value + "'}").getConfig().getAuthType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"basic", "BASIC", "Basic"})
    void basicIsAcceptedInAnyCase(String value) {
        assertEquals(
                AuthType.BASIC,
                overlay("{'auth_type': '" + value + "'}").getConfig().getAuthType());
    }

    @ParameterizedTest
    @ValueSource(strings = {"'none'", "'NONE'", "''", "'oauth2'", "'login'", "1", "true"})
    void authTypeOtherThanBasicOrOauthIsRefused(String value) {
        assertOnlyRefused(refused("{'user_name': 'u', 'auth_type': " + value + "}"), "auth_type", "basic, oauth");
    }

    @Test
    void absentAuthTypeIsBasicWhenAUserNameIsGiven() {
        assertEquals(
                AuthType.BASIC,
                overlay("{'user_name': 'reports@example.com'}").getConfig().getAuthType());
        assertEquals(
                AuthType.BASIC,
                overlay("{'user_name': 'reports@example.com', 'auth_type': null}")
                        .getConfig()
                        .getAuthType());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"{}", "{'user_name': null}", "{'user_name': ''}", "{'user_name': '   '}", "{'auth_type': null}"})
    void absentAuthTypeIsNoneWithoutAUserName(String body) {
        assertEquals(AuthType.NONE, overlay(body).getConfig().getAuthType());
    }

    @Test
    void absentAuthTypeFollowsTheUserNameOfTheBodyOverTheStoredOne() {
        var stored = fresh();
        stored.getConfig().setUserName("old@example.com");
        stored.getConfig().setAuthType(AuthType.BASIC);
        assertEquals(
                AuthType.NONE,
                overlay(stored, "{'user_name': null}").getConfig().getAuthType());
    }

    // --- types and unknown fields

    @ParameterizedTest
    @ValueSource(strings = {"'587'", "587.5", "1e20", "true"})
    void portThatIsNotAWholeNumberIsRefused(String port) {
        assertEquals(List.of(new Field("port", "Must be a whole number.")), refused("{'port': " + port + "}"));
    }

    @Test
    void defaultSmtpMustBeABoolean() {
        assertEquals(List.of("default_smtp"), fields(refused("{'default_smtp': 'yes'}")));
        assertEquals(true, overlay("{'default_smtp': true}").getConfig().isDefaultSmtp());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "tls_mode",
                "tls_version",
                "auth_mechanism",
                "trusted_ca_pem",
                "password_set",
                "version",
                "enable_ssl",
                "ssl"
            })
    void fieldsOutsideThePeersApiAreRefused(String name) {
        assertEquals(List.of(new Field(name, "Unknown field.")), refused("{'" + name + "': 'x'}"));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        List<Field> errors = refused("{'port': '25', 'enable_starttls_auto': 'no', 'ssl_version': 'TLSv1_1',"
                + " 'auth_type': 'none', 'address': 5, 'tls_mode': 'none'}");
        assertEquals(
                Set.of("port", "enable_starttls_auto", "ssl_version", "auth_type", "address", "tls_mode"),
                Set.copyOf(fields(errors)));
    }

    @Test
    void secretsAreOnlyPassedOn() {
        SettingsForm form = overlay("{'password': null, 'client_secret': ''}");
        assertNull(form.getPassword());
        assertEquals("", form.getClientSecret());
    }
}
