package com.mailroom.oauth.control;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM an admin pastes, with the JDK alone: X.509 certificates, and RSA private keys in PKCS#8
 * ({@code BEGIN PRIVATE KEY}, what Google's JSON keys and current OpenSSL write) or PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, older OpenSSL and many Windows exports), the latter wrapped into PKCS#8 here so
 * that the JDK's {@link KeyFactory} reads it. Encrypted keys are refused with a way out, not guessed at.
 */
final class Pems {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");

    /** The DER prefix that makes a PKCS#1 RSAPrivateKey a PKCS#8 PrivateKeyInfo (AlgorithmIdentifier rsaEncryption). */
    private static final byte[] RSA_ALGORITHM = {
        0x02,
        0x01,
        0x00,
        0x30,
        0x0d,
        0x06,
        0x09,
        0x2a,
        (byte) 0x86,
        0x48,
        (byte) 0x86,
        (byte) 0xf7,
        0x0d,
        0x01,
        0x01,
        0x01,
        0x05,
        0x00
    };

    private Pems() {}

    private record Block(String label, byte[] der) {}

    private static List<Block> blocks(String pem) throws CredentialProblem {
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem == null ? "" : pem);
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new CredentialProblem("credential.pem.unreadable");
            }
        }
        return blocks;
    }

    /** The certificates of a PEM text, the app's own first; a private key in it is refused (wrong field). */
    static List<X509Certificate> certificates(String pem) throws CredentialProblem {
        List<X509Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(pem)) {
            if (block.label().contains("PRIVATE KEY")) {
                throw new CredentialProblem("credential.certificate.privateKey");
            }
            if (!block.label().equals("CERTIFICATE")) {
                continue;
            }
            try {
                certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(block.der())));
            } catch (CertificateException | ClassCastException e) {
                throw new CredentialProblem("credential.certificate.unreadable");
            }
        }
        if (certificates.isEmpty()) {
            throw new CredentialProblem("credential.certificate.none");
        }
        return certificates;
    }

    /** The one RSA private key of a PEM text. */
    static RSAPrivateKey rsaPrivateKey(String pem) throws CredentialProblem {
        List<Block> keys = blocks(pem).stream()
                .filter(b -> b.label().endsWith("PRIVATE KEY"))
                .toList();
        if (keys.isEmpty()) {
            throw new CredentialProblem(
                    pem != null && pem.contains("BEGIN CERTIFICATE")
                            ? "credential.key.isCertificate"
                            : "credential.key.none");
        }
        if (keys.size() > 1) {
            throw new CredentialProblem("credential.key.several");
        }
        Block key = keys.get(0);
        byte[] pkcs8 = switch (key.label()) {
            case "PRIVATE KEY" -> key.der();
            case "RSA PRIVATE KEY" -> pkcs1ToPkcs8(key.der());
            case "ENCRYPTED PRIVATE KEY" -> throw new CredentialProblem("credential.key.encrypted");
            default -> throw new CredentialProblem("credential.key.notRsa");
        };
        try {
            var parsed = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            if (!(parsed instanceof RSAPrivateKey rsa)) {
                throw new CredentialProblem("credential.key.notRsa");
            }
            if (rsa.getModulus().bitLength() < 2048) {
                throw new CredentialProblem(
                        "credential.key.tooShort", rsa.getModulus().bitLength());
            }
            return rsa;
        } catch (GeneralSecurityException e) {
            // an EC or Ed25519 key in PKCS#8 fails here too: both are refused by Entra ID and Google alike
            throw new CredentialProblem("credential.key.notRsa");
        }
    }

    /** Whether the key is the certificate's: the same RSA modulus (and public exponent, when the key has it). */
    static boolean belongTogether(RSAPrivateKey key, X509Certificate certificate) {
        if (!(certificate.getPublicKey() instanceof RSAPublicKey pub)) {
            return false;
        }
        BigInteger exponent = key instanceof RSAPrivateCrtKey crt ? crt.getPublicExponent() : pub.getPublicExponent();
        return pub.getModulus().equals(key.getModulus())
                && pub.getPublicExponent().equals(exponent);
    }

    /** PKCS#8 PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier rsaEncryption, OCTET STRING pkcs1 }. */
    private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
        byte[] octets = der((byte) 0x04, pkcs1);
        byte[] body = new byte[RSA_ALGORITHM.length + octets.length];
        System.arraycopy(RSA_ALGORITHM, 0, body, 0, RSA_ALGORITHM.length);
        System.arraycopy(octets, 0, body, RSA_ALGORITHM.length, octets.length);
        return der((byte) 0x30, body);
    }

    private static byte[] der(byte tag, byte[] content) {
        int n = content.length;
        byte[] length = n < 0x80
                ? new byte[] {(byte) n}
                : n < 0x100
                        ? new byte[] {(byte) 0x81, (byte) n}
                        : n < 0x10000
                                ? new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n}
                                : new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
        byte[] out = new byte[1 + length.length + n];
        out[0] = tag;
        System.arraycopy(length, 0, out, 1, length.length);
        System.arraycopy(content, 0, out, 1 + length.length, n);
        return out;
    }
}
