package com.mailroom.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mailroom.oauth.control.CertificateKey.Part;
import com.mailroom.testsupport.TestKeys;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Reading an app certificate and its key as an admin pastes them, and refusing what cannot work. */
class CertificateKeyTest {

    private static final Instant NOW = Instant.now();
    private static final TestKeys KEYS = TestKeys.rsa();

    @Test
    void readsPkcs8AndPkcs1KeysAndTellsThePublicFacts() throws Exception {
        for (String key : new String[] {KEYS.privateKeyPem(), KEYS.pkcs1Pem()}) {
            CertificateKey read = CertificateKey.parse(KEYS.certificatePem(), key, NOW);
            assertEquals(KEYS.sha1Hex().toUpperCase(), read.thumbprint());
            assertEquals(TestKeys.SUBJECT, read.subject());
            assertEquals(KEYS.certificate().getNotAfter().toInstant(), read.notAfter());
            assertEquals(
                    KEYS.keyPair().getPrivate().getEncoded().length,
                    read.privateKey().getEncoded().length);
        }
    }

    @Test
    void whatIsStoredReadsBackAsTheSameCredentialAndIsNeverPrinted() throws Exception {
        CertificateKey read = CertificateKey.parse("\n  " + KEYS.certificatePem(), KEYS.pkcs1Pem(), NOW);
        CertificateKey again = CertificateKey.ofStored(read.stored());
        assertEquals(read.thumbprint(), again.thumbprint());
        assertEquals(read.privateKey().getModulus(), again.privateKey().getModulus());
        String body = KEYS.privateKeyPem().split("\n")[1];
        assertFalse(read.toString().contains(body));
        assertFalse(read.toString().contains("BEGIN"));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedOnTheKey() {
        var refused = refused(KEYS.certificatePem(), TestKeys.rsa().privateKeyPem());
        assertEquals(Part.PRIVATE_KEY, refused.part());
        assertEquals("credential.key.mismatch", refused.problem().code());
    }

    @Test
    void anExpiredOrNotYetValidCertificateIsRefusedOnTheCertificate() {
        var expired = TestKeys.rsa(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(1)));
        var refused = refused(expired.certificatePem(), expired.privateKeyPem());
        assertEquals(Part.CERTIFICATE, refused.part());
        assertEquals("credential.certificate.expired", refused.problem().code());

        var future = TestKeys.rsa(NOW.plus(Duration.ofDays(2)), NOW.plus(Duration.ofDays(400)));
        assertEquals(
                "credential.certificate.notYetValid",
                refused(future.certificatePem(), future.privateKeyPem())
                        .problem()
                        .code());
    }

    @Test
    void eachKindOfWrongPasteIsNamed() {
        assertEquals("credential.key.encrypted", keyProblem(KEYS.encryptedPkcs8Pem("pw")));
        assertEquals("credential.key.notRsa", keyProblem(TestKeys.ec().privateKeyPem()));
        assertEquals("credential.key.isCertificate", keyProblem(KEYS.certificatePem()));
        assertEquals("credential.key.none", keyProblem("not a key"));
        assertEquals("credential.key.several", keyProblem(KEYS.privateKeyPem() + "\n" + KEYS.pkcs1Pem()));
        assertEquals(
                "credential.certificate.privateKey",
                refused(KEYS.combinedPem(), KEYS.privateKeyPem()).problem().code());
        assertEquals(
                "credential.certificate.none",
                refused("", KEYS.privateKeyPem()).problem().code());
        assertEquals(
                "credential.certificate.unreadable",
                refused("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----", KEYS.privateKeyPem())
                        .problem()
                        .code());
    }

    private static String keyProblem(String keyPem) {
        var refused = refused(KEYS.certificatePem(), keyPem);
        assertEquals(Part.PRIVATE_KEY, refused.part(), refused.problem().code());
        return refused.problem().code();
    }

    private static CertificateKey.Refused refused(String certificatePem, String keyPem) {
        return assertThrows(CertificateKey.Refused.class, () -> CertificateKey.parse(certificatePem, keyPem, NOW));
    }
}
