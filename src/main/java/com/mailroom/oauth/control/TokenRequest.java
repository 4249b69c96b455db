package com.mailroom.oauth.control;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What the client-credentials grant needs: where to ask, who asks, the secret that proves it and what for.
 *
 * @param tokenEndpoint the Token URL, absolute http(s)
 * @param clientId      the client (application) ID
 * @param clientSecret  the client secret; never printed
 * @param scopes        space-separated scopes; null or blank sends none
 * @param method        how the secret is presented; null means {@link ClientAuthentication#FORM_BODY}
 */
public record TokenRequest(
        URI tokenEndpoint, String clientId, String clientSecret, String scopes, ClientAuthentication method) {

    /** The two ways of presenting a client secret that RFC 6749 section 2.3.1 defines. */
    public enum ClientAuthentication {
        /** {@code client_id} and {@code client_secret} in the form: what Microsoft Entra ID documents. */
        FORM_BODY,
        /**
         * HTTP Basic with the form-urlencoded ID and secret; {@code client_id} is then left out of the form, because
         * some servers refuse a request that identifies the client twice.
         */
        BASIC
    }

    public TokenRequest {
        if (tokenEndpoint == null
                || !tokenEndpoint.isAbsolute()
                || tokenEndpoint.getHost() == null
                || !("https".equalsIgnoreCase(tokenEndpoint.getScheme())
                        || "http".equalsIgnoreCase(tokenEndpoint.getScheme()))) {
            throw new IllegalArgumentException("the token endpoint must be an absolute http(s) URL");
        }
        if (clientId == null || clientId.isBlank()) {
            throw new IllegalArgumentException("clientId is required");
        }
        if (clientSecret == null || clientSecret.isEmpty()) {
            throw new IllegalArgumentException("clientSecret is required");
        }
        clientId = clientId.strip();
        scopes = scopes == null || scopes.isBlank() ? null : scopes.strip();
        method = method == null ? ClientAuthentication.FORM_BODY : method;
    }

    /**
     * Identifies the token this request yields. The secret takes part only as a SHA-256 hash: a changed secret is a
     * new key (so a token of the old secret is never served for the new one) and the secret itself is never a key.
     */
    public record CacheKey(
            String tokenEndpoint, String clientId, String scopes, ClientAuthentication method, String secretSha256) {}

    public CacheKey cacheKey() {
        return new CacheKey(tokenEndpoint.toString(), clientId, scopes, method, sha256(clientSecret));
    }

    private static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Without the secret: this string may end up in a log or an exception message. */
    @Override
    public String toString() {
        return "TokenRequest[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", clientSecret=set"
                + ", scopes=" + scopes + ", method=" + method + "]";
    }
}
