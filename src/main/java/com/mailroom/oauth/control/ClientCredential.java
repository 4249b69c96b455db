package com.mailroom.oauth.control;

import com.mailroom.oauth.control.TokenRequest.ClientAuthentication;
import com.mailroom.oauth.entity.ClientAuth;
import com.nimbusds.jose.JWSAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What proves Mailroom's identity to the token endpoint (one per {@link ClientAuth}). Never printed: every
 * {@code toString()} leaves the material out, and {@link #identity()} holds only its SHA-256 hash.
 */
public sealed interface ClientCredential {

    ClientAuth kind();

    /**
     * Identifies the material (and, for a service account, the mailbox it acts for) in the token cache: a changed
     * secret, key or mailbox is a new identity, so a token of the old one is never served for it.
     */
    String identity();

    /** A client secret, presented in the form or by HTTP Basic. */
    record Secret(String value, ClientAuthentication method) implements ClientCredential {
        public Secret {
            if (value == null || value.isEmpty()) {
                throw new IllegalArgumentException("clientSecret is required");
            }
            method = method == null ? ClientAuthentication.FORM_BODY : method;
        }

        @Override
        public ClientAuth kind() {
            return ClientAuth.CLIENT_SECRET;
        }

        @Override
        public String identity() {
            return "secret " + method + " " + sha256(value);
        }

        @Override
        public String toString() {
            return "Secret[value=set, method=" + method + "]";
        }
    }

    /** An app certificate and its key (Entra ID): a signed client assertion instead of a secret. */
    record Certificate(CertificateKey key, JWSAlgorithm algorithm) implements ClientCredential {
        public Certificate {
            if (key == null) {
                throw new IllegalArgumentException("the certificate and its private key are required");
            }
            if (!JWSAlgorithm.RS256.equals(algorithm) && !JWSAlgorithm.PS256.equals(algorithm)) {
                throw new IllegalArgumentException("the assertion is signed with RS256 or PS256");
            }
        }

        @Override
        public ClientAuth kind() {
            return ClientAuth.CERTIFICATE;
        }

        @Override
        public String identity() {
            return "certificate " + algorithm + " " + sha256(key.stored());
        }
    }

    /** A Google service account acting for {@code subject} (domain-wide delegation): the signed JWT is the grant. */
    record ServiceAccount(ServiceAccountKey key, String subject) implements ClientCredential {
        public ServiceAccount {
            if (key == null || subject == null || subject.isBlank()) {
                throw new IllegalArgumentException("the service account key and the mailbox it acts for are required");
            }
        }

        @Override
        public ClientAuth kind() {
            return ClientAuth.SERVICE_ACCOUNT;
        }

        @Override
        public String identity() {
            return "service_account " + subject + " " + sha256(key.json());
        }
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
