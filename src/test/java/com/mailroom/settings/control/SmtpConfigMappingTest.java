package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.oauth.control.ClientCredential;
import com.mailroom.oauth.control.TokenRequest;
import com.mailroom.oauth.entity.ClientAuth;
import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.Timeouts;
import com.mailroom.sending.entity.AuthMechanism;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.sending.entity.TlsVersion;
import com.mailroom.settings.boundary.SmtpSettingsView;
import com.mailroom.settings.entity.SmtpConfig;
import com.mailroom.settings.entity.SmtpSettings;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every value of {@link SmtpConfig} survives every mapping it goes through: the copy a form edits, the view the API
 * and the page show, and the target (or token request) mail goes to. A new field that a mapping forgets fails here.
 */
class SmtpConfigMappingTest {

    /** Values that differ from every default, one per field. */
    static SmtpConfig everyFieldSet() {
        var c = new SmtpConfig();
        c.setDefaultSmtp(false);
        c.setAddress("smtp.example.com");
        c.setPort(2525);
        c.setFrom("Reports <reports@example.com>");
        c.setUserName("box@example.com");
        c.setTlsMode(TlsMode.IMPLICIT);
        c.setTlsVersion(TlsVersion.TLSv1_3);
        c.setTrustedCaPem("-----BEGIN CERTIFICATE-----");
        c.setAuthType(AuthType.OAUTH);
        c.setAuthMechanism(AuthMechanism.LOGIN);
        c.setOauthClientAuth(ClientAuth.CERTIFICATE);
        c.setClientId("client-id");
        c.setTokenEndpoint("https://login.example.com/token");
        c.setScopes("a b");
        c.setMaxMailsPerMinute(30);
        return c;
    }

    static List<Field> fields() {
        return Arrays.stream(SmtpConfig.class.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()))
                .peek(f -> f.setAccessible(true))
                .toList();
    }

    static Object value(Field f, Object o) {
        try {
            return f.get(o);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everyFieldHasAValueHereThatDiffersFromItsDefault() {
        var set = everyFieldSet();
        var fresh = new SmtpConfig();
        for (Field f : fields()) {
            assertNotEquals(value(f, fresh), value(f, set), f.getName() + " is not set by everyFieldSet()");
        }
    }

    @Test
    void theCopyKeepsEveryField() {
        var original = everyFieldSet();
        var copy = original.copy();
        for (Field f : fields()) {
            assertEquals(value(f, original), value(f, copy), f.getName());
        }
    }

    @Test
    void theViewShowsEveryField() throws Exception {
        var settings = new SmtpSettings();
        settings.setConfig(everyFieldSet());
        var view = SmtpSettingsView.of(settings);
        Map<String, RecordComponent> components = Arrays.stream(SmtpSettingsView.class.getRecordComponents())
                .collect(Collectors.toMap(RecordComponent::getName, c -> c));
        for (Field f : fields()) {
            RecordComponent shown = components.get(f.getName());
            assertTrue(shown != null, f.getName() + " is missing from SmtpSettingsView");
            Object expected = value(f, settings.getConfig());
            Object actual = shown.getAccessor().invoke(view);
            assertEquals(wire(expected), String.valueOf(actual).toLowerCase(), f.getName());
        }
    }

    /**
     * Every field goes to the SMTP target, or — the OAuth ones — to the token request, or decides between them, or
     * (the limit) paces delivery.
     */
    @Test
    void everyFieldReachesTheTargetOrTheTokenRequest() {
        var c = everyFieldSet();
        SmtpTarget target = Destinations.target(c, "secret", Timeouts.DEFAULT);
        Map<String, Object> onTheWire = Map.of(
                "address",
                target.host(),
                "port",
                target.port(),
                "from",
                target.from(),
                "userName",
                target.username(),
                "tlsMode",
                target.tlsMode(),
                "tlsVersion",
                target.tlsVersion(),
                "trustedCaPem",
                target.trustedCaPem(),
                "authType",
                target.authType(),
                "authMechanism",
                target.authMechanism());
        TokenRequest token = Destinations.tokenRequest(
                c, new ClientCredential.Secret("s", TokenRequest.ClientAuthentication.FORM_BODY));
        Map<String, Object> toTheTokenUrl = Map.of(
                "clientId",
                token.clientId(),
                "tokenEndpoint",
                token.tokenEndpoint().toString(),
                "scopes",
                token.scopes());
        // the kind of client authentication chooses the credential (DestinationsTest), the default the relay
        Set<String> choosesTheDestination = Set.of("defaultSmtp", "oauthClientAuth");
        SendLimits limits = Destinations.limits(c, null);
        assertEquals("smtp.example.com:2525", limits.server());
        for (Field f : fields()) {
            String name = f.getName();
            if (choosesTheDestination.contains(name)) {
                continue;
            }
            if (name.equals("maxMailsPerMinute")) {
                assertEquals(value(f, c), limits.perMinute(), "paces delivery");
                continue;
            }
            Map<String, Object> mapped = onTheWire.containsKey(name) ? onTheWire : toTheTokenUrl;
            assertTrue(mapped.containsKey(name), name + " reaches neither the SMTP target nor the token request");
            assertEquals(value(f, c), mapped.get(name), name);
        }
    }

    private static String wire(Object value) {
        return String.valueOf(value).toLowerCase();
    }
}
