package com.mailroom.oauth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The signed JWTs of RFC 7523, built and signed with Nimbus JOSE+JWT. Each call makes a new one: a fresh {@code jti}
 * and times from {@code now}, so an assertion is never reused (Entra ID refuses a replayed {@code jti}).
 */
final class Assertions {

    /** Entra ID accepts client assertions of up to 10 minutes; 5 leaves room for clock skew. */
    static final Duration CLIENT_ASSERTION_LIFETIME = Duration.ofMinutes(5);
    /** Google refuses assertions that live longer than an hour; 30 minutes leaves room for clock skew. */
    static final Duration GRANT_LIFETIME = Duration.ofMinutes(30);

    private Assertions() {}

    /**
     * A client assertion ({@code private_key_jwt}) for Entra ID: {@code iss} = {@code sub} = client ID, {@code aud}
     * = the Token URL, the certificate named by {@code x5t#S256} and, for Entra ID, {@code x5t}.
     */
    @SuppressWarnings("deprecation") // x5t (SHA-1) is deprecated in JOSE, but Entra ID documents and reads it
    static String clientAssertion(ClientCredential.Certificate credential, String clientId, URI tokenUrl, Instant now) {
        CertificateKey key = credential.key();
        JWSHeader header = new JWSHeader.Builder(credential.algorithm())
                .type(JOSEObjectType.JWT)
                .x509CertSHA256Thumbprint(Base64URL.encode(key.sha256()))
                .x509CertThumbprint(Base64URL.encode(key.sha1()))
                .build();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(clientId)
                .subject(clientId)
                .audience(tokenUrl.toString())
                .jwtID(UUID.randomUUID().toString())
                .notBeforeTime(Date.from(now))
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(CLIENT_ASSERTION_LIFETIME)))
                .build();
        return sign(header, claims, key.privateKey());
    }

    /**
     * The JWT bearer grant of a Google service account: {@code iss} = the account, {@code sub} = the mailbox it acts
     * for, {@code scope} in the claims (Google takes it there), {@code aud} = the token URI, {@code kid} = the key's
     * id.
     */
    static String serviceAccountGrant(
            ClientCredential.ServiceAccount credential, String scopes, URI tokenUrl, Instant now) {
        ServiceAccountKey key = credential.key();
        JWSHeader header = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.privateKeyId())
                .build();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(key.clientEmail())
                .subject(credential.subject())
                .audience(tokenUrl.toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(GRANT_LIFETIME)));
        if (scopes != null) {
            claims.claim("scope", scopes);
        }
        return sign(header, claims.build(), key.privateKey());
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, PrivateKey key) {
        SignedJWT jwt = new SignedJWT(header, claims);
        try {
            jwt.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            // the key was read and checked when it was saved; a JDK without RSA or RSASSA-PSS cannot run Mailroom
            throw new IllegalStateException("cannot sign the assertion with " + header.getAlgorithm(), e);
        }
        return jwt.serialize();
    }
}
