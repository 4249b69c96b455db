package com.mailroom.testsupport;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * An application's key pair with a self-signed certificate, made at test time (no key material is checked in): what
 * an admin makes with {@code openssl req -x509 -newkey rsa:2048} or {@code New-SelfSignedCertificate} and uploads to
 * Entra ID. The validity is chosen by the test, so expired, not yet valid and soon-expiring certificates are one call
 * away. Every PEM form the settings may be handed is here, including the ones they must refuse (PKCS#1 is accepted
 * or not as the product decides; an encrypted PKCS#8 key and an EC key are the usual wrong uploads).
 */
public final class TestKeys {

    public static final String SUBJECT = "CN=Mailroom test app";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestKeys(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** RSA 2048, {@link #SUBJECT}, valid from an hour ago for a year. */
    public static TestKeys rsa() {
        Instant now = Instant.now();
        return rsa(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
    }

    /** RSA 2048, {@link #SUBJECT}, valid in the given window (past both ends: expired; ahead: not yet valid). */
    public static TestKeys rsa(Instant notBefore, Instant notAfter) {
        return rsa(SUBJECT, notBefore, notAfter);
    }

    public static TestKeys rsa(String subject, Instant notBefore, Instant notAfter) {
        return create("RSA", subject, notBefore, notAfter);
    }

    /** An EC P-256 key with its certificate: a well-formed upload of the wrong kind (Entra wants RSA). */
    public static TestKeys ec() {
        Instant now = Instant.now();
        return create("EC", SUBJECT, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(365)));
    }

    /** The same key pair with a new certificate for another window (a renewed or an expired certificate). */
    public TestKeys recertified(Instant notBefore, Instant notAfter) {
        return new TestKeys(
                keys, certify(keys, certificate.getSubjectX500Principal().getName(), notBefore, notAfter));
    }

    public KeyPair keyPair() {
        return keys;
    }

    public PrivateKey privateKey() {
        return keys.getPrivate();
    }

    public PublicKey publicKey() {
        return keys.getPublic();
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** {@code -----BEGIN CERTIFICATE-----}, the certificate's DER in base64. */
    public String certificatePem() {
        try {
            return pem("CERTIFICATE", certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code -----BEGIN PRIVATE KEY-----}: unencrypted PKCS#8, what OpenSSL 3 writes and Google's JSON key holds. */
    public String privateKeyPem() {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    /** {@code -----BEGIN RSA PRIVATE KEY-----}: PKCS#1, what OpenSSL 1.x wrote (RSA keys only). */
    public String pkcs1Pem() {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded());
        try {
            return pem(
                    "RSA PRIVATE KEY", info.parsePrivateKey().toASN1Primitive().getEncoded());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code -----BEGIN ENCRYPTED PRIVATE KEY-----}: PKCS#8 encrypted with AES-256-CBC under the password. */
    public String encryptedPkcs8Pem(String password) {
        try {
            var encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                    .setProvider(new BouncyCastleProvider()) // the JDK has no "AES/CBC/PKCS7Padding"
                    .setPassword(password.toCharArray())
                    .setRandom(RANDOM)
                    .build();
            return write(new JcaPKCS8Generator(keys.getPrivate(), encryptor).generate());
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Key and certificate in one file, as {@code cat key.pem cert.pem > app.pem} makes it. */
    public String combinedPem() {
        return privateKeyPem() + certificatePem();
    }

    /** The {@code x5t#S256} header value: base64url of the SHA-256 of the certificate's DER. */
    public String x5tS256() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest("SHA-256"));
    }

    /** The {@code x5t} header value: base64url of the SHA-1 of the certificate's DER. */
    public String x5t() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest("SHA-1"));
    }

    /** The thumbprint as the Entra portal lists it: SHA-1, upper-case hex. */
    public String sha1Hex() {
        return HexFormat.of().withUpperCase().formatHex(digest("SHA-1"));
    }

    /** The SHA-256 thumbprint in upper-case hex. */
    public String sha256Hex() {
        return HexFormat.of().withUpperCase().formatHex(digest("SHA-256"));
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static String write(PemObject object) throws IOException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString().replace("\r\n", "\n");
    }

    private static TestKeys create(String algorithm, String subject, Instant notBefore, Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm);
            if (algorithm.equals("EC")) {
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else {
                generator.initialize(2048);
            }
            KeyPair keys = generator.generateKeyPair();
            return new TestKeys(keys, certify(keys, subject, notBefore, notAfter));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certify(KeyPair keys, String subject, Instant notBefore, Instant notAfter) {
        X500Name name = new X500Name(subject);
        X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(
                name,
                new BigInteger(64, RANDOM).abs().add(BigInteger.ONE),
                Date.from(notBefore),
                Date.from(notAfter),
                name,
                keys.getPublic());
        String signature = keys.getPrivate().getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(
                    Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            return new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder(signature).build(keys.getPrivate())));
        } catch (IOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
