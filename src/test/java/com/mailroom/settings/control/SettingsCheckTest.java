package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.control.ReentryRule.Decision;
import com.mailroom.settings.control.ReentryRule.Outcome;
import com.mailroom.settings.control.SettingsCheck.Accepted;
import com.mailroom.settings.entity.SmtpSettings;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SettingsCheckTest {

    private static Accepted accept(SmtpSettings stored, SettingsForm form) {
        return SettingsCheck.check(stored, form, false);
    }

    private static List<FieldError> refuse(SmtpSettings stored, SettingsForm form) {
        InvalidInput e = assertThrows(InvalidInput.class, () -> SettingsCheck.check(stored, form, false));
        assertEquals(422, e.status());
        return e.errors();
    }

    /** The errors as the API shows them: the field and the English sentence. */
    private static List<String> shown(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    private static SmtpSettings storedBasic() {
        return Forms.stored(Forms.basic());
    }

    private static SmtpSettings storedOauth() {
        return Forms.stored(Forms.oauth());
    }

    private static Arguments change(String name, Consumer<SettingsForm> change) {
        return Arguments.of(name, change);
    }

    /** Changes that send the password somewhere else. */
    static Stream<Arguments> passwordDestinationChanges() {
        return Stream.of(
                change("host", f -> f.getConfig().setAddress("smtp.attacker.example")),
                change("port", f -> f.getConfig().setPort(2525)),
                change("TLS mode, same port", f -> f.getConfig().setTlsMode(TlsMode.NONE)),
                change("TLS mode with its default port", f -> {
                    f.getConfig().setTlsMode(TlsMode.IMPLICIT);
                    f.getConfig().setPort(null);
                }),
                change("username", f -> f.getConfig().setUserName("someone-else@example.com")),
                change("username case", f -> f.getConfig().setUserName("Reports@example.com")));
    }

    /** Changes that leave the password's destination as it was. */
    static Stream<Arguments> passwordNeutralChanges() {
        return Stream.of(
                change("host case", f -> f.getConfig().setAddress("SMTP.Example.COM")),
                change("host with root dot", f -> f.getConfig().setAddress("smtp.example.com.")),
                change("host with spaces", f -> f.getConfig().setAddress("  smtp.example.com ")),
                change("port emptied to the mode default", f -> f.getConfig().setPort(null)),
                change("TLS version", f -> f.getConfig().setTlsVersion(TlsVersion.TLSv1_3)),
                change("from", f -> f.getConfig().setFrom("Other <other@example.com>")),
                change("auth mechanism", f -> f.getConfig().setAuthMechanism(AuthMechanism.LOGIN)),
                change("username with spaces", f -> f.getConfig().setUserName(" reports@example.com ")),
                change("token URL", f -> f.getConfig().setTokenEndpoint("https://login.example.com/token")),
                change("client ID", f -> f.getConfig().setClientId("some-id")));
    }

    /** Changes that send the client secret somewhere else. */
    static Stream<Arguments> clientSecretDestinationChanges() {
        return Stream.of(
                change("host", f -> f.getConfig().setAddress("smtp.attacker.example")),
                change("port", f -> f.getConfig().setPort(25)),
                change("TLS mode", f -> f.getConfig().setTlsMode(TlsMode.IMPLICIT)),
                change("username", f -> f.getConfig().setUserName("other-box@example.com")),
                change("token URL", f -> f.getConfig().setTokenEndpoint("https://login.attacker.example/token")),
                change(
                        "token URL path",
                        f -> f.getConfig().setTokenEndpoint(Forms.TOKEN_URL.replace("tenant", "other-tenant"))),
                change("client ID", f -> f.getConfig().setClientId("other-client")));
    }

    static Stream<Arguments> clientSecretNeutralChanges() {
        return Stream.of(
                change("host case", f -> f.getConfig().setAddress("SMTP.OFFICE365.COM")),
                change("port emptied to the mode default", f -> f.getConfig().setPort(null)),
                change("scopes", f -> f.getConfig().setScopes("https://outlook.office365.com/.default offline_access")),
                change("client ID with spaces", f -> f.getConfig().setClientId(" client-id ")),
                change("from", f -> f.getConfig().setFrom("reports@example.com")));
    }

    /** The two stored secrets: one re-entry rule keeps each from going to a destination it was not entered for. */
    enum Secret {
        PASSWORD(Forms::basic, "password", "enter the password again", SettingsForm::setPassword, Accepted::password),
        CLIENT_SECRET(
                Forms::oauth,
                "client_secret",
                "enter the client secret again",
                SettingsForm::setClientSecret,
                Accepted::clientSecret);

        private final Supplier<SettingsForm> saved;
        private final String field;
        private final String askAgain;
        private final BiConsumer<SettingsForm, String> enter;
        private final Function<Accepted, Decision> decision;

        Secret(
                Supplier<SettingsForm> saved,
                String field,
                String askAgain,
                BiConsumer<SettingsForm, String> enter,
                Function<Accepted, Decision> decision) {
            this.saved = saved;
            this.field = field;
            this.askAgain = askAgain;
            this.enter = enter;
            this.decision = decision;
        }

        /** A row saved with this secret. */
        SmtpSettings stored() {
            return Forms.stored(saved.get());
        }

        Outcome outcome(Accepted accepted) {
            return decision.apply(accepted).outcome();
        }
    }

    static Stream<Arguments> destinationChanges() {
        return Stream.concat(
                bothSecrets(Secret.PASSWORD, passwordDestinationChanges()),
                bothSecrets(Secret.CLIENT_SECRET, clientSecretDestinationChanges()));
    }

    static Stream<Arguments> neutralChanges() {
        return Stream.concat(
                bothSecrets(Secret.PASSWORD, passwordNeutralChanges()),
                bothSecrets(Secret.CLIENT_SECRET, clientSecretNeutralChanges()));
    }

    private static Stream<Arguments> bothSecrets(Secret secret, Stream<Arguments> changes) {
        return changes.map(change -> Arguments.of(secret, change.get()[0], change.get()[1]));
    }

    // --- the re-entry rule, for the password (basic) and the client secret (oauth) alike

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("destinationChanges")
    void aChangedDestinationIsRefusedWithoutTheSecretEnteredAgain(
            Secret secret, String name, Consumer<SettingsForm> change) {
        var stored = secret.stored();
        var form = Forms.editing(stored);
        change.accept(form);
        List<FieldError> errors = refuse(stored, form);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals(secret.field, errors.get(0).field());
        assertTrue(
                errors.get(0).message().contains(secret.askAgain), errors.get(0).message());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("destinationChanges")
    void aChangedDestinationIsAcceptedWithTheSecretEnteredAgain(
            Secret secret, String name, Consumer<SettingsForm> change) {
        assertEquals(Outcome.REPLACE, outcomeAfter(secret, change, form -> secret.enter.accept(form, "entered-again")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("neutralChanges")
    void theStoredSecretIsKeptWhenTheDestinationIsUnchanged(Secret secret, String name, Consumer<SettingsForm> change) {
        assertEquals(Outcome.KEEP, outcomeAfter(secret, form -> {}, change));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("destinationChanges")
    void defaultSmtpSilentlyClearsTheSecretOfAChangedDestination(
            Secret secret, String name, Consumer<SettingsForm> change) {
        assertEquals(
                Outcome.CLEAR, outcomeAfter(secret, form -> form.getConfig().setDefaultSmtp(true), change));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("destinationChanges")
    void noneAuthenticationSilentlyClearsTheSecretOfAChangedDestination(
            Secret secret, String name, Consumer<SettingsForm> change) {
        assertEquals(
                Outcome.CLEAR, outcomeAfter(secret, form -> form.getConfig().setAuthType(AuthType.NONE), change));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("neutralChanges")
    void defaultSmtpKeepsTheSecretOfAnUnchangedDestination(Secret secret, String name, Consumer<SettingsForm> change) {
        assertEquals(Outcome.KEEP, outcomeAfter(secret, form -> form.getConfig().setDefaultSmtp(true), change));
    }

    /** What happens to the stored secret when the admin edits the form ({@code edit}, then {@code then}) and saves. */
    private static Outcome outcomeAfter(Secret secret, Consumer<SettingsForm> edit, Consumer<SettingsForm> then) {
        var stored = secret.stored();
        var form = Forms.editing(stored);
        edit.accept(form);
        then.accept(form);
        return secret.outcome(accept(stored, form));
    }

    // --- basic: the password

    @ParameterizedTest(name = "{0}")
    @MethodSource("passwordDestinationChanges")
    void switchingToOauthClearsThePasswordOfAChangedDestination(String name, Consumer<SettingsForm> change) {
        var stored = storedBasic();
        var form = Forms.editing(stored);
        form.getConfig().setAuthType(AuthType.OAUTH);
        form.getConfig().setClientId("client-id");
        form.setClientSecret("client-secret");
        form.getConfig().setTokenEndpoint(Forms.TOKEN_URL);
        form.getConfig().setScopes(Forms.SCOPE);
        change.accept(form);
        Accepted accepted = accept(stored, form);
        assertEquals(Outcome.CLEAR, accepted.password().outcome());
        assertEquals(Outcome.REPLACE, accepted.clientSecret().outcome());
    }

    @Test
    void storedPortNullEqualsTheModesDefaultPort() {
        var stored = storedBasic();
        stored.getConfig().setPort(null);
        var form = Forms.editing(stored);
        form.getConfig().setPort(587);
        assertEquals(Outcome.KEEP, accept(stored, form).password().outcome());

        stored.getConfig().setTlsMode(TlsMode.IMPLICIT);
        var implicit = Forms.editing(stored);
        implicit.getConfig().setPort(465);
        assertEquals(Outcome.KEEP, accept(stored, implicit).password().outcome());
        implicit.getConfig().setPort(587);
        assertEquals("password", refuse(stored, implicit).get(0).field());
    }

    @Test
    void emptyPasswordIsRefusedForBasicAndClearsOtherwise() {
        var stored = storedBasic();
        var basic = Forms.editing(stored);
        basic.setPassword("");
        List<FieldError> errors = refuse(stored, basic);
        assertEquals(List.of("password: Password is required."), shown(errors));

        var none = Forms.editing(stored);
        none.getConfig().setAuthType(AuthType.NONE);
        none.setPassword("");
        assertEquals(Outcome.CLEAR, accept(stored, none).password().outcome());

        var dflt = Forms.editing(stored);
        dflt.getConfig().setDefaultSmtp(true);
        dflt.setPassword("");
        assertEquals(Outcome.CLEAR, accept(stored, dflt).password().outcome());
    }

    @Test
    void maskAsPasswordForAChangedHostGivesOneErrorAboutTheMask() {
        var stored = storedBasic();
        var form = Forms.editing(stored);
        form.getConfig().setAddress("smtp.attacker.example");
        form.setPassword("********");
        List<FieldError> errors = refuse(stored, form);
        assertEquals(1, errors.size(), errors.toString());
        assertEquals("password", errors.get(0).field());
        assertTrue(errors.get(0).message().contains("mask"), errors.get(0).message());
    }

    @Test
    void passwordWithTrailingCrLfForAChangedHostIsRefusedNotStored() {
        var stored = storedBasic();
        var form = Forms.editing(stored);
        form.getConfig().setAddress("smtp.other.example");
        form.setPassword("entered-again\r\n");
        List<FieldError> errors = refuse(stored, form);
        assertEquals(List.of("password"), Forms.fields(errors));
        assertTrue(
                errors.get(0).message().contains("line breaks"), errors.get(0).message());
    }

    @Test
    void formatErrorsAndTheReentryErrorAreReportedTogether() {
        var stored = storedBasic();
        var form = Forms.editing(stored);
        form.getConfig().setAddress("smtp.other.example");
        form.getConfig().setFrom("Smith, John <j@example.com>");
        assertEquals(List.of("from", "password"), Forms.fields(refuse(stored, form)));
    }

    // --- oauth: the client secret

    @ParameterizedTest(name = "{0}")
    @MethodSource("clientSecretDestinationChanges")
    void switchingToBasicClearsTheClientSecretOfAChangedDestination(String name, Consumer<SettingsForm> change) {
        var stored = storedOauth();
        var form = Forms.editing(stored);
        form.getConfig().setAuthType(AuthType.BASIC);
        form.setPassword("basic-password");
        change.accept(form);
        Accepted accepted = accept(stored, form);
        assertEquals(Outcome.CLEAR, accepted.clientSecret().outcome());
        assertEquals(Outcome.REPLACE, accepted.password().outcome());
    }

    @Test
    void emptyClientSecretIsRefusedForOauth() {
        var stored = storedOauth();
        var form = Forms.editing(stored);
        form.setClientSecret("");
        assertEquals(List.of("client_secret: Client secret is required."), shown(refuse(stored, form)));
    }

    // --- switching authentication types

    @Test
    void switchingFromOauthToBasicNeedsAPassword() {
        var stored = storedOauth();
        var form = Forms.editing(stored);
        form.getConfig().setAuthType(AuthType.BASIC);
        assertEquals(List.of("password: Password is required."), shown(refuse(stored, form)));
    }

    @Test
    void switchingFromBasicToOauthNeedsAClientSecret() {
        var stored = storedBasic();
        var form = Forms.editing(stored);
        form.getConfig().setAuthType(AuthType.OAUTH);
        form.getConfig().setClientId("client-id");
        form.getConfig().setTokenEndpoint(Forms.TOKEN_URL);
        form.getConfig().setScopes(Forms.SCOPE);
        assertEquals(List.of("client_secret: Client secret is required."), shown(refuse(stored, form)));
    }

    @Test
    void switchingAuthTypeOnTheSameDestinationLeavesTheOtherSecretStored() {
        var stored = storedBasic();
        var form = Forms.editing(stored);
        form.getConfig().setAuthType(AuthType.NONE);
        assertEquals(Outcome.KEEP, accept(stored, form).password().outcome());
    }

    // --- the first save over the row the migration creates

    private static SmtpSettings initialRow() {
        var s = new SmtpSettings();
        s.getConfig().setDefaultSmtp(true);
        s.getConfig().setPort(587);
        s.getConfig().setTlsMode(TlsMode.STARTTLS);
        s.getConfig().setTlsVersion(TlsVersion.TLSv1_2);
        s.getConfig().setAuthType(AuthType.NONE);
        s.getConfig().setAuthMechanism(AuthMechanism.AUTO);
        return s;
    }

    @Test
    void firstBasicSaveNeedsThePassword() {
        var form = Forms.basic();
        form.setPassword(null);
        assertEquals(List.of("password: Password is required."), shown(refuse(initialRow(), form)));
        form.setPassword("first-password");
        assertEquals(Outcome.REPLACE, accept(initialRow(), form).password().outcome());
    }

    @Test
    void firstOauthSaveNeedsTheClientSecret() {
        var form = Forms.oauth();
        form.setClientSecret(null);
        assertEquals(List.of("client_secret"), Forms.fields(refuse(initialRow(), form)));
    }

    @Test
    void acceptedFormIsNormalised() {
        var form = Forms.basic();
        form.getConfig().setAddress("  smtp.example.com.  ");
        Accepted accepted = accept(initialRow(), form);
        assertEquals("smtp.example.com", accepted.form().getConfig().getAddress());
        assertEquals(Outcome.NONE, accepted.clientSecret().outcome());
    }
}
