package com.mailroom.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jose.util.X509CertUtils;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The keys and files the issue-15 tests upload are what OpenSSL, the Entra portal and Google's console produce. */
class TestKeysTest {

    private static final BouncyCastleProvider BC = new BouncyCastleProvider();
    private static TestKeys keys;

    @BeforeAll
    static void create() {
        keys = TestKeys.rsa();
    }

    @Test
    void certificatePemIsTheSelfSignedCertificateOfTheKeyForTheChosenWindow() throws Exception {
        Instant from = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.SECONDS);
        Instant to = Instant.now().plus(Duration.ofDays(20)).truncatedTo(ChronoUnit.SECONDS);
        TestKeys soon = keys.recertified(from, to);

        X509Certificate parsed = certificate(soon.certificatePem());

        assertEquals("CN=Mailroom test app", parsed.getSubjectX500Principal().getName());
        assertEquals(parsed.getSubjectX500Principal(), parsed.getIssuerX500Principal());
        parsed.verify(keys.publicKey());
        assertEquals(keys.publicKey(), parsed.getPublicKey());
        assertEquals(from, parsed.getNotBefore().toInstant());
        assertEquals(to, parsed.getNotAfter().toInstant());
        assertEquals("RSA", parsed.getPublicKey().getAlgorithm());
        assertTrue(soon.certificatePem().startsWith("-----BEGIN CERTIFICATE-----\n"));
        assertTrue(soon.certificatePem().endsWith("\n-----END CERTIFICATE-----\n"));
        assertTrue(soon.certificatePem().lines().allMatch(l -> l.length() <= 64));
    }

    @Test
    void thumbprintsAreTheHeaderValuesNimbusComputes() {
        assertEquals(X509CertUtils.computeSHA256Thumbprint(keys.certificate()).toString(), keys.x5tS256());
        assertEquals(X509CertUtils.computeSHA1Thumbprint(keys.certificate()).toString(), keys.x5t());
        assertTrue(keys.sha1Hex().matches("[0-9A-F]{40}"), keys.sha1Hex());
        assertTrue(keys.sha256Hex().matches("[0-9A-F]{64}"), keys.sha256Hex());
        assertArrayEquals(
                Base64.getUrlDecoder().decode(keys.x5t()), HexFormat.of().parseHex(keys.sha1Hex()));
    }

    @Test
    void pkcs8PemIsTheUnencryptedPrivateKey() throws Exception {
        String pem = keys.privateKeyPem();

        assertTrue(
                pem.startsWith("-----BEGIN PRIVATE KEY-----\n"),
                pem.lines().findFirst().orElse(""));
        PrivateKey parsed = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem)));
        assertEquals(keys.privateKey(), parsed);
        assertEquals(2048, ((RSAPrivateCrtKey) parsed).getModulus().bitLength());
    }

    @Test
    void pkcs1PemIsTheSameKeyInOpenSsl1Form() throws Exception {
        String pem = keys.pkcs1Pem();

        assertTrue(pem.startsWith("-----BEGIN RSA PRIVATE KEY-----\n"));
        assertTrue(pem.endsWith("-----END RSA PRIVATE KEY-----\n"));
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            PEMKeyPair pair = (PEMKeyPair) parser.readObject();
            assertEquals(
                    keys.privateKey(), new JcaPEMKeyConverter().getKeyPair(pair).getPrivate());
        }
    }

    @Test
    void encryptedPkcs8PemOpensOnlyWithItsPassword() throws Exception {
        String pem = keys.encryptedPkcs8Pem("s3cret");

        assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        assertFalse(pem.contains("\r"));
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            var info = (PKCS8EncryptedPrivateKeyInfo) parser.readObject();
            var right = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BC)
                    .build("s3cret".toCharArray());
            assertEquals(keys.privateKey(), new JcaPEMKeyConverter().getPrivateKey(info.decryptPrivateKeyInfo(right)));
            var wrong = new JceOpenSSLPKCS8DecryptorProviderBuilder()
                    .setProvider(BC)
                    .build("guess".toCharArray());
            assertThrows(PKCSException.class, () -> info.decryptPrivateKeyInfo(wrong));
        }
    }

    @Test
    void ecKeysAreWellFormedButNotRsa() throws Exception {
        TestKeys ec = TestKeys.ec();

        assertTrue(ec.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertEquals(
                ec.privateKey(),
                KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der(ec.privateKeyPem()))));
        assertEquals("EC", certificate(ec.certificatePem()).getPublicKey().getAlgorithm());
    }

    @Test
    void combinedPemHoldsKeyThenCertificate() {
        assertEquals(keys.privateKeyPem() + keys.certificatePem(), keys.combinedPem());
    }

    @Test
    void serviceAccountJsonIsShapedLikeGooglesDownload() throws Exception {
        URI tokenUri = URI.create("http://127.0.0.1:4711/token");
        GoogleKeyFile key = GoogleKeyFile.create("acme-mail", tokenUri);

        String json = key.json();

        assertTrue(json.startsWith("{\n  \"type\": \"service_account\",\n  \"project_id\": \"acme-mail\",\n"), json);
        assertTrue(json.endsWith("\"universe_domain\": \"googleapis.com\"\n}\n"), json);
        assertTrue(json.contains("\"private_key\": \"-----BEGIN PRIVATE KEY-----\\n"), "newlines escaped as \\n");
        Map<String, Object> members = JSONObjectUtils.parse(json);
        assertEquals(
                List.of(
                        "type",
                        "project_id",
                        "private_key_id",
                        "private_key",
                        "client_email",
                        "client_id",
                        "auth_uri",
                        "token_uri",
                        "auth_provider_x509_cert_url",
                        "client_x509_cert_url",
                        "universe_domain"),
                new ArrayList<>(members.keySet()));
        assertTrue(((String) members.get("private_key_id")).matches("[0-9a-f]{40}"));
        assertEquals("mailroom@acme-mail.iam.gserviceaccount.com", members.get("client_email"));
        assertTrue(((String) members.get("client_id")).matches("[1-9][0-9]{20}"));
        assertEquals("https://accounts.google.com/o/oauth2/auth", members.get("auth_uri"));
        assertEquals(tokenUri.toString(), members.get("token_uri"));
        assertEquals(
                "https://www.googleapis.com/robot/v1/metadata/x509/mailroom%40acme-mail.iam.gserviceaccount.com",
                members.get("client_x509_cert_url"));
        String pem = (String) members.get("private_key");
        assertTrue(pem.endsWith("\n-----END PRIVATE KEY-----\n"));
        assertEquals(
                key.keys().privateKey(),
                KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der(pem))));
    }

    @Test
    void serviceAccountKeysDifferAndRotationKeepsTheAccount() {
        GoogleKeyFile one = GoogleKeyFile.create(URI.create("http://127.0.0.1/token"));
        GoogleKeyFile rotated = one.rotated();

        assertEquals(one.clientEmail(), rotated.clientEmail());
        assertNotEquals(one.privateKeyId(), rotated.privateKeyId());
        assertNotEquals(one.keys().publicKey(), rotated.keys().publicKey());
        assertEquals(one.privateKeyId(), one.withOtherKeyPair().privateKeyId());
        assertNotEquals(one.keys().publicKey(), one.withOtherKeyPair().keys().publicKey());
    }

    @Test
    void wrongJsonVariantsAreWhatAdminsPasteByMistake() throws Exception {
        GoogleKeyFile key = GoogleKeyFile.create(URI.create("http://127.0.0.1/token"));

        assertFalse(JSONObjectUtils.parse(key.jsonWithout("private_key")).containsKey("private_key"));
        assertEquals(
                "external_account",
                JSONObjectUtils.parse(key.jsonOfType("external_account")).get("type"));
        assertEquals(
                "x", JSONObjectUtils.parse(key.jsonWith("private_key", "x")).get("private_key"));
        Map<String, Object> user = JSONObjectUtils.parse(GoogleKeyFile.authorizedUserJson());
        assertEquals("authorized_user", user.get("type"));
        assertFalse(user.containsKey("private_key"));
        assertThrows(ParseException.class, () -> JSONObjectUtils.parse(GoogleKeyFile.garbage()));
    }

    private static X509Certificate certificate(String pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    private static byte[] der(String pem) {
        return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    }
}
