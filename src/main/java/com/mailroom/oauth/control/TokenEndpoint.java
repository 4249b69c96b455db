package com.mailroom.oauth.control;

import com.mailroom.oauth.control.TokenRequest.ClientAuthentication;
import com.mailroom.oauth.entity.AccessToken;
import com.mailroom.platform.OutboundHosts;
import com.mailroom.platform.Text;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Fetches an access token with the OAuth 2.0 client-credentials grant (RFC 6749 section 4.4) through a MicroProfile
 * REST Client built for the Token URL at run time. Stateless and thread-safe; every call builds and closes its own
 * client, which is cheap next to a token's lifetime and keeps no connection to a URL the admin may change.
 */
public final class TokenEndpoint {

    private static final Logger LOG = Logger.getLogger(TokenEndpoint.class.getName());

    /** When the endpoint does not say how long a token lives: short, so a wrong guess costs little. */
    static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(5);
    /** A token answer is a few kilobytes; a larger body is not one, and is not read into memory whole. */
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private static final int MAX_DESCRIPTION_CHARS = 500;
    /** Without it the REST client turns every 4xx into an exception and the OAuth error body is lost. */
    private static final String DISABLE_DEFAULT_MAPPER = "microprofile.rest.client.disable.default.mapper";

    static final String CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    static final String JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final Duration connectTimeout;
    private final Duration readTimeout;

