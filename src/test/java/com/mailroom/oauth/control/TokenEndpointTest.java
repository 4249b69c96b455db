package com.mailroom.oauth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.oauth.control.TokenRequest.ClientAuthentication;
import com.mailroom.oauth.entity.AccessToken;
import com.mailroom.platform.Text;
import com.mailroom.testsupport.LogCapture;
import com.mailroom.testsupport.Loopback;
import com.mailroom.testsupport.TokenServer;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The client-credentials grant through Jersey's MicroProfile REST Client against a token endpoint on loopback. */
class TokenEndpointTest {

    /** Characters that need form encoding, and a colon that would break a naive Basic header. */
    private static final String SECRET = "Xy8Q~a:b+c/d=e&f%ü-secret";

    private final TokenEndpoint endpoint = new TokenEndpoint(Duration.ofSeconds(2), Duration.ofMillis(700));
    private TokenServer server;
    private LogCapture log;

    @BeforeEach
    void start() throws Exception {
        server = new TokenServer(SECRET);
        log = new LogCapture();
    }

    @AfterEach
    void stop() {
        log.close();
        server.close();
        List<String> credentials = new ArrayList<>(server.issued);
        credentials.add(SECRET);
        boolean basicUsed = server.seen.stream().anyMatch(s -> s.authorization() != null);
        // with HTTP Basic the JDK's own HTTP client logs the header at FINE (documented in package-info); the
        // default presentation (form body) must leave no trace in any logger at any level
        log.assertNoneReveals(credentials, basicUsed ? new String[] {LogCapture.JDK_HTTP} : new String[0]);
    }

    private TokenRequest request(String secret, ClientAuthentication method) {
        return new TokenRequest(server.uri(), TokenServer.CLIENT_ID, secret, TokenServer.SCOPE, method);
    }

