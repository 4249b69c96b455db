package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.sending.entity.TlsMode;
import com.mailroom.settings.control.ReentryRule.Decision;
import com.mailroom.settings.control.ReentryRule.Destination;
import com.mailroom.settings.control.ReentryRule.Outcome;
import com.mailroom.settings.control.ReentryRule.Secret;
import com.mailroom.settings.entity.SmtpConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReentryRuleTest {

    private static final Destination HERE = passwordAt("smtp.example.com", 587, TlsMode.STARTTLS, "reports");
    private static final Destination ELSEWHERE = passwordAt("evil.example.net", 587, TlsMode.STARTTLS, "reports");

    private static Destination passwordAt(String host, int port, TlsMode mode, String user) {
        return Destination.ofPassword(config(host, port, mode, user));
    }

    private static Destination clientSecretAt(
            String host, int port, TlsMode mode, String user, String tokenUrl, String clientId) {
        var c = config(host, port, mode, user);
        c.setTokenEndpoint(tokenUrl);
        c.setClientId(clientId);
        return Destination.ofClientSecret(c);
    }

    private static SmtpConfig config(String host, int port, TlsMode mode, String user) {
        var c = new SmtpConfig();
        c.setAddress(host);
        c.setPort(port);
        c.setTlsMode(mode);
        c.setUserName(user);
        return c;
    }

    private static Decision password(boolean stored, Destination after, String supplied, boolean required) {
        return ReentryRule.decide(Secret.PASSWORD, stored, HERE, after, supplied, required);
    }

    @Test
    void enteredSecretReplacesWhateverIsStoredWhereverItGoes() {
        for (boolean stored : new boolean[] {true, false}) {
            for (boolean required : new boolean[] {true, false}) {
                for (Destination after : new Destination[] {HERE, ELSEWHERE}) {
                    Decision d = password(stored, after, "new-secret", required);
                    assertEquals(Outcome.REPLACE, d.outcome());
                    assertTrue(d.problem().isEmpty());
                    assertFalse(d.keepsStored());
                }
            }
        }
    }

    @Test
    void storedSecretIsKeptForTheSameDestination() {
        Decision d = password(true, HERE, null, true);
        assertEquals(Outcome.KEEP, d.outcome());
        assertTrue(d.keepsStored());
        assertEquals(Outcome.KEEP, password(true, HERE, null, false).outcome());
    }

    @Test
    void storedSecretNeverFollowsAChangedDestinationThatNeedsIt() {
        Decision d = password(true, ELSEWHERE, null, true);
        assertNull(d.outcome());
        assertFalse(d.keepsStored());
        assertEquals("password", d.problem().orElseThrow().field());
        assertTrue(
                d.problem().get().message().contains("enter the password again"),
                d.problem().get().message());
    }

    @Test
    void storedSecretIsSilentlyClearedWhenTheDestinationChangesAndItIsNotNeeded() {
        Decision d = password(true, ELSEWHERE, null, false);
        assertEquals(Outcome.CLEAR, d.outcome());
        assertTrue(d.problem().isEmpty());
    }

    @Test
    void emptySecretClearsWhenNotNeededAndIsRefusedWhenNeeded() {
        assertEquals(Outcome.CLEAR, password(true, HERE, "", false).outcome());
        assertEquals(Outcome.CLEAR, password(false, ELSEWHERE, "", false).outcome());
        Decision refused = password(true, HERE, "", true);
        assertEquals("password", refused.problem().orElseThrow().field());
        assertEquals("Password is required.", refused.problem().get().message());
    }

    @Test
    void missingSecretIsRequiredWhenNeededAndNothingOtherwise() {
        assertEquals(
                "Password is required.",
                password(false, HERE, null, true).problem().orElseThrow().message());
        Decision none = password(false, ELSEWHERE, null, false);
        assertEquals(Outcome.NONE, none.outcome());
        assertTrue(none.problem().isEmpty());
    }

    @Test
    void clientSecretErrorIsNamedByItsJsonFieldAndExplainsWhatRedirectsIt() {
        var before = clientSecretAt("smtp.office365.com", 587, TlsMode.STARTTLS, "box", "https://a/token", "id");
        var after = clientSecretAt("smtp.office365.com", 587, TlsMode.STARTTLS, "box", "https://b/token", "id");
        Decision d = ReentryRule.decide(Secret.CLIENT_SECRET, true, before, after, null, true);
        assertEquals("client_secret", d.problem().orElseThrow().field());
        assertTrue(
                d.problem().get().message().contains("token URL or client ID"),
                d.problem().get().message());
        assertTrue(
                d.problem().get().message().contains("enter the client secret again"),
                d.problem().get().message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SMTP.EXAMPLE.COM", "Smtp.Example.Com", "smtp.example.com"})
    void hostIsComparedWithoutRegardToCase(String host) {
        assertEquals(HERE, passwordAt(host, 587, TlsMode.STARTTLS, "reports"));
    }

    @Test
    void everyPartOfTheDestinationCounts() {
        assertNotEquals(HERE, passwordAt("smtp.example.com", 25, TlsMode.STARTTLS, "reports"));
        assertNotEquals(HERE, passwordAt("smtp.example.com", 587, TlsMode.NONE, "reports"));
        assertNotEquals(HERE, passwordAt("smtp.example.com", 587, TlsMode.STARTTLS, "other"));
        assertNotEquals(HERE, passwordAt(null, 587, TlsMode.STARTTLS, "reports"));
        var secret = clientSecretAt("smtp.example.com", 587, TlsMode.STARTTLS, "reports", "https://a/t", "id");
        assertNotEquals(
                secret, clientSecretAt("smtp.example.com", 587, TlsMode.STARTTLS, "reports", "https://b/t", "id"));
        assertNotEquals(
                secret, clientSecretAt("smtp.example.com", 587, TlsMode.STARTTLS, "reports", "https://a/t", "id2"));
        assertEquals(secret, clientSecretAt("SMTP.example.com", 587, TlsMode.STARTTLS, "reports", "https://a/t", "id"));
    }
}
