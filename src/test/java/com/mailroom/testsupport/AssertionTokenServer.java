package com.mailroom.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.stream.Collectors;

/**
 * Token endpoints on 127.0.0.1 that verify RFC 7523 assertions the way the providers do, so that a test can only
 * pass with assertions Entra ID and Google would accept.
 *
 * <ul>
 *   <li>{@link #entraUri()}: Entra ID's client-credentials grant with a certificate credential ({@code
 *       client_assertion}): the certificate is found by {@code x5t#S256} among the {@link #register(X509Certificate)
 *       registered} ones ({@code x5t}, if sent, must name the same one), the RS256/PS256 signature is checked with
 *       its key, {@code iss} = {@code sub} = {@code client_id} = the app's id, {@code aud} = the exact token URL,
 *       {@code exp} ahead and at most 10 minutes after {@code nbf} (or {@code iat}), {@code nbf} not ahead (60 s
 *       skew), {@code jti} never used before. A client secret is refused: the app has certificates only.
 *   <li>{@link #googleUri()}: Google's JWT bearer grant for a {@link #register(GoogleKeyFile) registered} service
 *       account: RS256 by the key {@code kid} names, {@code iss} = the account's e-mail, {@code aud} = the exact token
 *       URL, {@code iat}/{@code exp} at most an hour apart, {@code scope} given, and for {@code sub} a known user
 *       whom the test {@link #delegate(String) delegated} with {@code https://mail.google.com/} requested.
 * </ul>
 *
 * Refusals carry the providers' error codes and texts ({@code AADSTS700027}, {@code AADSTS700024}, Google's {@code
 * invalid_grant} / {@code unauthorized_client}). Where the providers' exact text for a case is unknown, the
 * description names the failed check. Issued tokens are random and remembered with whom they were issued for, so an
 * {@link XOAuth2SmtpServer} built with {@code new XOAuth2SmtpServer(server::isValid)} accepts only them — Entra's for
 * any mailbox, Google's only for the mailbox in {@code sub}.
 */
public final class AssertionTokenServer implements AutoCloseable {

    public static final String CLIENT_ID = TokenServer.CLIENT_ID;
    public static final String ENTRA_PATH = TokenServer.PATH;
    public static final String ENTRA_SCOPE = TokenServer.SCOPE;
    public static final String GOOGLE_PATH = "/token";
    public static final String GMAIL_SCOPE = "https://mail.google.com/";
    public static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    public static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    public static final Duration SKEW = Duration.ofSeconds(60);
    public static final Duration ENTRA_MAX_LIFETIME = Duration.ofMinutes(10);
    public static final Duration GOOGLE_MAX_LIFETIME = Duration.ofHours(1);

    public static final String GOOGLE_BAD_SIGNATURE = "Invalid JWT Signature.";
    public static final String GOOGLE_BAD_TIME = "Invalid JWT: Token must be a short-lived token (60 minutes) and in a"
            + " reasonable timeframe. Check your iat and exp values in the JWT claim.";
    public static final String GOOGLE_UNAUTHORIZED = "Client is unauthorized to retrieve access tokens using this"
            + " method, or client not authorized for any of the scopes requested.";
    public static final String GOOGLE_UNKNOWN_USER = "Invalid email or User ID";

    public enum Provider {
        ENTRA,
        GOOGLE
    }

    /**
     * One request and its answer. {@code header} and {@code claims} are the assertion's, decoded (numbers as Long,
     * {@code aud} as sent), or null when there was none or it was not a JWT; {@code error} is null on success.
     */
    public record Received(
            Provider provider,
            Map<String, String> form,
            String authorization,
            Map<String, Object> header,
            Map<String, Object> claims,
            int status,
            String error,
            String description) {

        public boolean accepted() {
            return status == 200;
        }
    }

    /**
     * A token this server handed out: for Entra {@code client} and {@code subject} are the app's id; for Google
     * {@code client} is the service account and {@code subject} the delegated mailbox (or the account itself without
     * {@code sub}).
     */
    public record Issued(String token, Provider provider, String client, String subject, String scope, Instant at) {}

