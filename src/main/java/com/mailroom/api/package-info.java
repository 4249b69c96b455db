/**
 * The REST API under {@code /api} (SPEC §4): thin JAX-RS resources over the boundaries, JSON in snake_case.
 * <p>
 * Bodies are read as JSON-P objects ({@code JsonBodies}: bounded, 400 with the reason when malformed) and mapped
 * field by field ({@code JsonFields}: wrong types and unknown fields are 422s naming the field). Every failure
 * leaves in one shape, {@code {"message", "errors": [{"field", "message"}]}} ({@code ErrorMappers}, and
 * {@code ErrorServlet} for what the container answers itself, such as 403).
 */
package com.mailroom.api;