    @Test
    void formBodyCarriesGrantClientAndScope() throws Exception {
        Instant before = Instant.now();
        AccessToken token = endpoint.fetch(request(SECRET, null));

        assertEquals(1, server.requests.get());
        assertEquals(server.current(), token.value());
        assertEquals("Bearer", token.tokenType());
        assertTrue(
                !token.expiresAt().isBefore(before.plusSeconds(3599))
                        && !token.expiresAt().isAfter(Instant.now().plusSeconds(3599)),
                token.toString());
        TokenServer.Seen seen = server.seen.get(0);
        assertEquals(
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        TokenServer.CLIENT_ID,
                        "client_secret",
                        SECRET,
                        "scope",
                        TokenServer.SCOPE),
                seen.form());
        assertNull(seen.authorization());
        assertTrue(seen.contentType().startsWith("application/x-www-form-urlencoded"), seen.contentType());
        assertFalse(token.toString().contains(token.value()));
    }

    @Test
    void basicHeaderCarriesTheEncodedIdAndSecret() throws Exception {
        AccessToken token = endpoint.fetch(request(SECRET, ClientAuthentication.BASIC));

        assertEquals(server.current(), token.value());
        TokenServer.Seen seen = server.seen.get(0);
        String expected = URLEncoder.encode(TokenServer.CLIENT_ID, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        assertEquals(
                "Basic " + Base64.getEncoder().encodeToString(expected.getBytes(StandardCharsets.UTF_8)),
                seen.authorization());
        // RFC 6749 section 2.3.1: one way of authenticating; the form then names neither ID nor secret
        assertEquals(Map.of("grant_type", "client_credentials", "scope", TokenServer.SCOPE), seen.form());
    }

    @Test
    void expiresInAsStringOrMissing() throws Exception {
        server.expiresIn("1800");
        Instant expires = endpoint.fetch(request(SECRET, null)).expiresAt();
        assertTrue(Duration.between(Instant.now(), expires).toSeconds() > 1790, expires.toString());

        server.expiresIn(null);
        expires = endpoint.fetch(request(SECRET, null)).expiresAt();
        long left = Duration.between(Instant.now(), expires).toSeconds();
        assertTrue(left > 290 && left <= 300, "default lifetime " + left);
    }

    @Test
    void invalidClientSecretIsTheProvidersErrorWithAHint() {
        String wrong = "wrong-secret-value-123";
        TokenFailure f = assertThrows(TokenFailure.class, () -> endpoint.fetch(request(wrong, null)));

        assertEquals(1, server.requests.get());
        assertEquals(401, f.httpStatus());
        assertEquals("invalid_client", f.error());
        assertTrue(
                f.description().english().startsWith("AADSTS7000215: Invalid client secret provided."),
                f.description().english());
        assertEquals(TokenHints.BAD_SECRET, f.hint());
        assertTrue(f.getMessage().startsWith("401 invalid_client: AADSTS7000215"), f.getMessage());
        assertFalse(f.getMessage().contains(wrong));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "400|invalid_request|AADSTS90002: Tenant 'contoso.example' not found.|UNKNOWN_TENANT",
                "400|invalid_request|AADSTS900023: Specified tenant identifier 'x' is neither a valid DNS name nor"
                        + " GUID.|UNKNOWN_TENANT",
                "400|unauthorized_client|AADSTS700016: Application with identifier 'x' was not found in the"
                        + " directory.|UNKNOWN_CLIENT",
                "400|invalid_scope|AADSTS70011: The provided value for the input parameter 'scope' is not"
                        + " valid.|BAD_SCOPE",
                "400|invalid_scope|The requested scope is invalid, unknown, or malformed.|BAD_SCOPE",
                "401|invalid_client|AADSTS7000222: The provided client secret keys for app 'x' are expired.|BAD_SECRET",
                "400|unauthorized_client|The client is not authorized to use this grant type.|UNAUTHORIZED_CLIENT",
                "401|invalid_client|Client authentication failed.|INVALID_CLIENT",
                "400|unsupported_grant_type|Not supported.|GRANT",
                "400|invalid_request|Something else.|OTHER_ERROR"
            })
    void providerErrorsGetActionableHints(int status, String error, String description, String hint) throws Exception {
        server.scripted(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
        TokenFailure f = assertThrows(TokenFailure.class, () -> endpoint.fetch(request(SECRET, null)));

        assertEquals(status, f.httpStatus());
        assertEquals(error, f.error());
        assertEquals(Text.verbatim(description), f.description());
        assertEquals(TokenHints.class.getDeclaredField(hint).get(null), f.hint());
    }

    @Test
    void anEchoedSecretIsTakenOutOfTheDescription() {
        server.scripted(401, "{\"error\":\"invalid_client\",\"error_description\":\"Bad secret " + SECRET + "\"}");
        TokenFailure f = assertThrows(TokenFailure.class, () -> endpoint.fetch(request(SECRET, null)));

        assertEquals(Text.verbatim("Bad secret <redacted>"), f.description());
        assertFalse(f.getMessage().contains(SECRET));
    }

    @Test
    void garbageIsNotAToken() {
        server.mode(TokenServer.Mode.GARBAGE);
        TokenFailure f = assertThrows(TokenFailure.class, () -> endpoint.fetch(request(SECRET, null)));

        assertEquals(200, f.httpStatus());
        assertNull(f.error());
        assertEquals(TokenHints.NOT_A_TOKEN_ENDPOINT, f.hint());
    }

    @Test
    void aRedirectIsNotFollowed() {
        server.mode(TokenServer.Mode.REDIRECT);
        TokenFailure f = assertThrows(TokenFailure.class, () -> endpoint.fetch(request(SECRET, null)));

        assertEquals(1, server.requests.get());
        assertEquals(302, f.httpStatus());
        assertEquals(TokenHints.NOT_A_TOKEN_ENDPOINT, f.hint());
    }

    @Test
    void serverErrorSaysTryLater() {
        server.mode(TokenServer.Mode.SERVER_ERROR);
        TokenFailure f = assertThrows(TokenFailure.class, () -> endpoint.fetch(request(SECRET, null)));

        assertEquals(503, f.httpStatus());
        assertEquals(TokenHints.PROVIDER_DOWN, f.hint());
        assertEquals(1, server.requests.get(), "no retry by the HTTP client");
    }

    @Test
    void aHangingEndpointEndsAtTheReadTimeout() {
        server.mode(TokenServer.Mode.HANG);
        long start = System.nanoTime();
        TokenFailure f = assertThrows(TokenFailure.class, () -> endpoint.fetch(request(SECRET, null)));
        long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();

        assertTrue(ms >= 600 && ms < 5_000, "took " + ms + " ms");
        assertNull(f.httpStatus());
        assertEquals(TokenHints.TIMEOUT, f.hint());
        assertTrue(f.getMessage().contains("did not answer within the read timeout"), f.getMessage());
    }

    @Test
    void refusedConnectionPointsAtTokenUrlAndFirewall() throws Exception {
        int closedPort = Loopback.freePort();
        TokenRequest r = new TokenRequest(
                URI.create("http://127.0.0.1:" + closedPort + "/token"),
                TokenServer.CLIENT_ID,
                SECRET,
                TokenServer.SCOPE,
                null);
        TokenFailure f = assertThrows(TokenFailure.class, () -> endpoint.fetch(r));

        assertNull(f.httpStatus());
        assertEquals(TokenHints.REFUSED, f.hint());
        assertTrue(f.getMessage().startsWith("Could not connect to 127.0.0.1:" + closedPort), f.getMessage());
    }
}