    public TokenEndpoint(Duration connectTimeout, Duration readTimeout) {
        if (connectTimeout.isZero()
                || connectTimeout.isNegative()
                || readTimeout.isZero()
                || readTimeout.isNegative()) {
            // zero would mean "wait forever" to the HTTP client
            throw new IllegalArgumentException("timeouts must be positive");
        }
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    public AccessToken fetch(TokenRequest request) throws TokenFailure {
        var refusal = OutboundHosts.refusal(request.tokenEndpoint().getHost());
        if (refusal.isPresent()) {
            throw new TokenFailure(null, null, refusal.get(), Text.of("hint.hostNotAllowed"), null);
        }
        TokenApi api = RestClientBuilder.newBuilder()
                .baseUri(request.tokenEndpoint())
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .property(DISABLE_DEFAULT_MAPPER, true)
                // the MicroProfile default, stated because it matters: a token endpoint does not redirect, and
                // following one would carry the secret to wherever it points
                .followRedirects(false)
                .build(TokenApi.class);
        try (Response response = post(api, request)) {
            return answer(response, request);
        } catch (ProcessingException e) {
            throw unreachable(e, request);
        } finally {
            close(api);
        }
    }

    private static Response post(TokenApi api, TokenRequest request) {
        Form form = new Form();
        ClientCredential credential = request.credential();
        if (credential instanceof ClientCredential.ServiceAccount account) {
            // RFC 7523 section 2.1: the assertion is the grant; Google reads the scope from inside it
            return api.token(form.param("grant_type", JWT_BEARER_GRANT)
                    .param(
                            "assertion",
                            Assertions.serviceAccountGrant(
                                    account, request.scopes(), request.tokenEndpoint(), Instant.now())));
        }
        form.param("grant_type", "client_credentials");
        if (request.scopes() != null) {
            form.param("scope", request.scopes());
        }
        if (credential instanceof ClientCredential.Certificate certificate) {
            // RFC 7523 section 2.2 (private_key_jwt) on the client-credentials grant, as Entra ID documents it
            return api.token(form.param("client_id", request.clientId())
                    .param("client_assertion_type", CLIENT_ASSERTION_TYPE)
                    .param(
                            "client_assertion",
                            Assertions.clientAssertion(
                                    certificate, request.clientId(), request.tokenEndpoint(), Instant.now())));
        }
        var secret = (ClientCredential.Secret) credential;
        if (secret.method() == ClientAuthentication.BASIC) {
            return api.token(basic(request.clientId(), secret.value()), form);
        }
        return api.token(form.param("client_id", request.clientId()).param("client_secret", secret.value()));
    }

    /** RFC 6749 section 2.3.1: ID and secret are form-urlencoded before they are joined and base64-encoded. */
    private static String basic(String clientId, String secret) {
        String pair = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static AccessToken answer(Response response, TokenRequest request) throws TokenFailure {
        int status = response.getStatus();
        JsonObject json = json(response, request);
        String error = json == null ? null : text(json, "error");
        if (error != null) {
            String description = scrub(text(json, "error_description"), request);
            LOG.fine(() -> "The token endpoint " + request.tokenEndpoint() + " refused client " + request.clientId()
                    + ": HTTP " + status + " " + error);
            throw new TokenFailure(
                    status,
                    scrub(error, request),
                    Text.verbatim(description),
                    TokenHints.forError(error, description, request.credential().kind()),
                    null);
        }
        String value = json == null ? null : text(json, "access_token");
        if (status / 100 != 2 || value == null || value.isBlank()) {
            // an HTML error page, a proxy's login page, a redirect, an empty body: not an OAuth 2.0 answer
            throw new TokenFailure(
                    status,
                    null,
                    Text.of("failure.token.notAToken", status),
                    status >= 500 ? TokenHints.PROVIDER_DOWN : TokenHints.NOT_A_TOKEN_ENDPOINT,
                    null);
        }
        String type = text(json, "token_type");
        Duration lifetime = lifetime(json.get("expires_in"));
        LOG.fine(() -> "Fetched an access token from " + request.tokenEndpoint() + " for client " + request.clientId()
                + ", valid for " + lifetime.toSeconds() + " s");
        return new AccessToken(
                value,
                type == null || type.isBlank() ? "Bearer" : type,
                Instant.now().plus(lifetime));
    }

    /** The body as a JSON object, or null when it is none (HTML error pages, empty bodies, garbage, too large). */
    private static JsonObject json(Response response, TokenRequest request) throws TokenFailure {
        if (!response.hasEntity()) {
            return null;
        }
        byte[] body;
        try (InputStream in = response.readEntity(InputStream.class)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        } catch (IOException | ProcessingException e) {
            throw unreachable(e, request);
        }
        if (body.length > MAX_BODY_BYTES) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException e) {
            return null;
        }
    }

    private static String text(JsonObject json, String name) {
        JsonValue v = json.get(name);
        return v instanceof JsonString s ? s.getString() : null;
    }

    /** {@code expires_in} in seconds, as a number or (some providers) a numeric string; missing or odd: the default. */
    static Duration lifetime(JsonValue expiresIn) {
        long seconds;
        if (expiresIn instanceof JsonNumber n) {
            seconds = n.longValue();
        } else if (expiresIn instanceof JsonString s && s.getString().strip().matches("\\d{1,10}")) {
            seconds = Long.parseLong(s.getString().strip());
        } else {
            return DEFAULT_LIFETIME;
        }
        // a negative lifetime is nonsense; zero is taken at its word (the cache will not reuse such a token)
        return Duration.ofSeconds(Math.max(0, seconds));
    }

    /** A provider's text, with the secret taken out should it ever be echoed, and cut to a readable length. */
    private static String scrub(String text, TokenRequest request) {
        if (text == null) {
            return null;
        }
        String clean = request.clientSecret() == null
                ? text.strip()
                : text.replace(request.clientSecret(), "<redacted>").strip();
        return clean.length() <= MAX_DESCRIPTION_CHARS ? clean : clean.substring(0, MAX_DESCRIPTION_CHARS) + "…";
    }

    /** No usable answer: the cause tells whether the host is unknown, refused, too slow or failed TLS. */
    private static TokenFailure unreachable(Exception e, TokenRequest request) {
        String where = request.tokenEndpoint().getHost() + portOf(request);
        Text hint;
        Text what;
        if (find(e, SocketTimeoutException.class) != null) {
            boolean connecting = String.valueOf(
                            find(e, SocketTimeoutException.class).getMessage())
                    .toLowerCase(Locale.ROOT)
                    .contains("connect");
            what = Text.of(connecting ? "failure.token.connectTimeout" : "failure.token.readTimeout", where);
            hint = TokenHints.TIMEOUT;
        } else if (find(e, UnknownHostException.class) != null) {
            what = Text.of("failure.unknownHost", request.tokenEndpoint().getHost());
            hint = TokenHints.DNS;
        } else if (find(e, SSLException.class) != null) {
            what = Text.of("failure.tls", where, find(e, SSLException.class).getMessage());
            hint = TokenHints.TLS;
        } else if (find(e, ConnectException.class) != null || find(e, NoRouteToHostException.class) != null) {
            what = Text.of("failure.token.refused", where);
            hint = TokenHints.REFUSED;
        } else {
            what = Text.of("failure.token.other", where, innermost(e).getClass().getSimpleName());
            hint = TokenHints.REFUSED;
        }
        LOG.fine(() -> "Token request for client " + request.clientId() + " failed: " + what.english());
        return new TokenFailure(null, null, what, hint, e);
    }

    private static String portOf(TokenRequest request) {
        return request.tokenEndpoint().getPort() < 0
                ? ""
                : ":" + request.tokenEndpoint().getPort();
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static Throwable innermost(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private static void close(TokenApi api) {
        // MicroProfile REST Client proxies are AutoCloseable (spec 2.0 and later); closing frees the JAX-RS client
        if (api instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // the token is had or the failure decided; a failing close changes neither
            }
        }
    }
}
