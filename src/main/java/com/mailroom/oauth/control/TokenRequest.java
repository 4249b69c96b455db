package com.mailroom.oauth.control;

import java.net.URI;

/**
 * What a token request needs: where to ask, who asks, what proves it and what for.
 *
 * @param tokenEndpoint the Token URL, absolute http(s)
 * @param clientId      the client (application) ID; for a Google service account its e-mail address
 * @param scopes        space-separated scopes; null or blank sends none
 * @param credential    the secret, certificate or service account key; never printed
 */
public record TokenRequest(URI tokenEndpoint, String clientId, String scopes, ClientCredential credential) {

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

    /** The client-credentials grant with a client secret. */
    public TokenRequest(
            URI tokenEndpoint, String clientId, String clientSecret, String scopes, ClientAuthentication method) {
        this(tokenEndpoint, clientId, scopes, new ClientCredential.Secret(clientSecret, method));
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
        if (credential == null) {
            throw new IllegalArgumentException("a client credential is required");
        }
        clientId = clientId.strip();
        scopes = scopes == null || scopes.isBlank() ? null : scopes.strip();
    }

    /** The client secret, or null when the client proves itself otherwise. */
    public String clientSecret() {
        return credential instanceof ClientCredential.Secret secret ? secret.value() : null;
    }

    /**
     * Identifies the token this request yields. Key material takes part only as a SHA-256 hash: a changed secret or
     * key is a new key (so a token of the old one is never served for it) and the material itself is never a key.
     */
    public record CacheKey(String tokenEndpoint, String clientId, String scopes, String credential) {}

    public CacheKey cacheKey() {
        return new CacheKey(tokenEndpoint.toString(), clientId, scopes, credential.identity());
    }

    /** Without key material: this string may end up in a log or an exception message. */
    @Override
    public String toString() {
        return "TokenRequest[tokenEndpoint=" + tokenEndpoint + ", clientId=" + clientId + ", scopes=" + scopes
                + ", credential=" + credential + "]";
    }
}
