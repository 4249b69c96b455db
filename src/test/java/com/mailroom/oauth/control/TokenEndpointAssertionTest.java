package com.mailroom.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.oauth.entity.AccessToken;
import com.mailroom.testsupport.AssertionTokenServer;
import com.mailroom.testsupport.AssertionTokenServer.Received;
import com.mailroom.testsupport.GoogleKeyFile;
import com.mailroom.testsupport.LogCapture;
import com.mailroom.testsupport.TestKeys;
import com.nimbusds.jose.JWSAlgorithm;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Token requests without a client secret, against a token endpoint on loopback that verifies every assertion (its
 * signature with the registered public key, {@code aud}, {@code iss}/{@code sub}, the time range, the certificate's
 * {@code x5t#S256} and that no {@code jti} comes twice): Entra ID with a certificate, Google with a service account.
 */
class TokenEndpointAssertionTest {

    private static final String MAILBOX = "reports@example.com";

    private final TokenEndpoint endpoint = new TokenEndpoint(Duration.ofSeconds(2), Duration.ofSeconds(2));
    private final TestKeys app = TestKeys.rsa();
    private AssertionTokenServer server;
    private GoogleKeyFile google;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        server = new AssertionTokenServer();
        server.register(app.certificate());
        google = GoogleKeyFile.create(server.googleUri());
        server.register(google);
        server.delegate(MAILBOX);
        log = new LogCapture();
    }

    @AfterEach
    void stop() {
        log.close();
        server.close();
        List<String> material =
                new ArrayList<>(server.issued.stream().map(i -> i.token()).toList());
        material.add(app.privateKeyPem().split("\n")[1]);
        material.add(google.keys().privateKeyPem().split("\n")[1]);
        server.received.forEach(r -> {
            if (r.form().get("client_assertion") != null) {
                material.add(r.form().get("client_assertion"));
            }
            if (r.form().get("assertion") != null) {
                material.add(r.form().get("assertion"));
            }
        });
        log.assertNoneReveals(material);
    }

    private TokenRequest certificate(JWSAlgorithm algorithm) throws Exception {
        var key = CertificateKey.parse(app.certificatePem(), app.privateKeyPem(), Instant.now());
        return new TokenRequest(
                server.entraUri(),
                server.entraClientId(),
                AssertionTokenServer.ENTRA_SCOPE,
                new ClientCredential.Certificate(key, algorithm));
    }

    private TokenRequest serviceAccount(String mailbox) throws Exception {
        var key = ServiceAccountKey.parse(google.json());
        return new TokenRequest(
                key.tokenUri(),
                key.clientEmail(),
                AssertionTokenServer.GMAIL_SCOPE,
                new ClientCredential.ServiceAccount(key, mailbox));
    }

    @Test
    void aCertificateGetsATokenWithAVerifiedClientAssertionAndNoSecret() throws Exception {
        for (JWSAlgorithm algorithm : new JWSAlgorithm[] {JWSAlgorithm.RS256, JWSAlgorithm.PS256}) {
            AccessToken token = endpoint.fetch(certificate(algorithm));
            Received seen = server.received.get(server.received.size() - 1);
            assertTrue(seen.accepted(), seen.description());
            assertEquals(server.issued.get(server.issued.size() - 1).token(), token.value());
            assertEquals(algorithm.getName(), seen.header().get("alg"));
            assertEquals(app.x5tS256(), seen.header().get("x5t#S256"));
            assertEquals(app.x5t(), seen.header().get("x5t"));
            assertEquals(server.entraClientId(), seen.claims().get("iss"));
            assertEquals(server.entraClientId(), seen.claims().get("sub"));
            assertEquals(server.entraUri().toString(), seen.claims().get("aud"));
            long lifetime =
                    (Long) seen.claims().get("exp") - (Long) seen.claims().get("nbf");
            assertEquals(Assertions.CLIENT_ASSERTION_LIFETIME.toSeconds(), lifetime);
            assertNull(seen.form().get("client_secret"));
            assertEquals("client_credentials", seen.form().get("grant_type"));
        }
        // two requests, two assertions: a jti is never reused (the server refuses a reused one)
        assertNotEquals(
                server.received.get(0).claims().get("jti"),
                server.received.get(1).claims().get("jti"));
    }

    @Test
    void anUnregisteredCertificateIsNamedWithEntrasCodeAndAHint() throws Exception {
        server.unregister(app.certificate());
        TokenFailure failure = assertThrows(TokenFailure.class, () -> endpoint.fetch(certificate(JWSAlgorithm.RS256)));
        assertEquals("invalid_client", failure.error());
        assertTrue(failure.getMessage().contains("AADSTS700027"), failure.getMessage());
        assertEquals(TokenHints.CERTIFICATE_NOT_REGISTERED, failure.hint());
    }

    @Test
    void aServiceAccountActsForTheMailboxThroughTheJwtBearerGrant() throws Exception {
        AccessToken token = endpoint.fetch(serviceAccount(MAILBOX));
        Received seen = server.received.get(0);
        assertTrue(seen.accepted(), seen.description());
        assertEquals(AssertionTokenServer.JWT_BEARER_GRANT, seen.form().get("grant_type"));
        assertEquals(google.privateKeyId(), seen.header().get("kid"));
        assertEquals(google.clientEmail(), seen.claims().get("iss"));
        assertEquals(MAILBOX, seen.claims().get("sub"));
        assertEquals(AssertionTokenServer.GMAIL_SCOPE, seen.claims().get("scope"));
        assertEquals(server.googleUri().toString(), seen.claims().get("aud"));
        assertEquals(server.tokenFor(MAILBOX), token.value());
        assertTrue(server.isValid(token.value(), MAILBOX));
        assertFalse(server.isValid(token.value(), "someone@example.com"));
    }

    @Test
    void googlesRefusalsAreDiagnosed() throws Exception {
        server.addUser("other@example.com");
        TokenFailure undelegated =
                assertThrows(TokenFailure.class, () -> endpoint.fetch(serviceAccount("other@example.com")));
        assertEquals("unauthorized_client", undelegated.error());
        assertEquals(TokenHints.DELEGATION, undelegated.hint());

        server.unregister(google);
        TokenFailure deleted = assertThrows(TokenFailure.class, () -> endpoint.fetch(serviceAccount(MAILBOX)));
        assertEquals("invalid_grant", deleted.error());
        assertEquals(TokenHints.SERVICE_ACCOUNT_KEY, deleted.hint());
    }

    @Test
    void theCacheTellsServiceAccountMailboxesAndKeysApart() throws Exception {
        endpoint.fetch(serviceAccount(MAILBOX));
        assertNotEquals(
                serviceAccount(MAILBOX).cacheKey(),
                serviceAccount("other@example.com").cacheKey());
        assertEquals(serviceAccount(MAILBOX).cacheKey(), serviceAccount(MAILBOX).cacheKey());
        assertNotEquals(
                certificate(JWSAlgorithm.RS256).cacheKey(),
                certificate(JWSAlgorithm.PS256).cacheKey());
        assertFalse(certificate(JWSAlgorithm.RS256).cacheKey().toString().contains("PRIVATE"));
        assertFalse(certificate(JWSAlgorithm.RS256).toString().contains("PRIVATE"));
    }
}
