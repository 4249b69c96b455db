package com.mailroom.testsupport;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.AuthenticationHandlerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.server.SMTPServer;

/**
 * SubEthaSMTP on loopback offering only {@code AUTH XOAUTH2} and requiring it, like Exchange Online for an app: the
 * token is accepted when the test's predicate says so (e.g. "the token the token server issued last"), or — built
 * with a (user, token) predicate such as {@code assertionServer.validLogins()} — only for the mailbox it was issued
 * for, as Gmail does with a service account's delegated token. A refused
 * token gets 535 at once, as Microsoft 365 answers, or — after {@link #refuseLikeGmail()} — Gmail's error challenge
 * {@code 334 <base64 JSON>}, then, after the client's empty response, 535.
 */
public final class XOAuth2SmtpServer implements AutoCloseable {

    public record Login(String user, String token) {}

    public record Delivery(String envelopeFrom, String envelopeTo) {}

    public static final String GMAIL_ERROR =
            "{\"status\":\"401\",\"schemes\":\"bearer\",\"scope\":\"https://mail.google.com/\"}";
    public static final String GMAIL_REFUSAL = "5.7.8 Username and Password not accepted. Learn more at"
            + " https://support.google.com/mail/?p=BadCredentials";

    public final AtomicInteger authAttempts = new AtomicInteger();
    /** How often a client answered the error challenge with the empty response it asks for. */
    public final AtomicInteger emptyResponses = new AtomicInteger();

    public final List<Login> accepted = new CopyOnWriteArrayList<>();
    public final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final SMTPServer server;
    /** (user, token) → accepted. */
    private volatile BiPredicate<String, String> loginIsValid;

    private volatile boolean gmailStyle;

    public XOAuth2SmtpServer(Predicate<String> tokenIsValid) {
        this((user, token) -> tokenIsValid.test(token));
    }

    /** Accepts a login when the predicate holds for the XOAUTH2 {@code user} and its token. */
    public XOAuth2SmtpServer(BiPredicate<String, String> loginIsValid) {
        this.loginIsValid = loginIsValid;
        server = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("outlook.test")
                .authenticationHandlerFactory(new XOAuth2())
                .requireAuth()
                .messageHandler((context, from, to, data) -> deliveries.add(new Delivery(from, to)))
                .build();
        server.start();
    }

    public int port() {
        return server.getPortAllocated();
    }

    public void acceptTokensWhen(Predicate<String> rule) {
        loginIsValid = (user, token) -> rule.test(token);
    }

    /** Accepts a login when the rule holds for the XOAUTH2 {@code user} and its token. */
    public void acceptLoginsWhen(BiPredicate<String, String> rule) {
        loginIsValid = rule;
    }

    public void refuseLikeGmail() {
        gmailStyle = true;
    }

    @Override
    public void close() {
        server.stop();
    }

    /** SASL XOAUTH2: one base64 message {@code user=<mailbox>^Aauth=Bearer <token>^A^A}, in the AUTH line or after
     * 334. */
    private final class XOAuth2 implements AuthenticationHandlerFactory {

        @Override
        public List<String> getAuthenticationMechanisms() {
            return List.of("XOAUTH2");
        }

        @Override
        public AuthenticationHandler create() {
            return new AuthenticationHandler() {
                private Login login;
                private boolean challenged;

                @Override
                public Optional<String> auth(String clientInput, MessageContext context) throws RejectException {
                    if (challenged) {
                        if (!clientInput.isEmpty()) {
                            throw new RejectException(501, "5.5.2 Expected an empty response to the challenge");
                        }
                        emptyResponses.incrementAndGet();
                        throw new RejectException(535, GMAIL_REFUSAL);
                    }
                    String[] words = clientInput.trim().split(" ");
                    if (words[0].equalsIgnoreCase("AUTH") && words.length == 2) {
                        return Optional.of("334 ");
                    }
                    String encoded = words[words.length - 1];
                    authAttempts.incrementAndGet();
                    Login presented = parse(encoded);
                    if (presented == null || !loginIsValid.test(presented.user(), presented.token())) {
                        if (gmailStyle) {
                            challenged = true;
                            return Optional.of("334 "
                                    + Base64.getEncoder().encodeToString(GMAIL_ERROR.getBytes(StandardCharsets.UTF_8)));
                        }
                        throw new RejectException(535, "5.7.3 Authentication unsuccessful");
                    }
                    login = presented;
                    accepted.add(presented);
                    return Optional.empty();
                }

                @Override
                public Object getIdentity() {
                    return login == null ? null : login.user();
                }
            };
        }

        private Login parse(String encoded) throws RejectException {
            String decoded;
            try {
                decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw new RejectException(501, "5.5.2 Cannot decode the response");
            }
            String user = null;
            String token = null;
            for (String part : decoded.split("\u0001")) {
                if (part.startsWith("user=")) {
                    user = part.substring(5);
                } else if (part.startsWith("auth=Bearer ")) {
                    token = part.substring(12);
                }
            }
            return user == null || token == null ? null : new Login(user, token);
        }
    }
}
