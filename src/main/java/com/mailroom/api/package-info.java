/**
 * The REST API under {@code /api} (docs/api.md): thin JAX-RS resources over the boundaries, JSON in snake_case.
 * <p>
 * Bodies are read as JSON-P objects ({@code JsonBodies}: bounded, 400 with the reason when malformed), checked
 * against a request record and bound to it with JSON-B ({@code JsonRecords}: unknown fields and wrong types are 422s
 * naming every field at once); settings bodies are laid over the stored values as a JSON Merge Patch
 * ({@code SettingsBody}). Every failure leaves in one shape, {@code {"message", "errors": [{"field", "message"}]}}
 * ({@code ErrorMappers}, and {@code ErrorServlet} for what the container answers itself, such as 403).
 * <p>
 * {@code /openapi} describes the API: MicroProfile OpenAPI annotations on the resources (operations, answers) and on
 * the records (descriptions, required fields), completed by {@code OpenApiDocument} with what follows from the records
 * themselves (snake_case names, types, enum values) and the one error shape.
 * <p>
 * The API speaks English, whatever the request's {@code Accept-Language}: the boundaries hand over codes
 * ({@link com.mailroom.platform.Text}) and this package writes their English sentences, the same words the API
 * always wrote. Clients match and log these texts; people read the pages, which say the same in their language.
 */
package com.mailroom.api;
