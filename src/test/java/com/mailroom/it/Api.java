package com.mailroom.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;

/**
 * A small HTTP client for the REST API of the deployed WAR, on loopback. Arquillian's URL names the machine's
 * interface address; only its port and context path are used.
 */
public final class Api {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "it-admin-password";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    public Api(URL deployed) {
        String path = deployed.getPath().endsWith("/") ? deployed.getPath() : deployed.getPath() + "/";
        this.base = "http://127.0.0.1:" + deployed.getPort() + path;
    }

    public String base() {
        return base;
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static String admin() {
        return basic(ADMIN, ADMIN_PASSWORD);
    }

    /** @param headers more request headers, as name, value, name, value … (e.g. a browser's session cookie) */
    public Reply get(String path, String authorization, String... headers) {
        return send(request(path, authorization, headers).GET());
    }

    public Reply put(String path, String authorization, String json, String... headers) {
        return send(request(path, authorization, headers)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply post(String path, String authorization, String contentType, String body, String... headers) {
        var builder = request(path, authorization, headers);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.POST(
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply postJson(String path, String authorization, String json) {
        return post(path, authorization, "application/json", json);
    }

    public Reply patch(String path, String authorization, String json) {
        return patch(path, authorization, "application/json", json);
    }

    public Reply patch(String path, String authorization, String contentType, String body) {
        return send(request(path, authorization)
                .header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Reply delete(String path, String authorization) {
        return send(request(path, authorization).DELETE());
    }

    /**
     * Every request says it is not a cross-site form (the API refuses changes without JSON or this header); a test
     * that plays such a form passes the header empty.
     */
    private HttpRequest.Builder request(String path, String authorization, String... headers) {
        var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (!Arrays.asList(headers).contains("X-Requested-With")) {
            builder.header("X-Requested-With", "MailroomTests");
        }
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            if (headers[i].equals("X-Requested-With") && headers[i + 1].isEmpty()) {
                continue; // left out: a cross-site form sends none
            }
            if (headers[i].equalsIgnoreCase("Expect")) {
                builder.expectContinue(true); // the client sets this header itself
            } else {
                builder.header(headers[i], headers[i + 1]);
            }
        }
        return builder;
    }

    private Reply send(HttpRequest.Builder builder) {
        try {
            return new Reply(http.send(builder.build(), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** An answer, with its body parsed on demand. */
    public record Reply(HttpResponse<String> response) {
        public int status() {
            return response.statusCode();
        }

        public String body() {
            return response.body();
        }

        public String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }

        public JsonObject json() {
            return (JsonObject) parse();
        }

        public JsonArray array() {
            return (JsonArray) parse();
        }

        private JsonStructure parse() {
            try (var reader = Json.createReader(new StringReader(body()))) {
                return reader.read();
            }
        }

        /** A JSON object written in a test. */
        public static JsonObject parse(String json) {
            try (var reader = Json.createReader(new StringReader(json))) {
                return reader.readObject();
            }
        }

        /** The messages of the error shape's field errors for one field, joined. */
        public String fieldError(String field) {
            return json().getJsonArray("errors").stream()
                    .map(JsonObject.class::cast)
                    .filter(e -> e.getString("field").equals(field))
                    .map(e -> e.getString("message"))
                    .reduce((a, b) -> a + " | " + b)
                    .orElse(null);
        }

        @Override
        public String toString() {
            return status() + " " + body();
        }
    }
}
