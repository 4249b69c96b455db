package com.mailroom.settings.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mailroom.oauth.control.TokenCache;
import com.mailroom.oauth.control.TokenEndpoint;
import com.mailroom.oauth.control.TokenRequest;
import com.mailroom.oauth.control.TokenRetry;
import com.mailroom.sending.control.ProbeResult;
import com.mailroom.sending.control.SmtpProbe;
import com.mailroom.sending.control.SmtpTarget;
import com.mailroom.sending.control.Stage;
import com.mailroom.sending.control.Timeouts;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.sending.entity.TlsMode;
import com.mailroom.testsupport.LogCapture;
import com.mailroom.testsupport.TokenServer;
import com.mailroom.testsupport.XOAuth2SmtpServer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End to end on loopback: a token endpoint (JDK HttpServer) and an SMTP server that accepts only XOAUTH2 with the
 * token issued last, the real {@link TokenEndpoint} through Jersey's REST client, the real {@link SmtpProbe}, and
 * {@link Conversations} with the one token retry ({@link TokenRetry}).
 * Every test also proves that no token or secret is in the result or in any log record at any level.
 */
class ConversationsTest {

    private static final String SECRET = "Zq8~client.secret-Value_42";
    private static final String MAILBOX = "reports@contoso.example";
    private static final String RECIPIENT = "admin@contoso.example";

