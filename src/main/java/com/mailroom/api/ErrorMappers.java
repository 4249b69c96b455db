package com.mailroom.api;

import com.mailroom.errors.MailroomException;
import com.mailroom.errors.RateLimited;
import com.mailroom.platform.Text;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every failure of the API leaves in the one error shape of docs/api.md "Errors". */
final class ErrorMappers {

    private ErrorMappers() {}

    static Response response(int status, ErrorBody body) {
        // JAX-RS knows no reason phrase for 422 and would send "CUSTOM"
        var builder = status == 422 ? Response.status(422, "Unprocessable Content") : Response.status(status);
        return builder.type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }

    /** Business exceptions carry their status and field errors. */
    static Response response(MailroomException e) {
        Response response = response(e.status(), ErrorBody.of(e));
        if (e instanceof RateLimited limited) {
            response.getHeaders().putSingle("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        return response;
    }

    @Provider
    public static class Business implements ExceptionMapper<MailroomException> {
        @Override
        public Response toResponse(MailroomException e) {
            return response(e);
        }
    }

    /** The sentence for a status that JAX-RS or the container answers by itself; {@code otherwise} for the rest. */
    static Text protocolText(int status, Text otherwise) {
        return switch (status) {
            case 401 -> Text.of("error.api.unauthenticated");
            case 403 -> Text.of("error.api.forbidden");
            case 404 -> Text.of("error.api.notFound");
            case 405 -> Text.of("error.api.methodNotAllowed");
            case 406 -> Text.of("error.api.notAcceptable");
            case 415 -> Text.of("error.api.unsupportedType");
            default -> otherwise;
        };
    }

    /** JAX-RS's own answers (404, 405, 415, …), with a sentence instead of the server's HTML page. */
    @Provider
    public static class Protocol implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            int status = e.getResponse().getStatus();
            return response(status, ErrorBody.of(protocolText(status, Text.of("error.api.other", status))));
        }
    }

    /** Anything else is our fault: the details go to the log under a reference, never to the caller. */
    @Provider
    public static class Unexpected implements ExceptionMapper<Throwable> {
        private static final Logger LOG = Logger.getLogger(Unexpected.class.getName());

        @Override
        public Response toResponse(Throwable e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.SEVERE, "Unexpected error " + reference, e);
            return response(500, ErrorBody.of(Text.of("error.api.internal", reference)));
        }
    }
}
