package com.mailroom.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A token endpoint on 127.0.0.1 that behaves like Microsoft Entra ID's for the client-credentials grant: it checks
 * the form (or the Basic header), counts requests, issues a new token each time and answers errors the way Entra
 * does. Tests switch it to garbage, server errors or hanging.
 */
public final class TokenServer implements AutoCloseable {

    public static final String CLIENT_ID = "6731de76-14a6-49ae-97bc-6eba6914391e";
    public static final String SCOPE = "https://outlook.office365.com/.default";
    public static final String PATH = "/contoso.onmicrosoft.com/oauth2/v2.0/token";

    public enum Mode {
        TOKENS,
        SCRIPTED,
        REDIRECT,
        GARBAGE,
        SERVER_ERROR,
        HANG
    }

    /** What one request carried. */
    public record Seen(Map<String, String> form, String authorization, String contentType) {}

    public final AtomicInteger requests = new AtomicInteger();
    public final List<Seen> seen = new CopyOnWriteArrayList<>();
    public final List<String> issued = new CopyOnWriteArrayList<>();
    private final String secret;
    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile Mode mode = Mode.TOKENS;
    /** The {@code expires_in} member: a number, a string, or null to leave it out. */
    private volatile Object expiresIn = 3599;

    private volatile int scriptedStatus;
    private volatile String scriptedJson;

    public TokenServer(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, this::handle);
        // the default executor is the dispatcher thread: one hanging answer would block every other request
        server.setExecutor(handlers);
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + PATH);
    }

    public void mode(Mode m) {
        mode = m;
    }

    /** Answers every request with this status and JSON body. */
    public void scripted(int status, String json) {
        scriptedStatus = status;
        scriptedJson = json;
        mode = Mode.SCRIPTED;
    }

    public void expiresIn(Object value) {
        expiresIn = value;
    }

    /** The token issued last, or null before the first. */
    public String current() {
        return issued.isEmpty() ? null : issued.get(issued.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests.incrementAndGet();
            Map<String, String> form =
                    form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(new Seen(form, authorization, exchange.getRequestHeaders().getFirst("Content-Type")));
            switch (mode) {
                case SCRIPTED -> answer(exchange, scriptedStatus, "application/json", scriptedJson);
                case REDIRECT -> {
                    // the JDK's HTTP client follows a 302 on its own (as a GET) unless told not to
                    exchange.getResponseHeaders().set("Location", uri().toString());
                    exchange.sendResponseHeaders(302, -1);
                }
                case GARBAGE -> answer(exchange, 200, "text/html", "<html><body>Sign in</body></html>");
                case SERVER_ERROR -> answer(exchange, 503, "text/html", "<html>Service Unavailable</html>");
                case HANG -> {
                    try {
                        closing.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case TOKENS -> tokenOrError(exchange, form, authorization);
            }
        }
    }

    private void tokenOrError(HttpExchange exchange, Map<String, String> form, String authorization)
            throws IOException {
        String id = form.get("client_id");
        String presented = form.get("client_secret");
        if (authorization != null && authorization.startsWith("Basic ")) {
            String pair = new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
            id = URLDecoder.decode(pair.substring(0, pair.indexOf(':')), StandardCharsets.UTF_8);
            presented = URLDecoder.decode(pair.substring(pair.indexOf(':') + 1), StandardCharsets.UTF_8);
        }
        if (!"client_credentials".equals(form.get("grant_type"))) {
            error(exchange, 400, "unsupported_grant_type", "AADSTS70003: The app requested an unsupported grant type.");
        } else if (!CLIENT_ID.equals(id)) {
            error(
                    exchange,
                    400,
                    "unauthorized_client",
                    "AADSTS700016: Application with identifier '" + id + "' was not found in the directory 'Contoso'.");
        } else if (!secret.equals(presented)) {
            error(
                    exchange,
                    401,
                    "invalid_client",
                    "AADSTS7000215: Invalid client secret provided. Ensure the secret"
                            + " being sent in the request is the client secret value, not the client secret ID.");
        } else if (!SCOPE.equals(form.get("scope"))) {
            error(
                    exchange,
                    400,
                    "invalid_scope",
                    "AADSTS70011: The provided request must include a 'scope' input"
                            + " parameter. The provided value for the input parameter 'scope' is not valid.");
        } else {
            String token = "eyJ0eXAiOiJKV1Qi." + Long.toHexString(System.nanoTime()) + ".tok" + issued.size();
            issued.add(token);
            Object e = expiresIn;
            String expires = e == null ? "" : ",\"expires_in\":" + (e instanceof String s ? "\"" + s + "\"" : e);
            answer(
                    exchange,
                    200,
                    "application/json",
                    "{\"token_type\":\"Bearer\"" + expires + ",\"ext_expires_in\":3599,\"access_token\":\"" + token
                            + "\"}");
        }
    }

    private static void error(HttpExchange exchange, int status, String error, String description) throws IOException {
        answer(
                exchange,
                status,
                "application/json; charset=utf-8",
                "{\"error\":\"" + error
                        + "\",\"error_description\":\"" + description + " Trace ID: 0f1e Correlation ID: 9a8b\","
                        + "\"timestamp\":\"2026-11-27 10:00:00Z\"}");
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
