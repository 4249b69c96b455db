package com.mailroom.oauth.control;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.interfaces.RSAPrivateKey;

/**
 * A Google service account's JSON key, as the Google Cloud console downloads it. Only what the JWT bearer grant
 * needs is used: {@code client_email} (the assertion's issuer), {@code private_key_id} (its {@code kid}),
 * {@code private_key} (the signing key), {@code token_uri} (where it goes) and {@code client_id} (the number the
 * Workspace admin enters for domain-wide delegation). Never printed: {@link #toString()} shows the public facts.
 */
public record ServiceAccountKey(
        String clientEmail, String clientId, String privateKeyId, URI tokenUri, RSAPrivateKey privateKey, String json) {

    static final int MAX_MEMBER = 2048;

    /** Reads and checks a pasted or uploaded key file. */
    public static ServiceAccountKey parse(String json) throws CredentialProblem {
        JsonObject key;
        try {
            JsonValue value = Json.createReader(new StringReader(json)).readValue();
            if (value.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new CredentialProblem("credential.serviceAccount.notJson");
            }
            key = value.asJsonObject();
        } catch (JsonException e) {
            throw new CredentialProblem("credential.serviceAccount.notJson");
        }
        String type = member(key, "type", false);
        if (!"service_account".equals(type)) {
            // "authorized_user" (a person's credentials from gcloud) and "external_account" are the usual mix-ups
            throw new CredentialProblem(
                    "credential.serviceAccount.type",
                    type == null ? "none" : type.substring(0, Math.min(40, type.length())));
        }
        String clientEmail = member(key, "client_email", true);
        String clientId = member(key, "client_id", false);
        String keyId = member(key, "private_key_id", true);
        URI tokenUri;
        try {
            tokenUri = new URI(member(key, "token_uri", true));
        } catch (URISyntaxException e) {
            throw new CredentialProblem("credential.serviceAccount.member", "token_uri");
        }
        RSAPrivateKey privateKey = Pems.rsaPrivateKey(member(key, "private_key", true));
        return new ServiceAccountKey(clientEmail, clientId, keyId, tokenUri, privateKey, json.strip());
    }

    private static String member(JsonObject key, String name, boolean required) throws CredentialProblem {
        JsonValue value = key.get(name);
        if (value instanceof JsonString s
                && !s.getString().isBlank()
                && s.getString().length() <= MAX_MEMBER * 4) {
            return s.getString().strip();
        }
        if (required || value != null) {
            throw new CredentialProblem("credential.serviceAccount.member", name);
        }
        return null;
    }

    @Override
    public String toString() {
        return "ServiceAccountKey[clientEmail=" + clientEmail + ", clientId=" + clientId + ", privateKeyId="
                + privateKeyId + ", tokenUri=" + tokenUri + ", privateKey=set]";
    }
}
