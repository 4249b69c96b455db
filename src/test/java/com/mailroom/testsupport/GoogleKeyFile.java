package com.mailroom.testsupport;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Google service account's JSON key, made at test time and shaped exactly like the file the Cloud console downloads
 * (member order, two-space indentation, the PEM's line breaks as {@code \n}); only {@code token_uri} points at the
 * test's token server. The wrong variants an admin may paste instead are here too.
 */
public record GoogleKeyFile(
        String projectId, String privateKeyId, String clientEmail, String clientId, TestKeys keys, URI tokenUri) {

    public static final String DEFAULT_PROJECT = "mailroom-test";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new service account "mailroom" in project {@link #DEFAULT_PROJECT}, with a fresh RSA key. */
    public static GoogleKeyFile create(URI tokenUri) {
        return create(DEFAULT_PROJECT, tokenUri);
    }

    public static GoogleKeyFile create(String projectId, URI tokenUri) {
        return new GoogleKeyFile(
                projectId,
                hex(20),
                "mailroom@" + projectId + ".iam.gserviceaccount.com",
                digits(21),
                TestKeys.rsa(),
                tokenUri);
    }

    /** A second key of the same account (new key, new id), as "Add key" in the console makes it. */
    public GoogleKeyFile rotated() {
        return new GoogleKeyFile(projectId, hex(20), clientEmail, clientId, TestKeys.rsa(), tokenUri);
    }

    /** The same account and key id, but another key pair: what a forged or corrupted key looks like. */
    public GoogleKeyFile withOtherKeyPair() {
        return new GoogleKeyFile(projectId, privateKeyId, clientEmail, clientId, TestKeys.rsa(), tokenUri);
    }

    /** The JSON key file as downloaded. */
    public String json() {
        return toJson(members());
    }

    /** The JSON key with another {@code type} (e.g. "external_account"). */
    public String jsonOfType(String type) {
        Map<String, String> members = members();
        members.put("type", type);
        return toJson(members);
    }

    /** The JSON key without one member (e.g. "private_key", "client_email"). */
    public String jsonWithout(String member) {
        Map<String, String> members = members();
        members.remove(member);
        return toJson(members);
    }

    /** The JSON key with one member's value replaced. */
    public String jsonWith(String member, String value) {
        Map<String, String> members = members();
        members.put(member, value);
        return toJson(members);
    }

    /**
     * A user's credentials as {@code gcloud auth application-default login} writes them: valid JSON, wrong type
     * ({@code authorized_user}), no private key.
     */
    public static String authorizedUserJson() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("account", "");
        members.put("client_id", digits(12) + "-" + hex(16) + ".apps.googleusercontent.com");
        members.put("client_secret", "GOCSPX-" + hex(14));
        members.put("quota_project_id", DEFAULT_PROJECT);
        members.put("refresh_token", "1//0e" + hex(40));
        members.put("type", "authorized_user");
        members.put("universe_domain", "googleapis.com");
        return toJson(members);
    }

    /** Not JSON at all (a truncated paste). */
    public static String garbage() {
        return "{\n  \"type\": \"service_account\",\n  \"project_id\": \"mailroom-te";
    }

    private Map<String, String> members() {
        Map<String, String> members = new LinkedHashMap<>();
        members.put("type", "service_account");
        members.put("project_id", projectId);
        members.put("private_key_id", privateKeyId);
        members.put("private_key", keys.privateKeyPem());
        members.put("client_email", clientEmail);
        members.put("client_id", clientId);
        members.put("auth_uri", "https://accounts.google.com/o/oauth2/auth");
        members.put("token_uri", tokenUri.toString());
        members.put("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs");
        members.put(
                "client_x509_cert_url",
                "https://www.googleapis.com/robot/v1/metadata/x509/"
                        + URLEncoder.encode(clientEmail, StandardCharsets.UTF_8));
        members.put("universe_domain", "googleapis.com");
        return members;
    }

    private static String toJson(Map<String, String> members) {
        return members.entrySet().stream()
                        .map(e -> "  \"" + e.getKey() + "\": \"" + escape(e.getValue()) + "\"")
                        .collect(Collectors.joining(",\n", "{\n", "\n}"))
                + "\n";
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String hex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static String digits(int count) {
        StringBuilder s = new StringBuilder().append(1 + RANDOM.nextInt(9));
        while (s.length() < count) {
            s.append(RANDOM.nextInt(10));
        }
        return s.toString();
    }
}