    public final AtomicInteger requests = new AtomicInteger();
    public final List<Received> received = new CopyOnWriteArrayList<>();
    public final List<Issued> issued = new CopyOnWriteArrayList<>();

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter ENTRA_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private final String clientId;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    /** Registered certificates by their x5t#S256. */
    private final Map<String, X509Certificate> certificates = new ConcurrentHashMap<>();
    /** Registered service account keys: client e-mail → key id → public key. */
    private final Map<String, Map<String, PublicKey>> accounts = new ConcurrentHashMap<>();

    private final Set<String> users = ConcurrentHashMap.newKeySet();
    private final Set<String> delegated = ConcurrentHashMap.newKeySet();
    private final Set<String> usedJtis = ConcurrentHashMap.newKeySet();
    private final Set<String> revoked = ConcurrentHashMap.newKeySet();
    private volatile boolean hanging;

    /** An Entra app with id {@link #CLIENT_ID}. */
    public AssertionTokenServer() throws IOException {
        this(CLIENT_ID);
    }

    public AssertionTokenServer(String entraClientId) throws IOException {
        this.clientId = entraClientId;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(ENTRA_PATH, exchange -> handle(exchange, Provider.ENTRA));
        server.createContext(GOOGLE_PATH, exchange -> handle(exchange, Provider.GOOGLE));
        // one hanging answer must not block the others
        server.setExecutor(handlers);
        server.start();
    }