    private TokenServer tokenServer;
    private XOAuth2SmtpServer smtp;
    private Conversations conversations;
    private LogCapture log;
    private final List<ProbeResult> results = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        tokenServer = new TokenServer(SECRET);
        smtp = new XOAuth2SmtpServer(token -> token.equals(tokenServer.current()));
        TokenEndpoint endpoint = new TokenEndpoint(Duration.ofSeconds(2), Duration.ofSeconds(2));
        conversations = conversations(endpoint);
        log = new LogCapture();
    }

    @AfterEach
    void stop() {
        log.close();
        smtp.close();
        tokenServer.close();
        List<String> credentials = new ArrayList<>(tokenServer.issued);
        credentials.add(SECRET);
        log.assertNoneReveals(credentials);
        results.forEach(r -> assertNoCredentials(r, credentials));
    }

    private TokenRequest request(String secret) {
        return new TokenRequest(tokenServer.uri(), TokenServer.CLIENT_ID, secret, TokenServer.SCOPE, null);
    }

    private static Conversations conversations(TokenEndpoint endpoint) {
        var c = new Conversations();
        c.tokens = new TokenRetry(new TokenCache(endpoint::fetch, Clock.systemUTC()));
        return c;
    }

    /** The test mail, as the admin page sends it, through OAuth. */
    private ProbeResult send(TokenRequest request) {
        ProbeResult result = conversations.send(
                Destination.of(target(null), request), RECIPIENT, "Mailroom Mail Test", "Mailroom mail is working!");
        results.add(result);
        return result;
    }

    private SmtpTarget target(String token) {
        return new SmtpTarget(
                "127.0.0.1",
                smtp.port(),
                TlsMode.NONE,
                null,
                null,
                AuthType.OAUTH,
                null,
                MAILBOX,
                token,
                "Mailroom <" + MAILBOX + ">",
                new Timeouts(2_000, 2_000, 2_000),
                "mailroom.test");
    }

    @Test
    void aTestMailGoesThroughWithOAuth() {
        ProbeResult result = send(request(SECRET));

        assertTrue(result.success(), result::toString);
        assertEquals(Stage.DONE, result.stage());
        assertEquals(1, tokenServer.requests.get());
        assertEquals(List.of(new XOAuth2SmtpServer.Login(MAILBOX, tokenServer.current())), smtp.accepted);
        assertEquals(List.of(new XOAuth2SmtpServer.Delivery(MAILBOX, RECIPIENT)), smtp.deliveries);
        assertTrue(result.transcript().stream().anyMatch(l -> l.startsWith("C: AUTH XOAUTH2")), "AUTH in transcript");
    }

    @Test
    void fiftyMailsWithinATokensLifetimeCauseOneTokenRequest() {
        for (int i = 0; i < 50; i++) {
            assertTrue(send(request(SECRET)).success());
        }
        assertEquals(1, tokenServer.requests.get());
        assertEquals(50, smtp.deliveries.size());
    }

    @Test
    void twentyConcurrentFirstSendsCauseOneTokenRequest() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            CountDownLatch ready = new CountDownLatch(20);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ProbeResult>> sends = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                sends.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return send(request(SECRET));
                }));
            }
            assertTrue(ready.await(5, TimeUnit.SECONDS));
            go.countDown();
            for (Future<ProbeResult> s : sends) {
                assertTrue(s.get(30, TimeUnit.SECONDS).success());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, tokenServer.requests.get());
        assertEquals(20, smtp.deliveries.size());
    }

    @Test
    void aRevokedTokenIsEvictedRefetchedAndTheSendSucceedsOnTheSingleRetry() {
        assertTrue(send(request(SECRET)).success());
        String revoked = tokenServer.current();
        // the server now refuses the cached token (revoked, or expired before expires_in said)
        smtp.acceptTokensWhen(token -> !token.equals(revoked) && token.equals(tokenServer.current()));

        ProbeResult result = send(request(SECRET));

        assertTrue(result.success(), result::toString);
        assertEquals(2, tokenServer.requests.get());
        assertEquals(3, smtp.authAttempts.get(), "first send, the rejected attempt, the retry");
        assertEquals(2, smtp.deliveries.size());
    }

    @Test
    void aTokenThatKeepsBeingRejectedReturnsTheSecond535() {
        smtp.acceptTokensWhen(token -> false);

        ProbeResult result = send(request(SECRET));

        assertFalse(result.success());
        assertEquals(Stage.AUTH, result.stage());
        assertEquals(535, result.smtpCode());
        assertTrue(
                result.message().english().contains("5.7.3 Authentication unsuccessful"),
                result.message().english());
        assertEquals(2, smtp.authAttempts.get(), "exactly one retry");
        assertEquals(2, tokenServer.requests.get());
        assertTrue(smtp.deliveries.isEmpty());
    }

    @Test
    void aTokenGmailRefusesWithAnErrorChallengeIsEvictedRefetchedAndTheSendSucceeds() {
        smtp.refuseLikeGmail();
        assertTrue(send(request(SECRET)).success());
        String revoked = tokenServer.current();
        smtp.acceptTokensWhen(token -> !token.equals(revoked) && token.equals(tokenServer.current()));

        ProbeResult result = send(request(SECRET));

        assertTrue(result.success(), result::toString);
        assertEquals(2, tokenServer.requests.get(), "the refused token was replaced");
        assertEquals(1, smtp.emptyResponses.get(), "the client answered the challenge with an empty response");
        assertEquals(2, smtp.deliveries.size());
    }

    @Test
    void aTokenGmailKeepsRefusingShowsTheDecodedErrorAndTheFinal535() {
        smtp.refuseLikeGmail();
        smtp.acceptTokensWhen(token -> false);

        ProbeResult result = send(request(SECRET));

        assertFalse(result.success());
        assertEquals(Stage.AUTH, result.stage());
        assertEquals(535, result.smtpCode(), "the final reply, not the challenge's 334");
        assertTrue(
                result.message().english().startsWith("535 " + XOAuth2SmtpServer.GMAIL_REFUSAL),
                result.message().english());
        assertTrue(
                result.message().english().contains("status 401, schemes bearer, scope https://mail.google.com/"),
                result.message().english());
        assertTrue(
                result.hint().english().contains("scope https://mail.google.com/"),
                result.hint().english());
        assertTrue(
                result.transcript().contains("S: 334 " + XOAuth2SmtpServer.GMAIL_ERROR + " (decoded)"),
                () -> String.join("\n", result.transcript()));
        assertTrue(result.transcript().contains("C: (empty response)"));
        assertEquals(2, smtp.emptyResponses.get(), "both attempts finished the exchange");
        assertEquals(2, tokenServer.requests.get(), "exactly one retry with a fresh token");
    }

    @Test
    void aWrongClientSecretFailsAtStageTokenWithTheProvidersError() {
        String wrong = "wrong-" + SECRET;
        ProbeResult result = send(request(wrong));

        assertFalse(result.success());
        assertEquals(Stage.TOKEN, result.stage());
        assertNull(result.smtpCode());
        String message = result.message().english();
        assertTrue(message.startsWith("401 invalid_client: AADSTS7000215: Invalid client secret provided."), message);
        assertTrue(
                result.hint().english().contains("client secret is wrong or expired"),
                result.hint().english());
        assertTrue(result.transcript().isEmpty());
        assertEquals(0, smtp.authAttempts.get(), "no SMTP without a token");
        assertFalse(result.message().english().contains(wrong));
    }

    @Test
    void anUnreachableTokenEndpointFailsAtStageToken() {
        tokenServer.mode(TokenServer.Mode.HANG);
        TokenEndpoint impatient = new TokenEndpoint(Duration.ofSeconds(1), Duration.ofMillis(500));
        conversations = conversations(impatient);

        ProbeResult result = send(request(SECRET));

        assertEquals(Stage.TOKEN, result.stage());
        assertTrue(
                result.hint().english().contains("did not answer in time"),
                result.hint().english());
        assertEquals(0, smtp.authAttempts.get());
    }

    /** No token and no secret in message, hint or transcript, plainly or in the XOAUTH2 encoding. */
    private static void assertNoCredentials(ProbeResult result, List<String> credentials) {
        List<String> texts = new ArrayList<>(result.transcript());
        texts.add(String.valueOf(result.message().english()));
        texts.add(String.valueOf(result.hint()));
        texts.add(result.toString());
        for (String credential : credentials) {
            String xoauth2 = Base64.getEncoder()
                    .encodeToString(("user=" + MAILBOX + "\u0001auth=Bearer " + credential + "\u0001\u0001")
                            .getBytes(StandardCharsets.UTF_8));
            for (String text : texts) {
                assertFalse(text.contains(credential) || text.contains(xoauth2), () -> "reveals a credential: " + text);
            }
        }
    }
}
