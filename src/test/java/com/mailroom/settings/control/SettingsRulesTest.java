package com.mailroom.settings.control;

import static com.mailroom.settings.control.Forms.check;
import static com.mailroom.settings.control.Forms.config;
import static com.mailroom.settings.control.Forms.fields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.errors.FieldError;
import com.mailroom.platform.MailAddress;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.settings.entity.SmtpConfig;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsRulesTest {

    /** Every field name the v1 API knows; errors must use these. */
    private static final Set<String> JSON_FIELDS = Set.of(
            "default_smtp",
            "address",
            "port",
            "from",
            "user_name",
            "password",
            "tls_mode",
            "tls_version",
            "trusted_ca_pem",
            "auth_type",
            "auth_mechanism",
            "client_id",
            "client_secret",
            "token_endpoint",
            "scopes");

    private static String certificatePem;
    private static String privateKeyPem;

    @BeforeAll
    static void generateCertificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("ca.p12");
        String keytool =
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(
                        keytool,
                        "-genkeypair",
                        "-alias",
                        "ca",
                        "-keyalg",
                        "EC",
                        "-groupname",
                        "secp256r1",
                        "-dname",
                        "CN=Mailroom Test CA",
                        "-validity",
                        "2",
                        "-ext",
                        "bc:c",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        store.toString(),
                        "-storepass",
                        "changeit",
                        "-keypass",
                        "changeit")
                .redirectErrorStream(true)
                .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
        assertEquals(0, p.exitValue(), output);
        var keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, "changeit".toCharArray());
        }
        certificatePem = pem("CERTIFICATE", keyStore.getCertificate("ca").getEncoded());
        privateKeyPem = pem("PRIVATE KEY", ((PrivateKey) keyStore.getKey("ca", "changeit".toCharArray())).getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void assertValid(SettingsForm form) {
        assertEquals(List.of(), check(form));
    }

    private static void assertOnly(String field, SettingsForm form) {
        assertEquals(List.of(field), fields(check(form)));
    }

    private static SettingsForm basicWith(BiConsumer<SettingsForm, String> setter, String value) {
        var form = Forms.basic();
        setter.accept(form, value);
        return form;
    }

    private static SettingsForm oauthWith(BiConsumer<SettingsForm, String> setter, String value) {
        var form = Forms.oauth();
        setter.accept(form, value);
        return form;
    }

    private static String repeat(char c, int n) {
        return String.valueOf(c).repeat(n);
    }

    // --- the valid starting points really are valid

    @Test
    void validBasicOauthAndNoneSettingsHaveNoErrors() {
        assertValid(Forms.basic());
        assertValid(Forms.oauth());
        assertValid(Forms.none());
    }

    @Test
    void maxMailsPerMinuteIsEmptyOrAWholeNumberFromOneToAHundredThousand() {
        for (Integer ok : new Integer[] {null, 1, 30, 100_000}) {
            var form = Forms.basic();
            form.getConfig().setMaxMailsPerMinute(ok);
            assertValid(form);
        }
        for (int wrong : new int[] {0, -1, 100_001, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            var form = Forms.basic();
            form.getConfig().setMaxMailsPerMinute(wrong);
            var errors = check(form);
            assertEquals(List.of("max_mails_per_minute"), fields(errors), String.valueOf(wrong));
        }
        var relay = new SettingsForm();
        relay.getConfig().setMaxMailsPerMinute(0);
        assertEquals(List.of("max_mails_per_minute"), fields(check(relay)), "for the default relay too");
    }

    @Test
    void defaultSmtpNeedsNothingElse() {
        assertValid(new SettingsForm());
    }

    @Test
    void customSettingsWithNothingFilledInNameEveryMissingFieldAtOnce() {
        var form = new SettingsForm();
        form.getConfig().setDefaultSmtp(false);
        form.getConfig().setAuthType(AuthType.OAUTH);
        assertEquals(
                Set.of("address", "from", "user_name", "client_id", "token_endpoint", "scopes"),
                Set.copyOf(fields(check(form))));
    }

    @Test
    void everyErrorIsNamedByItsSnakeCaseJsonField() {
        var form = Forms.oauth();
        form.getConfig().setAddress("smtp://bad host/");
        form.getConfig().setPort(0);
        form.getConfig().setFrom("\"Bad, Name\" <x@y.z>");
        form.getConfig().setUserName("user\r\n");
        form.setPassword("********");
        form.getConfig().setClientId("id\n");
        form.setClientSecret("••••••");
        form.getConfig().setTokenEndpoint("ftp://example.com/token");
        form.getConfig().setScopes("a\"b");
        form.getConfig().setTrustedCaPem("garbage");
        List<FieldError> errors = check(form);
        assertEquals(
                Set.of(
                        "address",
                        "port",
                        "from",
                        "user_name",
                        "password",
                        "client_id",
                        "client_secret",
                        "token_endpoint",
                        "scopes",
                        "trusted_ca_pem"),
                Set.copyOf(fields(errors)));
        errors.forEach(e -> {
            assertTrue(JSON_FIELDS.contains(e.field()), e.field());
            assertTrue(e.message() != null && !e.message().isBlank(), e.field());
        });
    }

    // --- address

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\u00a0"})
    void customSettingsRequireAMailServer(String address) {
        assertOnly("address", basicWith(config(SmtpConfig::setAddress), address));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "smtp.example.com\r\n",
                "smtp.example.com\n",
                "smtp.example.com\r",
                "\r\nsmtp.example.com",
                "smtp.example.com \r\n",
                "smtp.\nexample.com",
                "smtp.example.com\t",
                "smtp.example.com\u0000",
                "smtp.example.com\u007f",
                "\n"
            })
    void mailServerWithLineBreaksOrControlCharactersIsRefusedNotTrimmed(String address) {
        var form = basicWith(config(SmtpConfig::setAddress), address);
        List<FieldError> errors = check(form);
        assertEquals(List.of("address"), fields(errors));
        assertTrue(
                errors.get(0).message().contains("control characters"),
                errors.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "smtp://smtp.example.com",
                "smtps://smtp.example.com",
                "smtp.example.com/",
                "smtp.example.com/path",
                "user@smtp.example.com",
                "smtp.example.com?x=1",
                "smtp.example.com#x"
            })
    void mailServerWithSchemeUserOrPathIsRefused(String address) {
        List<FieldError> errors = check(basicWith(config(SmtpConfig::setAddress), address));
        assertEquals(List.of("address"), fields(errors));
        assertTrue(
                errors.get(0).message().contains("host name only"),
                errors.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"smtp.example.com:587", "10.0.0.1:25", "[::1]:25", "[2001:db8::1]:587"})
    void mailServerWithPortIsRefusedPointingToThePortField(String address) {
        List<FieldError> errors = check(basicWith(config(SmtpConfig::setAddress), address));
        assertEquals(List.of("address"), fields(errors));
        assertTrue(errors.get(0).message().contains("Port field"), errors.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1", "[::1]", "2001:db8::25", "[2001:db8::25]", "fe80::1:2:3:4", "::ffff:192.0.2.1"})
    void ipv6LiteralsAreAccepted(String address) {
        assertValid(basicWith(config(SmtpConfig::setAddress), address));
    }

    @ParameterizedTest
    @ValueSource(strings = {":::", "[::1", "::1]", "1:2:3:4:5:6:7:8:9", "cafe.de:25:", "beef::cafe::1"})
    void malformedIpv6LiteralsAreRefused(String address) {
        assertOnly("address", basicWith(config(SmtpConfig::setAddress), address));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "smtp\u200b.example.com",
                "smtp.exam\u00adple.com",
                "\ufeffsmtp.example.com",
                "smtp\u2060.example.com"
            })
    void hostWithInvisibleCharactersIsRefused(String address) {
        assertOnly("address", basicWith(config(SmtpConfig::setAddress), address));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "smtp example.com",
                "-smtp.example.com",
                "smtp-.example.com",
                "smtp..example.com",
                ".",
                "smtp.exa$mple.com",
                "smtp.example.com!",
                "*.example.com",
                "<smtp.example.com>",
                "smtp\\example.com"
            })
    void invalidHostNamesAreRefused(String address) {
        assertOnly("address", basicWith(config(SmtpConfig::setAddress), address));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "smtp.example.com",
                "SMTP.Example.COM",
                "localhost",
                "192.0.2.10",
                "mail-1.example.co.uk",
                "bücher.example",
                "  smtp.example.com  "
            })
    void ordinaryHostNamesAreAccepted(String address) {
        assertValid(basicWith(config(SmtpConfig::setAddress), address));
    }

    @Test
    void mailServerIsTrimmedOfSpacesAndOfTheTrailingRootDot() {
        var form = basicWith(config(SmtpConfig::setAddress), "  smtp.example.com.  ");
        assertValid(form);
        assertEquals("smtp.example.com", form.getConfig().getAddress());
    }

    @Test
    void mailServerOfExactly253CharactersIsAcceptedAnd254Refused() {
        String label = repeat('a', 63);
        String at253 = label + "." + label + "." + label + "." + repeat('b', 61);
        assertEquals(253, at253.length());
        assertValid(basicWith(config(SmtpConfig::setAddress), at253));
        assertOnly("address", basicWith(config(SmtpConfig::setAddress), at253 + "b"));
    }

    @Test
    void hugeMailServerIsRefusedWithOneError() {
        List<FieldError> errors = check(basicWith(config(SmtpConfig::setAddress), repeat('a', 1_000_000)));
        assertEquals(List.of("address"), fields(errors));
        assertTrue(errors.get(0).message().length() < 200, "the message must not echo a huge input");
    }

    @Test
    void hostLabelLongerThan63CharactersIsRefused() {
        assertOnly("address", basicWith(config(SmtpConfig::setAddress), repeat('a', 64) + ".example.com"));
    }

    // --- port

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 65536, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void portOutsideOneTo65535IsRefused(int port) {
        var form = Forms.basic();
        form.getConfig().setPort(port);
        assertOnly("port", form);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 25, 465, 587, 2525, 65535})
    void portInsideOneTo65535IsAccepted(int port) {
        var form = Forms.basic();
        form.getConfig().setPort(port);
        assertValid(form);
    }

    @Test
    void emptyPortIsAcceptedAndMeansTheModesDefault() {
        var form = Forms.basic();
        form.getConfig().setPort(null);
        assertValid(form);
        assertEquals(587, form.getConfig().effectivePort());
    }

    // --- from

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void customSettingsRequireFrom(String from) {
        assertOnly("from", basicWith(config(SmtpConfig::setFrom), from));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Reports <reports@example.com>\r\n",
                "reports@example.com\r\n",
                "reports@example.com\n",
                "Reports\r\n <reports@example.com>",
                "Reports <reports@example.com>\r\nBcc: victim@example.com",
                "Rep\torts <reports@example.com>",
                "\u0000reports@example.com"
            })
    void fromWithLineBreaksOrControlCharactersIsRefusedNotTrimmed(String from) {
        assertOnly("from", basicWith(config(SmtpConfig::setFrom), from));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"Reports\" <reports@example.com>",
                "Smith, John <j@example.com>",
                "Reports; <r@example.com>",
                "Reports (bot) <r@example.com>",
                "a@b <r@example.com>",
                "<r@example.com> Reports",
                "Reports <r@example.com",
                "r@@example.com",
                "r@example",
                "not an address"
            })
    void fromWithSpecialCharactersOrWrongShapeIsRefused(String from) {
        assertOnly("from", basicWith(config(SmtpConfig::setFrom), from));
    }

    @Test
    void fromIsCheckedEvenForDefaultSettingsWhenGiven() {
        var form = new SettingsForm();
        form.getConfig().setFrom("Smith, John <j@example.com>");
        assertOnly("from", form);
    }

    // --- user name

    @Test
    void userNameIsRequiredForBasicAndOauthButNotForNone() {
        assertOnly("user_name", basicWith(config(SmtpConfig::setUserName), " "));
        assertOnly("user_name", oauthWith(config(SmtpConfig::setUserName), ""));
        assertValid(Forms.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@example.com\r\n", "user\n", "user\r", "us\u0000er", "user\t", "user\u001b[31m"})
    void userNameWithLineBreaksOrControlCharactersIsRefusedNotTrimmed(String userName) {
        assertOnly("user_name", basicWith(config(SmtpConfig::setUserName), userName));
    }

    @ParameterizedTest
    @ValueSource(strings = {"user\u0085", "user\u2028", "user\u009b31m", "user\u2029"})
    void userNameWithUnicodeLineBreaksOrC1ControlsIsRefused(String userName) {
        assertOnly("user_name", basicWith(config(SmtpConfig::setUserName), userName));
        assertOnly("client_id", oauthWith(config(SmtpConfig::setClientId), userName));
    }

    @Test
    void userNameIsTrimmedOfSpaces() {
        var form = basicWith(config(SmtpConfig::setUserName), "  reports@example.com  ");
        assertValid(form);
        assertEquals("reports@example.com", form.getConfig().getUserName());
    }

    // --- secrets

    @ParameterizedTest
    @ValueSource(strings = {"*", "********", "••••••••", "●●●●", "····"})
    void maskValuesAreRefusedAsPassword(String mask) {
        List<FieldError> errors = check(basicWith(SettingsForm::setPassword, mask));
        assertEquals(List.of("password"), fields(errors));
        assertTrue(errors.get(0).message().contains("mask"), errors.get(0).message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"********", "••••••••"})
    void maskValuesAreRefusedAsClientSecret(String mask) {
        assertOnly("client_secret", oauthWith(SettingsForm::setClientSecret, mask));
    }

    @ParameterizedTest
    @ValueSource(strings = {"secret\r\n", "sec\nret", "secret\r", "secret\u0000", "\tsecret"})
    void secretsWithLineBreaksOrControlCharactersAreRefused(String secret) {
        assertOnly("password", basicWith(SettingsForm::setPassword, secret));
        assertOnly("client_secret", oauthWith(SettingsForm::setClientSecret, secret));
    }

    @Test
    void secretsAreNeverTrimmed() {
        var form = basicWith(SettingsForm::setPassword, "  pass word  ");
        form.setClientSecret(" s ");
        assertValid(form);
        assertEquals("  pass word  ", form.getPassword());
        assertEquals(" s ", form.getClientSecret());
    }

    @Test
    void emptyOrAbsentSecretsAreNotAFormatError() {
        assertValid(basicWith(SettingsForm::setPassword, ""));
        assertValid(basicWith(SettingsForm::setPassword, null));
        assertValid(oauthWith(SettingsForm::setClientSecret, ""));
    }

    // --- client id, token URL and scopes: required for OAuth only

    static Stream<Arguments> oauthOnlyFields() {
        return Stream.of(
                blank("client_id", config(SmtpConfig::setClientId), "  "),
                blank("token_endpoint", config(SmtpConfig::setTokenEndpoint), " "),
                blank("scopes", config(SmtpConfig::setScopes), ""));
    }

    private static Arguments blank(String field, BiConsumer<SettingsForm, String> setter, String blank) {
        return Arguments.of(field, setter, blank);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oauthOnlyFields")
    void requiredForOauthOnly(String field, BiConsumer<SettingsForm, String> setter, String blank) {
        assertOnly(field, oauthWith(setter, blank));
        assertValid(basicWith(setter, null));
    }

    // --- client id

    @ParameterizedTest
    @ValueSource(strings = {"client\r\n", "client\n", "cli\u0000ent"})
    void clientIdWithLineBreaksIsRefused(String clientId) {
        assertOnly("client_id", oauthWith(config(SmtpConfig::setClientId), clientId));
    }

    // --- token URL

    @ParameterizedTest
    @ValueSource(
            strings = {"http://login.example.com/token", "HTTP://login.example.com/token", "http://127.0.0.1:8080/token"
            })
    void plainHttpTokenUrlIsRefusedUnlessInsecureUrlsAreAllowed(String url) {
        var form = oauthWith(config(SmtpConfig::setTokenEndpoint), url);
        List<FieldError> errors = check(form, false);
        assertEquals(List.of("token_endpoint"), fields(errors));
        assertTrue(errors.get(0).message().contains("https://"), errors.get(0).message());
        assertEquals(List.of(), check(oauthWith(config(SmtpConfig::setTokenEndpoint), url), true));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ftp://login.example.com/token",
                "file:///etc/passwd",
                "javascript:alert(1)",
                "/oauth2/token",
                "login.example.com/token",
                "//login.example.com/token",
                "https:///token",
                "https://",
                "https://user:pw@login.example.com/token",
                "https://login.example.com/token#frag",
                "https://login.example.com/to ken",
                "https://login.example.com/token\r\n",
                "https://login.example.com/\ntoken",
                "https://login.example.com/token\u0000"
            })
    void tokenUrlThatIsNotAnAbsoluteHttpsUrlIsRefusedEvenWhenInsecureUrlsAreAllowed(String url) {
        assertEquals(
                List.of("token_endpoint"), fields(check(oauthWith(config(SmtpConfig::setTokenEndpoint), url), true)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://login.microsoftonline.com/tenant/oauth2/v2.0/token",
                "HTTPS://login.example.com/token",
                "https://login.example.com:8443/token?tenant=a",
                "https://[::1]/token",
                "https://192.0.2.1/token"
            })
    void httpsTokenUrlsAreAccepted(String url) {
        assertValid(oauthWith(config(SmtpConfig::setTokenEndpoint), url));
    }

    @Test
    void tokenUrlOf2048CharactersIsAcceptedAnd2049Refused() {
        String base = "https://login.example.com/";
        String at2048 = base + repeat('t', 2048 - base.length());
        assertValid(oauthWith(config(SmtpConfig::setTokenEndpoint), at2048));
        assertOnly("token_endpoint", oauthWith(config(SmtpConfig::setTokenEndpoint), at2048 + "t"));
    }

    // --- scopes

    @Test
    void repeatedSpacesBetweenScopesAreCollapsed() {
        var form = oauthWith(config(SmtpConfig::setScopes), "  openid   offline_access  " + Forms.SCOPE + " ");
        assertValid(form);
        assertEquals("openid offline_access " + Forms.SCOPE, form.getConfig().getScopes());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "openid\r\n",
                "openid\noffline",
                "openid\toffline",
                "\"openid\"",
                "open\\id",
                "openid\u0000",
                "öffnen"
            })
    void scopesWithQuotesBackslashesOrControlCharactersAreRefused(String scopes) {
        assertOnly("scopes", oauthWith(config(SmtpConfig::setScopes), scopes));
    }

    // --- length limits of the text fields without a shape of their own

    static Stream<Arguments> lengthLimits() {
        return Stream.of(
                limit("user_name", false, config(SmtpConfig::setUserName), 320),
                limit("password", false, SettingsForm::setPassword, 1024),
                limit("client_secret", true, SettingsForm::setClientSecret, 4096),
                limit("client_id", true, config(SmtpConfig::setClientId), 256),
                limit("scopes", true, config(SmtpConfig::setScopes), 1024));
    }

    private static Arguments limit(String field, boolean oauth, BiConsumer<SettingsForm, String> setter, int limit) {
        return Arguments.of(field, oauth, setter, limit);
    }

    @ParameterizedTest(name = "{0}: {3} characters")
    @MethodSource("lengthLimits")
    void acceptedUpToTheLimitAndRefusedOneCharacterOver(
            String field, boolean oauth, BiConsumer<SettingsForm, String> setter, int limit) {
        var start = oauth ? Forms.oauth() : Forms.basic();
        setter.accept(start, repeat('x', limit));
        assertValid(start);
        setter.accept(start, repeat('x', limit + 1));
        assertOnly(field, start);
    }

    // --- trusted CA

    @Test
    void realCertificateIsAcceptedAsTrustedCa() {
        assertValid(basicWith(config(SmtpConfig::setTrustedCaPem), certificatePem));
        assertValid(basicWith(config(SmtpConfig::setTrustedCaPem), "\n" + certificatePem + certificatePem + "\n  \n"));
        assertValid(basicWith(config(SmtpConfig::setTrustedCaPem), "\r\n" + certificatePem.replace("\n", "\r\n")));
        assertValid(basicWith(config(SmtpConfig::setTrustedCaPem), "   " + certificatePem));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t", "\n  ", "\r\n\t"})
    void certificateWithLeadingWhitespaceIsAccepted(String before) {
        assertValid(basicWith(config(SmtpConfig::setTrustedCaPem), before + certificatePem));
    }

    @Test
    void blankTrustedCaMeansNone() {
        var form = basicWith(config(SmtpConfig::setTrustedCaPem), "   ");
        assertValid(form);
        assertNull(form.getConfig().getTrustedCaPem());
    }

    @Test
    void privateKeyIsRefusedAsTrustedCaEvenNextToACertificate() {
        for (String pem : List.of(
                privateKeyPem,
                certificatePem + privateKeyPem,
                privateKeyPem.replace("PRIVATE KEY", "RSA PRIVATE KEY"),
                privateKeyPem.replace("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"))) {
            List<FieldError> errors = check(basicWith(config(SmtpConfig::setTrustedCaPem), pem));
            assertEquals(List.of("trusted_ca_pem"), fields(errors));
            assertTrue(
                    errors.get(0).message().contains("private key"),
                    errors.get(0).message());
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "garbage",
                "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n",
                "-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----",
                "-----BEGIN CERTIFICATE-----",
                "-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----"
            })
    void garbageIsRefusedAsTrustedCa(String pem) {
        assertOnly("trusted_ca_pem", basicWith(config(SmtpConfig::setTrustedCaPem), pem));
    }

    @Test
    void truncatedCertificateIsRefused() {
        String truncated = certificatePem.substring(0, certificatePem.length() / 2) + "\n-----END CERTIFICATE-----\n";
        assertOnly("trusted_ca_pem", basicWith(config(SmtpConfig::setTrustedCaPem), truncated));
    }

    @Test
    void trustedCaOverTheLimitIsRefused() {
        String huge = certificatePem + " ".repeat(10) + "x".repeat(SettingsRules.MAX_PEM);
        assertOnly("trusted_ca_pem", basicWith(config(SmtpConfig::setTrustedCaPem), huge));
    }

    // --- limits against the storage they must fit (V1 migration)

    private static int columnWidth(String column) throws Exception {
        String sql;
        try (InputStream in = SettingsRulesTest.class.getResourceAsStream("/db/migration/V1__settings_and_users.sql")) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher m = Pattern.compile("\\b" + column + "\\s+VARCHAR\\((\\d+)\\)").matcher(sql);
        assertTrue(m.find(), column);
        return Integer.parseInt(m.group(1));
    }

    @Test
    void everyTextLimitFitsItsColumn() throws Exception {
        assertTrue(SettingsRules.MAX_HOST <= columnWidth("address"));
        assertTrue(MailAddress.MAX_LENGTH <= columnWidth("from_address"));
        assertTrue(SettingsRules.MAX_USER_NAME <= columnWidth("user_name"));
        assertTrue(SettingsRules.MAX_CLIENT_ID <= columnWidth("client_id"));
        assertTrue(SettingsRules.MAX_URL <= columnWidth("token_endpoint"));
        assertTrue(SettingsRules.MAX_SCOPES <= columnWidth("scopes"));
        assertTrue(SettingsRules.MAX_PEM <= columnWidth("trusted_ca_pem"));
    }

    /** ASCII and a character of three UTF-8 bytes. */
    @ParameterizedTest
    @ValueSource(chars = {'p', '€'})
    void longestAcceptedSecretsFitTheirColumnsOnceEncrypted(char c) throws Exception {
        var cipher = new SecretCipher(new byte[32]);
        var form = basicWith(SettingsForm::setPassword, repeat(c, SettingsRules.MAX_PASSWORD));
        form.setClientSecret(repeat(c, SettingsRules.MAX_CLIENT_SECRET));
        assertValid(form);
        assertTrue(cipher.encrypt(form.getPassword(), "smtp.password").length() <= columnWidth("password_enc"));
        assertTrue(cipher.encrypt(form.getClientSecret(), "smtp.client_secret").length()
                <= columnWidth("client_secret_enc"));
    }
}