    public URI entraUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + ENTRA_PATH);
    }

    public URI googleUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + GOOGLE_PATH);
    }

    public String entraClientId() {
        return clientId;
    }

    /** Uploads a certificate to the Entra app ("Certificates & secrets"). */
    public void register(X509Certificate certificate) {
        certificates.put(thumbprint("SHA-256", certificate), certificate);
    }

    public void unregister(X509Certificate certificate) {
        certificates.remove(thumbprint("SHA-256", certificate));
    }

    /** Makes the key known (the service account exists and has this key); other keys of the account stay. */
    public void register(GoogleKeyFile key) {
        accounts.computeIfAbsent(key.clientEmail(), e -> new ConcurrentHashMap<>())
                .put(key.privateKeyId(), key.keys().publicKey());
    }

    /** Deletes the key from its account (the account stays: its assertions now fail on the signature). */
    public void unregister(GoogleKeyFile key) {
        accounts.getOrDefault(key.clientEmail(), Map.of()).remove(key.privateKeyId());
    }

    /** A Workspace user who exists, and domain-wide delegation lets the service accounts act as them. */
    public void delegate(String mailbox) {
        users.add(normal(mailbox));
        delegated.add(normal(mailbox));
    }

    /** The user still exists, but the delegation no longer covers them ({@code unauthorized_client}). */
    public void undelegate(String mailbox) {
        delegated.remove(normal(mailbox));
    }

    /** A Workspace user who exists but was not delegated. */
    public void addUser(String mailbox) {
        users.add(normal(mailbox));
    }

    /** The user no longer exists ({@code invalid_grant: Invalid email or User ID}). */
    public void removeUser(String mailbox) {
        users.remove(normal(mailbox));
        delegated.remove(normal(mailbox));
    }

    /** From now on requests get no answer until the server is closed. */
    public void hang() {
        hanging = true;
    }

    /** The token issued last, or null before the first. */
    public String current() {
        return issued.isEmpty() ? null : issued.get(issued.size() - 1).token();
    }

    /** The last Google token issued for this mailbox (the assertion's {@code sub}), or null. */
    public String tokenFor(String mailbox) {
        for (int i = issued.size() - 1; i >= 0; i--) {
            Issued t = issued.get(i);
            if (t.provider() == Provider.GOOGLE && t.subject().equalsIgnoreCase(mailbox)) {
                return t.token();
            }
        }
        return null;
    }

    /**
     * Whether a mail server should accept this token from this SMTP user: issued here and not revoked; an Entra token
     * for any mailbox, a Google token only for the mailbox it was issued for.
     */
    public boolean isValid(String token, String user) {
        if (token == null || revoked.contains(token)) {
            return false;
        }
        return issued.stream()
                .filter(t -> t.token().equals(token))
                .anyMatch(t -> t.provider() == Provider.ENTRA || t.subject().equalsIgnoreCase(user));
    }

    /** {@link #isValid} as the predicate {@link XOAuth2SmtpServer} takes. */
    public BiPredicate<String, String> validLogins() {
        return (user, token) -> isValid(token, user);
    }

    /** Makes a token invalid from now on (as when a mailbox server drops a cached token). */
    public void revoke(String token) {
        revoked.add(token);
    }

    public void revokeAll() {
        issued.forEach(t -> revoked.add(t.token()));
    }

    /** The last request received, or null. */
    public Received last() {
        return received.isEmpty() ? null : received.get(received.size() - 1);
    }

    /** The requests that got a token. */
    public List<Received> acceptedRequests() {
        return received.stream().filter(Received::accepted).collect(Collectors.toList());
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }

    // ---- the exchange

    private void handle(HttpExchange exchange, Provider provider) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            if (hanging) {
                try {
                    closing.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Request request = new Request(form, authorization);
            Answer answer;
            if (!exchange.getRequestMethod().equals("POST")) {
                answer = provider == Provider.ENTRA
                        ? entraError(new Refusal(
                                405,
                                "invalid_request",
                                "AADSTS900561: The endpoint only accepts POST requests. Received a "
                                        + exchange.getRequestMethod() + " request."))
                        : googleError(new Refusal(405, "invalid_request", "Only POST is supported."));
            } else if (provider == Provider.ENTRA) {
                answer = entra(request, contentType);
            } else {
                answer = google(request);
            }
            received.add(new Received(
                    provider,
                    Collections.unmodifiableMap(form),
                    authorization,
                    request.header,
                    request.claims,
                    answer.status(),
                    answer.error(),
                    answer.description()));
            byte[] bytes = answer.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store, no-cache");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The form, and the assertion once decoded (for {@link Received}). */
    private static final class Request {
        final Map<String, String> form;
        final String authorization;
        Map<String, Object> header;
        Map<String, Object> claims;

        Request(Map<String, String> form, String authorization) {
            this.form = form;
            this.authorization = authorization;
        }

        /** Decodes the JWT (unverified) and remembers header and claims. */
        SignedJWT decode(String jwt) throws ParseException {
            SignedJWT parsed = SignedJWT.parse(jwt);
            header = parsed.getHeader().toJSONObject();
            claims = parsed.getPayload().toJSONObject();
            if (claims == null) {
                throw new ParseException("the payload is not a JSON object", 0);
            }
            parsed.getJWTClaimsSet();
            return parsed;
        }
    }

    private record Answer(int status, String error, String description, String json) {}

    /** A refusal, thrown from a check and answered in the provider's shape. */
    private static final class Refusal extends Exception {
        final int status;
        final String error;
        final String description;

        Refusal(int status, String error, String description) {
            super(description, null, false, false);
            this.status = status;
            this.error = error;
            this.description = description;
        }
    }

    // ---- Entra ID

    private Answer entra(Request request, String contentType) {
        try {
            Issued token = entraToken(request, contentType);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("token_type", "Bearer");
            json.put("expires_in", 3599);
            json.put("ext_expires_in", 3599);
            json.put("access_token", token.token());
            return new Answer(200, null, null, Json.write(json));
        } catch (Refusal r) {
            return entraError(r);
        }
    }

    private Issued entraToken(Request request, String contentType) throws Refusal {
        Map<String, String> form = request.form;
        if (contentType == null
                || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw new Refusal(
                    400,
                    "invalid_request",
                    "AADSTS900144: The request body must contain the following"
                            + " parameter: 'grant_type'. (Content-Type is not application/x-www-form-urlencoded.)");
        }
        if (form.containsKey("client_secret")
                || (request.authorization != null && request.authorization.regionMatches(true, 0, "Basic ", 0, 6))) {
            throw new Refusal(
                    401,
                    "invalid_client",
                    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request"
                            + " is the client secret value, not the client secret ID, for a secret added to app '"
                            + clientId + "'. (This app has certificate credentials only.)");
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            throw new Refusal(
                    400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        }
        String id = form.get("client_id");
        if (id == null || id.isEmpty()) {
            throw new Refusal(
                    400,
                    "invalid_request",
                    "AADSTS900144: The request body must contain the following" + " parameter: 'client_id'.");
        }
        if (!clientId.equals(id)) {
            throw new Refusal(
                    400,
                    "unauthorized_client",
                    "AADSTS700016: Application with identifier '" + id + "' was not found in the directory 'Contoso'.");
        }
        String assertion = form.get("client_assertion");
        if (assertion == null || assertion.isEmpty()) {
            throw new Refusal(
                    401,
                    "invalid_client",
                    "AADSTS7000218: The request body must contain the following"
                            + " parameter: 'client_assertion' or 'client_secret'.");
        }
        if (!CLIENT_ASSERTION_TYPE.equals(form.get("client_assertion_type"))) {
            throw new Refusal(
                    400,
                    "invalid_request",
                    "AADSTS50027: JWT token is invalid or malformed." + " (client_assertion_type must be '"
                            + CLIENT_ASSERTION_TYPE + "'.)");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = request.decode(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw malformed("the assertion is not a signed JWT: " + e.getMessage());
        }
        JWSHeader header = jwt.getHeader();
        JWSAlgorithm alg = header.getAlgorithm();
        if (!JWSAlgorithm.RS256.equals(alg) && !JWSAlgorithm.PS256.equals(alg)) {
            throw new Refusal(
                    401,
                    "invalid_client",
                    "AADSTS5002738: Invalid JWT token. '" + alg + "' is not a supported signature algorithm."
                            + " Supported signing algorithms are: 'RS256, PS256'.");
        }
        Object x5tS256 = request.header.get("x5t#S256");
        Object x5t = request.header.get("x5t");
        String named = hex(x5tS256 instanceof String s ? s : x5t instanceof String s ? s : null);
        X509Certificate certificate = x5tS256 instanceof String s ? certificates.get(s) : null;
        if (certificate == null) {
            throw keyRefused("The key was not found.", named, x5tS256 == null ? "no x5t#S256 header" : null);
        }
        if (x5t != null && !thumbprint("SHA-1", certificate).equals(x5t)) {
            throw keyRefused(
                    "The key was not found.", hex(String.valueOf(x5t)), "x5t names another certificate than x5t#S256");
        }
        Instant now = Instant.now();
        if (certificate.getNotAfter().toInstant().isBefore(now)
                || certificate.getNotBefore().toInstant().isAfter(now)) {
            throw keyRefused(
                    "The key used is expired.",
                    named,
                    "Found key 'Start="
                            + ENTRA_TIME.format(certificate.getNotBefore().toInstant()) + ", End="
                            + ENTRA_TIME.format(certificate.getNotAfter().toInstant()) + "'");
        }
        if (!verifies(jwt, certificate.getPublicKey())) {
            throw keyRefused("The provided signature value did not match the expected signature value.", named, null);
        }
        if (claims.getAudience() == null
                || claims.getAudience().size() != 1
                || !entraUri().toString().equals(claims.getAudience().get(0))) {
            throw malformed("aud " + claims.getAudience() + " is not the token endpoint '" + entraUri() + "'");
        }
        if (!clientId.equals(claims.getIssuer())) {
            throw malformed("iss '" + claims.getIssuer() + "' is not the client_id '" + clientId + "'");
        }
        if (!clientId.equals(claims.getSubject())) {
            throw malformed("sub '" + claims.getSubject() + "' is not the client_id '" + clientId + "'");
        }
        Date exp = claims.getExpirationTime();
        Date start = claims.getNotBeforeTime() != null ? claims.getNotBeforeTime() : claims.getIssueTime();
        if (exp == null || start == null) {
            throw malformed("exp and nbf (or iat) are required");
        }
        String valid = "Current time: " + ENTRA_TIME.format(now) + ", assertion valid from "
                + ENTRA_TIME.format(start.toInstant()) + ", expiry time of assertion "
                + ENTRA_TIME.format(exp.toInstant()) + ".";
        if (!exp.toInstant().isAfter(now)) {
            throw outOfTime(valid, "expired");
        }
        if (claims.getNotBeforeTime() != null
                && claims.getNotBeforeTime().toInstant().isAfter(now.plus(SKEW))) {
            throw outOfTime(valid, "nbf is ahead");
        }
        if (claims.getIssueTime() != null && claims.getIssueTime().toInstant().isAfter(now.plus(SKEW))) {
            throw outOfTime(valid, "iat is ahead");
        }
        if (Duration.between(start.toInstant(), exp.toInstant()).compareTo(ENTRA_MAX_LIFETIME) > 0) {
            throw outOfTime(valid, "lifetime over " + ENTRA_MAX_LIFETIME.toMinutes() + " minutes");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isEmpty()) {
            throw malformed("jti is required");
        }
        String scope = form.get("scope");
        if (scope == null || scope.isEmpty()) {
            throw new Refusal(
                    400,
                    "invalid_request",
                    "AADSTS900144: The request body must contain the following" + " parameter: 'scope'.");
        }
        if (!scope.endsWith("/.default") || scope.contains(" ")) {
            throw new Refusal(
                    400,
                    "invalid_scope",
                    "AADSTS1002012: The provided value for scope " + scope + " is not valid. Client credential"
                            + " flows must have a scope value with /.default suffixed to the resource identifier"
                            + " (application ID URI).");
        }
        if (!usedJtis.add(jti)) {
            throw malformed("jti '" + jti + "' was used before");
        }
        Issued token = new Issued(
                "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9." + random(48) + "." + random(64),
                Provider.ENTRA,
                clientId,
                clientId,
                scope,
                now);
        issued.add(token);
        return token;
    }

    private Refusal keyRefused(String reason, String thumbprint, String note) {
        return new Refusal(
                401,
                "invalid_client",
                "AADSTS700027: Client assertion failed signature validation."
                        + " [Reason - " + reason + ", Thumbprint of key used by client: '" + thumbprint + "'"
                        + (note == null ? "" : ", " + note)
                        + ", Please visit the Azure Portal, Graph Explorer or directly use"
                        + " MS Graph to see configured keys for app Id '" + clientId + "'.]");
    }

    private static Refusal outOfTime(String valid, String note) {
        return new Refusal(
                401,
                "invalid_client",
                "AADSTS700024: Client assertion is not within its valid time range. " + valid + " (" + note + ")");
    }

    private static Refusal malformed(String which) {
        return new Refusal(400, "invalid_request", "AADSTS50027: JWT token is invalid or malformed. (" + which + ")");
    }

    private static Answer entraError(Refusal r) {
        String code = r.description.substring(6, r.description.indexOf(':'));
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String at = ENTRA_TIME.format(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", r.error);
        json.put(
                "error_description",
                r.description + " Trace ID: " + trace + " Correlation ID: " + correlation + " Timestamp: " + at);
        json.put("error_codes", List.of(Long.parseLong(code)));
        json.put("timestamp", at);
        json.put("trace_id", trace);
        json.put("correlation_id", correlation);
        json.put("error_uri", "https://login.microsoftonline.com/error?code=" + code);
        return new Answer(r.status, r.error, r.description, Json.write(json));
    }

    // ---- Google

    private Answer google(Request request) {
        try {
            Issued token = googleToken(request);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("access_token", token.token());
            json.put("expires_in", 3599);
            json.put("token_type", "Bearer");
            return new Answer(200, null, null, Json.write(json));
        } catch (Refusal r) {
            return googleError(r);
        }
    }

    private Issued googleToken(Request request) throws Refusal {
        Map<String, String> form = request.form;
        String grant = form.get("grant_type");
        if (grant == null) {
            throw new Refusal(400, "invalid_request", "Missing required parameter: grant_type");
        }
        if (!JWT_BEARER_GRANT.equals(grant)) {
            throw new Refusal(400, "unsupported_grant_type", "Invalid grant_type: " + grant);
        }
        String assertion = form.get("assertion");
        if (assertion == null || assertion.isEmpty()) {
            throw new Refusal(400, "invalid_request", "Missing required parameter: assertion");
        }
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = request.decode(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw new Refusal(400, "invalid_grant", "Invalid JWT: the assertion is not a signed JWT.");
        }
        if (!JWSAlgorithm.RS256.equals(jwt.getHeader().getAlgorithm())) {
            throw new Refusal(400, "invalid_grant", GOOGLE_BAD_SIGNATURE);
        }
        String account = claims.getIssuer();
        Map<String, PublicKey> keys = account == null ? null : accounts.get(account);
        if (keys == null) {
            throw new Refusal(400, "invalid_grant", "Invalid grant: account not found");
        }
        String kid = jwt.getHeader().getKeyID();
        PublicKey key = kid == null ? null : keys.get(kid);
        if (key == null || !verifies(jwt, key)) {
            throw new Refusal(400, "invalid_grant", GOOGLE_BAD_SIGNATURE);
        }
        if (claims.getAudience() == null
                || claims.getAudience().size() != 1
                || !googleUri().toString().equals(claims.getAudience().get(0))) {
            throw new Refusal(
                    400, "invalid_grant", "Invalid JWT: Failed audience check. The right audience is " + googleUri());
        }
        Instant now = Instant.now();
        Date iat = claims.getIssueTime();
        Date exp = claims.getExpirationTime();
        if (iat == null
                || exp == null
                || !exp.toInstant().isAfter(now)
                || iat.toInstant().isAfter(now.plus(SKEW))
                || Duration.between(iat.toInstant(), exp.toInstant()).compareTo(GOOGLE_MAX_LIFETIME) > 0) {
            throw new Refusal(400, "invalid_grant", GOOGLE_BAD_TIME);
        }
        Object scopeClaim = claims.getClaim("scope");
        String scope = scopeClaim instanceof String s ? s.trim() : "";
        if (scope.isEmpty()) {
            throw new Refusal(400, "invalid_scope", "Empty or missing scope not allowed.");
        }
        String sub = claims.getSubject();
        String subject = account;
        if (sub != null) {
            if (!users.contains(normal(sub))) {
                throw new Refusal(400, "invalid_grant", GOOGLE_UNKNOWN_USER);
            }
            if (!delegated.contains(normal(sub)) || !List.of(scope.split(" +")).contains(GMAIL_SCOPE)) {
                throw new Refusal(400, "unauthorized_client", GOOGLE_UNAUTHORIZED);
            }
            subject = sub;
        }
        Issued token = new Issued("ya29." + random(120), Provider.GOOGLE, account, subject, scope, now);
        issued.add(token);
        return token;
    }

    private static Answer googleError(Refusal r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("error", r.error);
        json.put("error_description", r.description);
        return new Answer(r.status, r.error, r.description, Json.write(json));
    }

    // ---- helpers

    private static boolean verifies(SignedJWT jwt, PublicKey key) {
        if (!(key instanceof RSAPublicKey rsa)) {
            return false;
        }
        try {
            return jwt.verify(new RSASSAVerifier(rsa));
        } catch (JOSEException e) {
            return false;
        }
    }

    static String thumbprint(String algorithm, X509Certificate certificate) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(MessageDigest.getInstance(algorithm).digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A thumbprint header's value in upper-case hex, as Entra quotes it. */
    private static String hex(String base64url) {
        if (base64url == null) {
            return "";
        }
        try {
            return HexFormat.of()
                    .withUpperCase()
                    .formatHex(Base64.getUrlDecoder().decode(base64url));
        } catch (IllegalArgumentException e) {
            return base64url;
        }
    }

    private static String normal(String mailbox) {
        return mailbox.toLowerCase(Locale.ROOT);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                form.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /** A few lines of JSON writing, so the answers read exactly as written (no HTML escaping of quotes). */
    static final class Json {

        private Json() {}

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            if (value instanceof Map<?, ?> map) {
                List<String> members = new ArrayList<>();
                map.forEach((k, v) -> members.add(write(k) + ":" + write(v)));
                return "{" + String.join(",", members) + "}";
            }
            if (value instanceof List<?> list) {
                return list.stream().map(Json::write).collect(Collectors.joining(",", "[", "]"));
            }
            StringBuilder s = new StringBuilder("\"");
            for (char c : value.toString().toCharArray()) {
                switch (c) {
                    case '"' -> s.append("\\\"");
                    case '\\' -> s.append("\\\\");
                    case '\n' -> s.append("\\n");
                    case '\r' -> s.append("\\r");
                    case '\t' -> s.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            s.append(String.format("\\u%04x", (int) c));
                        } else {
                            s.append(c);
                        }
                    }
                }
            }
            return s.append('"').toString();
        }
    }
}
