package com.mailroom.platform;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API's error shape ({@code {"message": …, "errors": []}}, docs/api.md) for answers written outside JAX-RS: the
 * authentication's 401 and 429, a refused unsized body's 413, the container's error page. They are written before or
 * past the filters, so they carry the security headers and {@code no-store} themselves.
 */
public final class JsonErrors {

    private JsonErrors() {}

    public static void write(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        SecurityHeadersFilter.apply(response);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("message", message)
                        .add("errors", Json.createArrayBuilder())
                        .build()
                        .toString());
    }
}
