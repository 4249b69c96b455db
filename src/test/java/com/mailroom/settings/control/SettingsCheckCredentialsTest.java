package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mailroom.errors.FieldError;
import com.mailroom.errors.InvalidInput;
import com.mailroom.oauth.entity.ClientAuth;
import com.mailroom.settings.control.ReentryRule.Outcome;
import com.mailroom.settings.control.SettingsCheck.Accepted;
import com.mailroom.settings.entity.SmtpSettings;
import com.mailroom.testsupport.GoogleKeyFile;
import com.mailroom.testsupport.TestKeys;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Saving OAuth settings with a certificate or a service account key: what is refused, and the re-entry rule. */
class SettingsCheckCredentialsTest {

    private static final TestKeys APP = TestKeys.rsa();
    private static final GoogleKeyFile GOOGLE = GoogleKeyFile.create(URI.create("https://oauth2.googleapis.com/token"));

    private static SettingsForm certificate() {
        var f = Forms.oauth();
        f.setClientSecret(null);
        f.getConfig().setOauthClientAuth(ClientAuth.CERTIFICATE);
        f.setClientCertificate(APP.certificatePem());
        f.setClientPrivateKey(APP.privateKeyPem());
        return f;
    }

    private static SettingsForm serviceAccount() {
        var f = Forms.oauth();
        f.setClientSecret(null);
        f.getConfig().setAddress("smtp.gmail.com");
        f.getConfig().setOauthClientAuth(ClientAuth.SERVICE_ACCOUNT);
        f.getConfig().setClientId(null);
        f.getConfig().setTokenEndpoint(null);
        f.getConfig().setScopes(null);
        f.setServiceAccountKey(GOOGLE.json());
        return f;
    }

    /** A row with a stored certificate (or key) as a save of the form would leave it. */
    private static SmtpSettings stored(SettingsForm form) {
        SmtpSettings s = Forms.stored(form);
        s.setClientCertificateCiphertext(form.getClientCertificate() == null ? null : "v1:stored-certificate");
        s.setServiceAccountKeyCiphertext(form.getServiceAccountKey() == null ? null : "v1:stored-key");
        return s;
    }

    private static List<String> refused(SmtpSettings stored, SettingsForm form) {
        var e = assertThrows(InvalidInput.class, () -> SettingsCheck.check(stored, form, false, Instant.now()));
        return e.errors().stream().map(FieldError::field).toList();
    }

    private static String code(SmtpSettings stored, SettingsForm form) {
        var e = assertThrows(InvalidInput.class, () -> SettingsCheck.check(stored, form, false, Instant.now()));
        return e.errors().get(0).field() + ": " + e.errors().get(0).message();
    }

    @Test
    void aCertificateWithItsKeyIsAcceptedAndReadOnce() {
        Accepted accepted = SettingsCheck.check(new SmtpSettings(), certificate(), false, Instant.now());
        assertEquals(Outcome.REPLACE, accepted.certificate().outcome());
        assertEquals(Outcome.NONE, accepted.clientSecret().outcome());
        assertEquals(APP.sha1Hex().toUpperCase(), accepted.newCertificate().thumbprint());
    }

    @Test
    void theCertificateIsRequiredAndComesWithItsKey() {
        var none = certificate();
        none.setClientCertificate(null);
        none.setClientPrivateKey(null);
        assertEquals(List.of("client_certificate"), refused(new SmtpSettings(), none));

        var keyOnly = certificate();
        keyOnly.setClientCertificate("");
        assertEquals(List.of("client_certificate"), refused(new SmtpSettings(), keyOnly));

        var certificateOnly = certificate();
        certificateOnly.setClientPrivateKey(null);
        assertEquals(List.of("client_private_key"), refused(new SmtpSettings(), certificateOnly));

        var mismatch = certificate();
        mismatch.setClientPrivateKey(TestKeys.rsa().privateKeyPem());
        assertEquals(
                "client_private_key: The private key does not belong to the certificate.",
                code(new SmtpSettings(), mismatch));

        var huge = certificate();
        huge.setClientCertificate("x".repeat(CredentialInputs.MAX_PEM + 1));
        assertEquals(List.of("client_certificate"), refused(new SmtpSettings(), huge));
    }

    @Test
    void aStoredCertificateDoesNotFollowAChangedClientIdTokenUrlOrServer() {
        SmtpSettings stored = stored(certificate());
        var same = Forms.editing(stored);
        assertEquals(
                Outcome.KEEP,
                SettingsCheck.check(stored, same, false).certificate().outcome());

        for (var change : List.<Consumer<SettingsForm>>of(
                f -> f.getConfig().setClientId("other-app"),
                f -> f.getConfig().setTokenEndpoint("https://login.example.net/token"),
                f -> f.getConfig().setAddress("smtp.example.net"))) {
            var form = Forms.editing(stored);
            change.accept(form);
            assertEquals(
                    "client_certificate: The mail server, port, TLS/SSL, username, token URL or client ID changed:"
                            + " enter the certificate and its private key again.",
                    code(stored, form));
        }
    }

    @Test
    void theServiceAccountKeyBringsItsClientAndTokenUrlAndGooglesScope() {
        Accepted accepted = SettingsCheck.check(new SmtpSettings(), serviceAccount(), false, Instant.now());
        assertEquals(GOOGLE.clientEmail(), accepted.form().getConfig().getClientId());
        assertEquals(GOOGLE.tokenUri().toString(), accepted.form().getConfig().getTokenEndpoint());
        assertEquals(
                SettingsCheck.GOOGLE_MAIL_SCOPE, accepted.form().getConfig().getScopes());
        assertNotNull(accepted.newServiceAccountKey());
        assertEquals(Outcome.REPLACE, accepted.serviceAccountKey().outcome());
    }

    @Test
    void wrongKeyFilesAreRefusedOnTheKeyField() {
        var person = serviceAccount();
        person.setServiceAccountKey(GoogleKeyFile.authorizedUserJson());
        assertEquals(List.of("service_account_key"), refused(new SmtpSettings(), person));

        var insecure = serviceAccount();
        insecure.setServiceAccountKey(GoogleKeyFile.create(URI.create("http://oauth2.example.com/token"))
                .json());
        assertEquals(List.of("service_account_key"), refused(new SmtpSettings(), insecure));

        var missing = serviceAccount();
        missing.setServiceAccountKey(null);
        assertEquals(
                "service_account_key: The service account's JSON key is required.", code(new SmtpSettings(), missing));
    }

    @Test
    void aStoredServiceAccountKeyDoesNotActForAnotherMailboxOrClient() {
        var accepted = SettingsCheck.check(new SmtpSettings(), serviceAccount(), false, Instant.now());
        SmtpSettings stored = stored(accepted.form());
        assertEquals(
                Outcome.KEEP,
                SettingsCheck.check(stored, Forms.editing(stored), false)
                        .serviceAccountKey()
                        .outcome());

        var otherMailbox = Forms.editing(stored);
        otherMailbox.getConfig().setUserName("ceo@example.com");
        assertEquals(List.of("service_account_key"), refused(stored, otherMailbox));

        var otherClient = Forms.editing(stored);
        otherClient.getConfig().setClientId("someone@else.iam.gserviceaccount.com");
        assertEquals(List.of("service_account_key"), refused(stored, otherClient));
    }
}
