package com.mailroom.testsupport;

import static com.mailroom.testsupport.AssertionTokenServer.CLIENT_ASSERTION_TYPE;
import static com.mailroom.testsupport.AssertionTokenServer.CLIENT_ID;
import static com.mailroom.testsupport.AssertionTokenServer.ENTRA_SCOPE;
import static com.mailroom.testsupport.AssertionTokenServer.GMAIL_SCOPE;
import static com.mailroom.testsupport.AssertionTokenServer.JWT_BEARER_GRANT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.testsupport.AssertionTokenServer.Provider;
import com.mailroom.testsupport.AssertionTokenServer.Received;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The token server cannot be fooled: assertions built here with Nimbus the way the providers document them are
 * accepted, and every tampered, wrongly signed, wrongly addressed or out-of-time one is refused with the provider's
 * error and no token. The integration tests of issue 15 rely on this.
 */
class AssertionTokenServerTest {

    private static final String MAILBOX = "sender@example.com";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static TestKeys app;
    private static TestKeys other;
    private static GoogleKeyFile account;
    private static GoogleKeyFile stranger;

    private AssertionTokenServer server;

    @BeforeAll
    static void keys() {
        app = TestKeys.rsa();
        other = TestKeys.rsa();
        account = GoogleKeyFile.create(URI.create("http://127.0.0.1/token"));
        stranger = GoogleKeyFile.create("another-project", URI.create("http://127.0.0.1/token"));
    }

