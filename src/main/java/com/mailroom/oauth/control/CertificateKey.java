package com.mailroom.oauth.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.HexFormat;

/**
 * An app's certificate and its private key, as registered with Microsoft Entra ID ("Certificates & secrets"): the
 * key signs the client assertion, the certificate's thumbprints tell Entra which registered certificate to check it
 * with. Never printed: {@link #toString()} shows the certificate's public facts only.
 *
 * @param stored the certificate and key as Mailroom stores them (encrypted): {@link #stored()} JSON
 */
public record CertificateKey(X509Certificate certificate, RSAPrivateKey privateKey, String stored) {

    /** Which of the two inputs a problem concerns. */
    public enum Part {
        CERTIFICATE,
        PRIVATE_KEY
    }

    /** A problem with one of the two inputs. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final Part part;
        private final CredentialProblem problem;

        Refused(Part part, CredentialProblem problem) {
            super(problem.code(), null, false, false);
            this.part = part;
            this.problem = problem;
        }

        public Part part() {
            return part;
        }

        public CredentialProblem problem() {
            return problem;
        }
    }

    /**
     * Reads and checks what an admin entered: a readable certificate (the app's own first, a chain may follow), valid
     * now, and the RSA private key that belongs to it.
     */
    public static CertificateKey parse(String certificatePem, String privateKeyPem, Instant now) throws Refused {
        X509Certificate certificate;
        try {
            certificate = Pems.certificates(certificatePem).get(0);
        } catch (CredentialProblem p) {
            throw new Refused(Part.CERTIFICATE, p);
        }
        if (certificate.getNotAfter().toInstant().isBefore(now)) {
            throw new Refused(
                    Part.CERTIFICATE,
                    new CredentialProblem(
                            "credential.certificate.expired",
                            certificate.getNotAfter().toInstant().toString()));
        }
        if (certificate.getNotBefore().toInstant().isAfter(now)) {
            throw new Refused(
                    Part.CERTIFICATE,
                    new CredentialProblem(
                            "credential.certificate.notYetValid",
                            certificate.getNotBefore().toInstant().toString()));
        }
        RSAPrivateKey key;
        try {
            key = Pems.rsaPrivateKey(privateKeyPem);
        } catch (CredentialProblem p) {
            throw new Refused(Part.PRIVATE_KEY, p);
        }
        if (!Pems.belongTogether(key, certificate)) {
            throw new Refused(Part.PRIVATE_KEY, new CredentialProblem("credential.key.mismatch"));
        }
        String stored = Json.createObjectBuilder()
                .add("certificate", certificatePem.strip())
                .add("private_key", privateKeyPem.strip())
                .build()
                .toString();
        return new CertificateKey(certificate, key, stored);
    }

    /** What {@link #stored()} wrote, read again (it was checked when it was saved; expiry is the caller's matter). */
    public static CertificateKey ofStored(String stored) throws CredentialProblem {
        try {
            JsonObject json = Json.createReader(new StringReader(stored)).readObject();
            X509Certificate certificate =
                    Pems.certificates(json.getString("certificate")).get(0);
            RSAPrivateKey key = Pems.rsaPrivateKey(json.getString("private_key"));
            return new CertificateKey(certificate, key, stored);
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new CredentialProblem("credential.pem.unreadable");
        }
    }

    /** SHA-1 of the DER certificate in upper-case hex: what the Entra admin center shows as "Thumbprint". */
    public String thumbprint() {
        return HexFormat.of().withUpperCase().formatHex(digest("SHA-1"));
    }

    /** SHA-256 of the DER certificate ({@code x5t#S256}). */
    byte[] sha256() {
        return digest("SHA-256");
    }

    /** SHA-1 of the DER certificate ({@code x5t}, which Entra ID still reads). */
    byte[] sha1() {
        return digest("SHA-1");
    }

    public String subject() {
        return certificate.getSubjectX500Principal().getName();
    }

    public Instant notAfter() {
        return certificate.getNotAfter().toInstant();
    }

    private byte[] digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm).digest(certificate.getEncoded());
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(
                    "a parsed certificate has a DER encoding and every JDK has " + algorithm, e);
        }
    }

    @Override
    public String toString() {
        return "CertificateKey[subject=" + subject() + ", thumbprint=" + thumbprint() + ", notAfter=" + notAfter()
                + ", privateKey=set]";
    }
}