    @BeforeEach
    void start() throws Exception {
        server = new AssertionTokenServer();
        server.register(app.certificate());
        server.register(account);
        server.delegate(MAILBOX);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---- Entra ID: accepted

    @Test
    void entraIssuesATokenForAnRs256AssertionWithTheRegisteredCertificate() throws Exception {
        var answer = entra(entraAssertion(h -> {}, c -> {}));

        assertEquals(200, answer.status(), answer.json().toString());
        assertEquals("Bearer", answer.json().get("token_type"));
        assertEquals(3599L, answer.json().get("expires_in"));
        String token = (String) answer.json().get("access_token");
        assertEquals(server.current(), token);
        assertEquals(1, server.issued.size());
        assertEquals(Provider.ENTRA, server.issued.get(0).provider());
        assertEquals(CLIENT_ID, server.issued.get(0).client());
        assertTrue(server.isValid(token, MAILBOX));
        assertTrue(server.isValid(token, "any.other@example.com"), "an app token is not bound to a mailbox");
        assertFalse(server.isValid("forged", MAILBOX));
        assertNull(server.tokenFor(MAILBOX), "tokenFor names Google's tokens only");

        Received seen = server.last();
        assertTrue(seen.accepted());
        assertEquals(app.x5tS256(), seen.header().get("x5t#S256"));
        assertEquals(app.x5t(), seen.header().get("x5t"));
        assertEquals("RS256", seen.header().get("alg"));
        assertEquals(CLIENT_ID, seen.claims().get("iss"));
        assertEquals(server.entraUri().toString(), seen.claims().get("aud"));
        assertEquals(CLIENT_ASSERTION_TYPE, seen.form().get("client_assertion_type"));
    }

    @Test
    void entraAcceptsPs256AndAnAssertionWithoutTheSha1Thumbprint() throws Exception {
        assertEquals(
                200,
                entra(entraAssertion(JWSAlgorithm.PS256, app, h -> {}, c -> {})).status());
        assertEquals(
                200,
                entra(entraAssertion(h -> h.x509CertThumbprint(null), c -> {})).status());
        assertEquals(2, server.issued.size());
        assertNotEquals(server.issued.get(0).token(), server.issued.get(1).token());
    }

    @Test
    void entraAcceptsEveryRegisteredCertificate() throws Exception {
        server.register(other.certificate());

        assertEquals(
                200,
                entra(entraAssertion(JWSAlgorithm.RS256, other, h -> {}, c -> {}))
                        .status());
        assertEquals(200, entra(entraAssertion(h -> {}, c -> {})).status());
    }

    // ---- Entra ID: refused

    @Test
    void entraRefusesATamperedPayload() throws Exception {
        String[] parts = entraAssertion(h -> {}, c -> {}).split("\\.");
        Map<String, Object> claims = JSONObjectUtils.parse(new Base64URL(parts[1]).decodeToString());
        claims.put("exp", Instant.now().plusSeconds(590).getEpochSecond());
        String tampered = parts[0] + "." + Base64URL.encode(JSONObjectUtils.toJSONString(claims)) + "." + parts[2];

        assertEntraRefusal(entra(tampered), 401, "invalid_client", 700027, "did not match the expected signature");
    }

    @Test
    void entraRefusesAFlippedSignature() throws Exception {
        String assertion = entraAssertion(h -> {}, c -> {});
        int last = assertion.lastIndexOf('.') + 5;
        String flipped = assertion.substring(0, last)
                + (assertion.charAt(last) == 'A' ? 'B' : 'A')
                + assertion.substring(last + 1);

        assertEntraRefusal(entra(flipped), 401, "invalid_client", 700027, "did not match the expected signature");
    }

    @Test
    void entraRefusesAnAssertionSignedWithAnotherKeyNamingTheRegisteredCertificate() throws Exception {
        String assertion = sign(
                entraHeader(JWSAlgorithm.RS256, app, h -> {}),
                entraClaims(c -> {}),
                new RSASSASigner(other.privateKey()));

        assertEntraRefusal(entra(assertion), 401, "invalid_client", 700027, "did not match the expected signature");
    }

    @Test
    void entraRefusesAnUnregisteredCertificate() throws Exception {
        var answer = entra(entraAssertion(JWSAlgorithm.RS256, other, h -> {}, c -> {}));

        assertEntraRefusal(answer, 401, "invalid_client", 700027, "The key was not found.");
        assertTrue(answer.description().contains(other.sha256Hex()), answer.description());
    }

    @Test
    void entraRefusesACertificateRemovedFromTheApp() throws Exception {
        server.unregister(app.certificate());

        assertEntraRefusal(
                entra(entraAssertion(h -> {}, c -> {})), 401, "invalid_client", 700027, "The key was not found.");
    }

    @Test
    void entraRefusesAWrongSha256Thumbprint() throws Exception {
        // signed by the registered key, but the header names another certificate
        var answer = entra(entraAssertion(h -> h.x509CertSHA256Thumbprint(new Base64URL(other.x5tS256())), c -> {}));

        assertEntraRefusal(answer, 401, "invalid_client", 700027, "The key was not found.");
    }

    @Test
    void entraRefusesAMissingSha256Thumbprint() throws Exception {
        var answer = entra(entraAssertion(h -> h.x509CertSHA256Thumbprint(null), c -> {}));

        assertEntraRefusal(answer, 401, "invalid_client", 700027, "no x5t#S256 header");
    }

    @Test
    void entraRefusesASha1ThumbprintOfAnotherCertificate() throws Exception {
        var answer = entra(entraAssertion(h -> h.x509CertThumbprint(new Base64URL(other.x5t())), c -> {}));

        assertEntraRefusal(answer, 401, "invalid_client", 700027, "x5t names another certificate");
    }

    @Test
    void entraRefusesAnExpiredCertificateEvenWithAValidSignature() throws Exception {
        TestKeys expired = app.recertified(
                Instant.now().minus(Duration.ofDays(400)), Instant.now().minusSeconds(60));
        server.register(expired.certificate());

        var answer = entra(entraAssertion(JWSAlgorithm.RS256, expired, h -> {}, c -> {}));

        assertEntraRefusal(answer, 401, "invalid_client", 700027, "The key used is expired.");
    }

    @Test
    void entraRefusesAnExpiredAssertion() throws Exception {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        var answer = entra(entraAssertion(
                h -> {},
                c -> c.issueTime(Date.from(past))
                        .notBeforeTime(Date.from(past))
                        .expirationTime(Date.from(past.plus(Duration.ofMinutes(5))))));

        assertEntraRefusal(answer, 401, "invalid_client", 700024, "not within its valid time range");
    }

    @Test
    void entraRefusesAnAssertionNotYetValid() throws Exception {
        Instant later = Instant.now().plus(Duration.ofMinutes(2));
        var answer = entra(entraAssertion(
                h -> {},
                c -> c.notBeforeTime(Date.from(later)).expirationTime(Date.from(later.plus(Duration.ofMinutes(5))))));

        assertEntraRefusal(answer, 401, "invalid_client", 700024, "nbf is ahead");
    }

    @Test
    void entraToleratesAMinuteOfClockSkewOnNbf() throws Exception {
        Instant soon = Instant.now().plusSeconds(30);
        var answer = entra(entraAssertion(h -> {}, c -> c.notBeforeTime(Date.from(soon))));

        assertEquals(200, answer.status(), answer.json().toString());
    }

    @Test
    void entraRefusesALongLivedAssertion() throws Exception {
        var answer = entra(entraAssertion(
                h -> {}, c -> c.expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(11))))));

        assertEntraRefusal(answer, 401, "invalid_client", 700024, "lifetime over 10 minutes");
    }

    @Test
    void entraRefusesAnAssertionWithoutExp() throws Exception {
        var answer = entra(entraAssertion(h -> {}, c -> c.expirationTime(null)));

        assertEntraRefusal(answer, 400, "invalid_request", 50027, "exp");
    }

    @Test
    void entraRefusesAnotherAudience() throws Exception {
        for (String aud : List.of(
                "https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token",
                server.entraUri().toString().replace("/v2.0", ""),
                server.entraUri() + "/")) {
            var answer = entra(entraAssertion(h -> {}, c -> c.audience(aud)));

            assertEntraRefusal(answer, 400, "invalid_request", 50027, "aud");
        }
        var twoAudiences = entra(entraAssertion(
                h -> {}, c -> c.audience(List.of(server.entraUri().toString(), "https://example.com/"))));
        assertEntraRefusal(twoAudiences, 400, "invalid_request", 50027, "aud");
    }

    @Test
    void entraRefusesAnotherIssuer() throws Exception {
        var answer = entra(entraAssertion(h -> {}, c -> c.issuer("11111111-2222-3333-4444-555555555555")));

        assertEntraRefusal(answer, 400, "invalid_request", 50027, "iss");
    }

    @Test
    void entraRefusesAnotherSubject() throws Exception {
        var answer = entra(entraAssertion(h -> {}, c -> c.subject(MAILBOX)));

        assertEntraRefusal(answer, 400, "invalid_request", 50027, "sub");
    }

    @Test
    void entraRefusesAnAssertionForAnotherClientIdThanTheForm() throws Exception {
        Map<String, String> form = entraForm(entraAssertion(h -> {}, c -> {}));
        form.put("client_id", "11111111-2222-3333-4444-555555555555");

        var answer = post(server.entraUri(), form);

        assertEquals(400, answer.status());
        assertEquals("unauthorized_client", answer.error());
        assertTrue(answer.description().startsWith("AADSTS700016:"), answer.description());
        assertTrue(server.issued.isEmpty());
    }

    @Test
    void entraRefusesAReusedJti() throws Exception {
        String assertion = entraAssertion(h -> {}, c -> {});
        assertEquals(200, entra(assertion).status());

        assertEntraRefusal(entra(assertion), 400, "invalid_request", 50027, "was used before");
        assertEquals(1, server.issued.size());
        String jti = UUID.randomUUID().toString();
        assertEquals(200, entra(entraAssertion(h -> {}, c -> c.jwtID(jti))).status());
        assertEntraRefusal(
                entra(entraAssertion(h -> {}, c -> c.jwtID(jti))), 400, "invalid_request", 50027, "was used before");
    }

    @Test
    void entraRefusesAnAssertionWithoutJti() throws Exception {
        assertEntraRefusal(entra(entraAssertion(h -> {}, c -> c.jwtID(null))), 400, "invalid_request", 50027, "jti");
    }

    @Test
    void entraRefusesAClientSecretInsteadOfOrBesideTheAssertion() throws Exception {
        Map<String, String> secretOnly = new LinkedHashMap<>(entraForm(null));
        secretOnly.remove("client_assertion_type");
        secretOnly.put("client_secret", "Xy8Q~secret");
        assertEntraRefusal(post(server.entraUri(), secretOnly), 401, "invalid_client", 7000215, "client secret");

        Map<String, String> both = entraForm(entraAssertion(h -> {}, c -> {}));
        both.put("client_secret", "Xy8Q~secret");
        assertEntraRefusal(post(server.entraUri(), both), 401, "invalid_client", 7000215, "client secret");

        String basic =
                Base64.getEncoder().encodeToString((CLIENT_ID + ":Xy8Q~secret").getBytes(StandardCharsets.UTF_8));
        var withBasic = post(server.entraUri(), entraForm(entraAssertion(h -> {}, c -> {})), basic);
        assertEntraRefusal(withBasic, 401, "invalid_client", 7000215, "client secret");
    }

    @Test
    void entraRefusesARequestWithoutAssertionOrWithAnotherAssertionType() throws Exception {
        assertEntraRefusal(
                post(server.entraUri(), entraForm(null)), 401, "invalid_client", 7000218, "'client_assertion'");

        Map<String, String> form = entraForm(entraAssertion(h -> {}, c -> {}));
        form.put("client_assertion_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        assertEntraRefusal(post(server.entraUri(), form), 400, "invalid_request", 50027, "client_assertion_type");
    }

    @Test
    void entraRefusesOtherAlgorithms() throws Exception {
        var hs256 = entra(sign(
                entraHeader(JWSAlgorithm.HS256, app, h -> {}),
                entraClaims(c -> {}),
                new MACSigner("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8))));
        assertEntraRefusal(hs256, 401, "invalid_client", 5002738, "'HS256' is not a supported");

        TestKeys ec = TestKeys.ec();
        server.register(ec.certificate());
        var es256 = entra(
                sign(entraHeader(JWSAlgorithm.ES256, ec, h -> {}), entraClaims(c -> {}), new ECDSASigner((ECPrivateKey)
                        ec.privateKey())));
        assertEntraRefusal(es256, 401, "invalid_client", 5002738, "'ES256' is not a supported");

        var rs512 = entra(entraAssertion(JWSAlgorithm.RS512, app, h -> {}, c -> {}));
        assertEntraRefusal(rs512, 401, "invalid_client", 5002738, "'RS512' is not a supported");
    }

    @Test
    void entraRefusesAnUnsignedOrMalformedAssertion() throws Exception {
        String[] parts = entraAssertion(h -> {}, c -> {}).split("\\.");
        String none = Base64URL.encode("{\"alg\":\"none\"}") + "." + parts[1] + ".";
        assertEntraRefusal(entra(none), 400, "invalid_request", 50027, "not a signed JWT");
        assertEntraRefusal(entra("not-a-jwt"), 400, "invalid_request", 50027, "not a signed JWT");
        assertEntraRefusal(entra(parts[0] + "." + parts[1]), 400, "invalid_request", 50027, "not a signed JWT");
    }

    @Test
    void entraRefusesAScopeWithoutDefault() throws Exception {
        Map<String, String> form = entraForm(entraAssertion(h -> {}, c -> {}));
        form.put("scope", "https://outlook.office365.com/SMTP.Send");

        var answer = post(server.entraUri(), form);

        assertEquals(400, answer.status());
        assertEquals("invalid_scope", answer.error());
        assertTrue(answer.description().startsWith("AADSTS1002012:"), answer.description());
    }

    @Test
    void entraErrorsHaveEntrasShape() throws Exception {
        var answer = entra(entraAssertion(JWSAlgorithm.RS256, other, h -> {}, c -> {}));

        assertEquals(List.of(700027L), answer.json().get("error_codes"));
        assertTrue(((String) answer.json().get("error_description")).contains(" Trace ID: "));
        assertTrue(answer.json().containsKey("trace_id"));
        assertTrue(answer.json().containsKey("correlation_id"));
        assertEquals(
                "https://login.microsoftonline.com/error?code=700027",
                answer.json().get("error_uri"));
    }

    // ---- Google: accepted

    @Test
    void googleIssuesATokenForTheDelegatedMailbox() throws Exception {
        var answer = google(googleAssertion(account, h -> {}, c -> {}));

        assertEquals(200, answer.status(), answer.json().toString());
        assertEquals(3, answer.json().size(), answer.json().toString());
        assertEquals("Bearer", answer.json().get("token_type"));
        assertEquals(3599L, answer.json().get("expires_in"));
        String token = (String) answer.json().get("access_token");
        assertTrue(token.startsWith("ya29."), token);
        assertEquals(token, server.tokenFor(MAILBOX));
        assertEquals(token, server.tokenFor("Sender@Example.com"));
        assertTrue(server.isValid(token, MAILBOX));
        assertFalse(server.isValid(token, "someone.else@example.com"), "a delegated token is for its mailbox only");
        assertEquals(account.clientEmail(), server.issued.get(0).client());
        assertEquals(MAILBOX, server.issued.get(0).subject());

        Received seen = server.last();
        assertEquals(Provider.GOOGLE, seen.provider());
        assertEquals(account.privateKeyId(), seen.header().get("kid"));
        assertEquals(MAILBOX, seen.claims().get("sub"));
        assertEquals(GMAIL_SCOPE, seen.claims().get("scope"));
    }

    @Test
    void googleAcceptsEachRegisteredKeyOfTheAccount() throws Exception {
        GoogleKeyFile second = account.rotated();
        server.register(second);

        assertEquals(200, google(googleAssertion(second, h -> {}, c -> {})).status());
        assertEquals(200, google(googleAssertion(account, h -> {}, c -> {})).status());
    }

    @Test
    void googleWithoutSubIssuesATokenForTheAccountThatNoMailboxAccepts() throws Exception {
        var answer = google(googleAssertion(account, h -> {}, c -> c.subject(null)));

        assertEquals(200, answer.status());
        String token = (String) answer.json().get("access_token");
        assertFalse(server.isValid(token, MAILBOX));
        assertNull(server.tokenFor(MAILBOX));
    }

    // ---- Google: refused

    @Test
    void googleRefusesAnotherKid() throws Exception {
        assertGoogleRefusal(
                google(googleAssertion(account, h -> h.keyID("0123456789abcdef0123456789abcdef01234567"), c -> {})),
                "invalid_grant",
                AssertionTokenServer.GOOGLE_BAD_SIGNATURE);
        assertGoogleRefusal(
                google(googleAssertion(account, h -> h.keyID(null), c -> {})),
                "invalid_grant",
                AssertionTokenServer.GOOGLE_BAD_SIGNATURE);
    }

    @Test
    void googleRefusesAnotherKeyPairUnderTheRegisteredKid() throws Exception {
        assertGoogleRefusal(
                google(googleAssertion(account.withOtherKeyPair(), h -> {}, c -> {})),
                "invalid_grant",
                AssertionTokenServer.GOOGLE_BAD_SIGNATURE);
    }

    @Test
    void googleRefusesADeletedKey() throws Exception {
        server.unregister(account);

        assertGoogleRefusal(
                google(googleAssertion(account, h -> {}, c -> {})),
                "invalid_grant",
                AssertionTokenServer.GOOGLE_BAD_SIGNATURE);
    }

    @Test
    void googleRefusesATamperedPayload() throws Exception {
        String[] parts = googleAssertion(account, h -> {}, c -> {}).split("\\.");
        Map<String, Object> claims = JSONObjectUtils.parse(new Base64URL(parts[1]).decodeToString());
        claims.put("sub", "ceo@example.com");
        server.delegate("ceo@example.com");
        String tampered = parts[0] + "." + Base64URL.encode(JSONObjectUtils.toJSONString(claims)) + "." + parts[2];

        assertGoogleRefusal(google(tampered), "invalid_grant", AssertionTokenServer.GOOGLE_BAD_SIGNATURE);
    }

    @Test
    void googleRefusesAnotherAlgorithm() throws Exception {
        GoogleKeyFile key = account;
        String ps256 = sign(
                new JWSHeader.Builder(JWSAlgorithm.PS256)
                        .type(JOSEObjectType.JWT)
                        .keyID(key.privateKeyId())
                        .build(),
                googleClaims(key, c -> {}),
                new RSASSASigner(key.keys().privateKey()));

        assertGoogleRefusal(google(ps256), "invalid_grant", AssertionTokenServer.GOOGLE_BAD_SIGNATURE);
    }

    @Test
    void googleRefusesAnUnknownAccount() throws Exception {
        assertGoogleRefusal(
                google(googleAssertion(stranger, h -> {}, c -> {})),
                "invalid_grant",
                "Invalid grant: account not found");
    }

    @Test
    void googleRefusesAnotherAccountsIssuerWithThisKey() throws Exception {
        server.register(stranger);

        var answer = google(googleAssertion(account, h -> {}, c -> c.issuer(stranger.clientEmail())));

        assertGoogleRefusal(answer, "invalid_grant", AssertionTokenServer.GOOGLE_BAD_SIGNATURE);
    }

    @Test
    void googleRefusesAMailboxThatWasNotDelegated() throws Exception {
        server.addUser("other@example.com");

        assertGoogleRefusal(
                google(googleAssertion(account, h -> {}, c -> c.subject("other@example.com"))),
                "unauthorized_client",
                AssertionTokenServer.GOOGLE_UNAUTHORIZED);

        server.undelegate(MAILBOX);
        assertGoogleRefusal(
                google(googleAssertion(account, h -> {}, c -> {})),
                "unauthorized_client",
                AssertionTokenServer.GOOGLE_UNAUTHORIZED);
    }

    @Test
    void googleRefusesAnUnknownUser() throws Exception {
        assertGoogleRefusal(
                google(googleAssertion(account, h -> {}, c -> c.subject("nobody@example.com"))),
                "invalid_grant",
                AssertionTokenServer.GOOGLE_UNKNOWN_USER);

        server.removeUser(MAILBOX);
        assertGoogleRefusal(
                google(googleAssertion(account, h -> {}, c -> {})),
                "invalid_grant",
                AssertionTokenServer.GOOGLE_UNKNOWN_USER);
    }

    @Test
    void googleRefusesAMissingScope() throws Exception {
        assertGoogleRefusal(
                google(googleAssertion(account, h -> {}, c -> c.claim("scope", null))),
                "invalid_scope",
                "Empty or missing scope not allowed.");
    }

    @Test
    void googleRefusesAScopeWithoutGmail() throws Exception {
        assertGoogleRefusal(
                google(googleAssertion(
                        account, h -> {}, c -> c.claim("scope", "https://www.googleapis.com/auth/gmail.send"))),
                "unauthorized_client",
                AssertionTokenServer.GOOGLE_UNAUTHORIZED);
        assertEquals(
                200,
                google(googleAssertion(
                                account,
                                h -> {},
                                c -> c.claim("scope", "https://www.googleapis.com/auth/gmail.send " + GMAIL_SCOPE)))
                        .status());
    }

    @Test
    void googleRefusesAnAssertionLivingLongerThanAnHour() throws Exception {
        Instant now = Instant.now();
        assertGoogleRefusal(
                google(googleAssertion(
                        account,
                        h -> {},
                        c -> c.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3601))))),
                "invalid_grant",
                AssertionTokenServer.GOOGLE_BAD_TIME);
        assertEquals(
                200,
                google(googleAssertion(
                                account,
                                h -> {},
                                c -> c.issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600)))))
                        .status());
    }

    @Test
    void googleRefusesExpiredFutureOrUndatedAssertions() throws Exception {
        Instant now = Instant.now();
        for (Consumer<JWTClaimsSet.Builder> times : List.<Consumer<JWTClaimsSet.Builder>>of(
                c -> c.issueTime(Date.from(now.minusSeconds(3600))).expirationTime(Date.from(now.minusSeconds(1))),
                c -> c.issueTime(Date.from(now.plusSeconds(300))).expirationTime(Date.from(now.plusSeconds(900))),
                c -> c.issueTime(null),
                c -> c.expirationTime(null))) {
            assertGoogleRefusal(
                    google(googleAssertion(account, h -> {}, times)),
                    "invalid_grant",
                    AssertionTokenServer.GOOGLE_BAD_TIME);
        }
    }

    @Test
    void googleRefusesAnotherAudience() throws Exception {
        var answer = google(googleAssertion(account, h -> {}, c -> c.audience("https://oauth2.googleapis.com/token")));

        assertGoogleRefusal(
                answer,
                "invalid_grant",
                "Invalid JWT: Failed audience check. The right audience is " + server.googleUri());
    }

    @Test
    void googleRefusesAnotherGrantOrNoAssertion() throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("assertion", googleAssertion(account, h -> {}, c -> {}));
        assertGoogleRefusal(
                post(server.googleUri(), form), "unsupported_grant_type", "Invalid grant_type: client_credentials");

        form.put("grant_type", JWT_BEARER_GRANT);
        form.remove("assertion");
        assertGoogleRefusal(post(server.googleUri(), form), "invalid_request", "Missing required parameter: assertion");
    }

    @Test
    void anEntraAssertionIsNoGoogleAssertionAndTheOtherWayRound() throws Exception {
        assertEquals(400, google(entraAssertion(h -> {}, c -> {})).status());
        assertEquals(401, entra(googleAssertion(account, h -> {}, c -> {})).status());
        assertTrue(server.issued.isEmpty());
    }

    // ---- the mail server side and the switches

    @Test
    void xoauth2ServerAcceptsOnlyIssuedTokensAndGooglesOnlyForTheirMailbox() throws Exception {
        String entraToken =
                (String) entra(entraAssertion(h -> {}, c -> {})).json().get("access_token");
        String googleToken = (String)
                google(googleAssertion(account, h -> {}, c -> {})).json().get("access_token");

        try (var smtp = new XOAuth2SmtpServer(server.validLogins())) {
            assertEquals(235, xoauth2(smtp.port(), "anyone@contoso.com", entraToken));
            assertEquals(235, xoauth2(smtp.port(), MAILBOX, googleToken));
            assertEquals(535, xoauth2(smtp.port(), "other@example.com", googleToken));
            assertEquals(535, xoauth2(smtp.port(), MAILBOX, "ya29.made-up"));
            server.revoke(googleToken);
            assertEquals(535, xoauth2(smtp.port(), MAILBOX, googleToken));
            server.revokeAll();
            assertEquals(535, xoauth2(smtp.port(), "anyone@contoso.com", entraToken));
            assertEquals(2, smtp.accepted.size());
        }
    }

    @Test
    void aHangingServerAnswersNothing() throws Exception {
        server.hang();
        HttpRequest request = HttpRequest.newBuilder(server.googleUri())
                .timeout(Duration.ofMillis(500))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=x"))
                .build();

        assertThrows(HttpTimeoutException.class, () -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
        assertEquals(1, server.requests.get());
    }

    // ---- building assertions as the providers document them

    private String entraAssertion(Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims)
            throws Exception {
        return entraAssertion(JWSAlgorithm.RS256, app, header, claims);
    }

    private String entraAssertion(
            JWSAlgorithm alg, TestKeys keys, Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims)
            throws Exception {
        return sign(entraHeader(alg, keys, header), entraClaims(claims), new RSASSASigner(keys.privateKey()));
    }

    @SuppressWarnings("deprecation") // x5t (SHA-1) is what Entra documents next to x5t#S256
    private static JWSHeader entraHeader(JWSAlgorithm alg, TestKeys keys, Consumer<JWSHeader.Builder> changes) {
        JWSHeader.Builder b = new JWSHeader.Builder(alg)
                .type(JOSEObjectType.JWT)
                .x509CertSHA256Thumbprint(new Base64URL(keys.x5tS256()))
                .x509CertThumbprint(new Base64URL(keys.x5t()));
        changes.accept(b);
        return b.build();
    }

    private JWTClaimsSet entraClaims(Consumer<JWTClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(CLIENT_ID)
                .subject(CLIENT_ID)
                .audience(server.entraUri().toString())
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(5))));
        changes.accept(b);
        return b.build();
    }

    private String googleAssertion(
            GoogleKeyFile key, Consumer<JWSHeader.Builder> header, Consumer<JWTClaimsSet.Builder> claims)
            throws Exception {
        JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.privateKeyId());
        header.accept(h);
        return sign(
                h.build(),
                googleClaims(key, claims),
                new RSASSASigner(key.keys().privateKey()));
    }

    private JWTClaimsSet googleClaims(GoogleKeyFile key, Consumer<JWTClaimsSet.Builder> changes) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder()
                .issuer(key.clientEmail())
                .subject(MAILBOX)
                .audience(server.googleUri().toString())
                .claim("scope", GMAIL_SCOPE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
        changes.accept(b);
        return b.build();
    }

    private static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) throws Exception {
        SignedJWT jwt = new SignedJWT(header, claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    // ---- talking to the server

    private record Reply(int status, Map<String, Object> json) {
        String error() {
            return (String) json.get("error");
        }

        String description() {
            return (String) json.get("error_description");
        }
    }

    private Map<String, String> entraForm(String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", CLIENT_ID);
        form.put("scope", ENTRA_SCOPE);
        form.put("client_assertion_type", CLIENT_ASSERTION_TYPE);
        if (assertion != null) {
            form.put("client_assertion", assertion);
        }
        return form;
    }

    private Reply entra(String assertion) throws Exception {
        return post(server.entraUri(), entraForm(assertion));
    }

    private Reply google(String assertion) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", JWT_BEARER_GRANT);
        form.put("assertion", assertion);
        return post(server.googleUri(), form);
    }

    private static Reply post(URI uri, Map<String, String> form) throws Exception {
        return post(uri, form, null);
    }

    private static Reply post(URI uri, Map<String, String> form, String basic) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (basic != null) {
            request.header("Authorization", "Basic " + basic);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return new Reply(response.statusCode(), JSONObjectUtils.parse(response.body()));
    }

    private void assertEntraRefusal(Reply answer, int status, String error, long code, String text) {
        assertEquals(status, answer.status(), answer.json().toString());
        assertEquals(error, answer.error(), answer.json().toString());
        assertTrue(answer.description().startsWith("AADSTS" + code + ":"), answer.description());
        assertTrue(answer.description().contains(text), answer.description());
        assertEquals(List.of(code), answer.json().get("error_codes"));
        assertFalse(answer.json().containsKey("access_token"));
        assertFalse(server.last().accepted());
        assertEquals(error, server.last().error());
        assertEquals(server.acceptedRequests().size(), server.issued.size(), "no token for a refused request");
    }

    private void assertGoogleRefusal(Reply answer, String error, String description) {
        assertEquals(400, answer.status(), answer.json().toString());
        assertEquals(Map.of("error", error, "error_description", description), answer.json());
        assertFalse(server.last().accepted());
    }

    /** A minimal SMTP client: EHLO, AUTH XOAUTH2 with the initial response; the reply code of AUTH. */
    private static int xoauth2(int port, String user, String token) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            reply(in);
            out.write("EHLO client.test\r\n".getBytes(StandardCharsets.US_ASCII));
            reply(in);
            String sasl = Base64.getEncoder()
                    .encodeToString(("user=" + user + "\u0001auth=Bearer " + token + "\u0001\u0001")
                            .getBytes(StandardCharsets.UTF_8));
            out.write(("AUTH XOAUTH2 " + sasl + "\r\n").getBytes(StandardCharsets.US_ASCII));
            int code = reply(in);
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            return code;
        }
    }

    private static int reply(BufferedReader in) throws Exception {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.length() > 3 && line.charAt(3) == '-');
        return line == null ? -1 : Integer.parseInt(line.substring(0, 3));
    }
}
